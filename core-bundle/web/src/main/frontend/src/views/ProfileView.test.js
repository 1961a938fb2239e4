// @vitest-environment jsdom
import { describe, it, expect, vi, beforeEach } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import { Button, Cell, CellGroup, Field, Form } from 'vant';
import ProfileView from './ProfileView.vue';
import { state } from '../store.js';

const member = { name: '张三', phone: '13800000001', email: 'a@cumt.edu.cn', status: 'ACTIVE' };

function reply(status, body) {
  return Promise.resolve({ ok: status < 400, status, text: () => Promise.resolve(JSON.stringify(body)) });
}

function view() {
  return mount(ProfileView, { global: { components: { 'van-button': Button, 'van-cell': Cell,
    'van-cell-group': CellGroup, 'van-field': Field, 'van-form': Form } } });
}

describe('the profile page: own phone and e-mail', () => {
  beforeEach(() => {
    state.me = { username: '3001', roles: ['member'], member: { ...member } };
  });

  it('starts with the stored values and sends both to PUT /api/me/contact', async () => {
    const calls = [];
    globalThis.fetch = vi.fn((path, init) => {
      calls.push([path, init]);
      return path === '/api/me/contact' ? reply(200, { phone: '13900000001', email: '' })
        : reply(200, { ...state.me, member: { ...member, phone: '13900000001', email: null } });
    });
    const wrapper = view();
    expect(wrapper.find('[data-test="phone"] input').element.value).toBe('13800000001');
    await wrapper.find('[data-test="phone"] input').setValue(' 13900000001 ');
    await wrapper.find('[data-test="email"] input').setValue('');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const [path, init] = calls[0];
    expect(path).toBe('/api/me/contact');
    expect(init.method).toBe('PUT');
    expect(JSON.parse(init.body)).toEqual({ phone: '13900000001', email: '' });
    expect(wrapper.find('[data-test="contact-error"]').exists()).toBe(false);
  });

  it("shows the server's reason when it refuses", async () => {
    globalThis.fetch = vi.fn(() => reply(400, { code: 'request.field-invalid', message: '字段 phone 无效：手机号格式不正确',
      messageEn: 'Invalid field phone: not a valid phone number' }));
    const wrapper = view();
    await wrapper.find('[data-test="phone"] input').setValue('call me');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="contact-error"]').text()).toContain('手机号格式不正确');
  });

  it('has no contact form for an account without a member record', () => {
    state.me = { username: 'admin', roles: ['operator'], member: null };
    expect(view().find('[data-test="contact"]').exists()).toBe(false);
  });
});

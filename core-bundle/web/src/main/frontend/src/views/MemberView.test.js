// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import { Button, Cell, CellGroup, Field, Form } from 'vant';
import MemberView from './MemberView.vue';

const member = { id: 7, staffNo: '3001', name: '张三', gender: 'M', birthDate: '1980-01-02', phone: '13800000001',
  email: 'a@cumt.edu.cn', unitId: 2, groupId: null, status: 'ACTIVE', joinDate: '2001-09-01', categories: ['cadre'] };
const units = [{ id: 1, code: 'CUMT', name: '校工会', kind: 'UNIVERSITY', parentId: null, retired: false },
  { id: 2, code: 'A', name: '甲单位', kind: 'UNIT', parentId: 1, retired: false },
  { id: 3, code: 'B', name: '乙单位', kind: 'UNIT', parentId: 1, retired: false },
  { id: 4, code: 'G', name: '小组', kind: 'GROUP', parentId: 2, retired: false }];

function reply(status, body) {
  return Promise.resolve({ ok: status < 400, status, text: () => Promise.resolve(JSON.stringify(body)) });
}

function server(answers) {
  const calls = [];
  globalThis.fetch = vi.fn((path, init) => {
    calls.push({ path, method: init.method, body: init.body ? JSON.parse(init.body) : undefined });
    if (path === '/api/units') return reply(200, units);
    if (path === '/api/members/categories') return reply(200, [{ code: 'cadre', name: '干部' }, { code: 'veteran', name: '复转军人' }]);
    if (init.method === 'GET') return reply(200, member);
    const answer = answers[init.method + ' ' + path];
    return answer ? reply(answer[0], answer[1]) : reply(500, {});
  });
  return calls;
}

async function view() {
  const wrapper = mount(MemberView, { props: { id: '7' }, global: { components: { 'van-button': Button, 'van-cell': Cell,
    'van-cell-group': CellGroup, 'van-field': Field, 'van-form': Form } } });
  await flushPromises();
  return wrapper;
}

describe('editing a member', () => {
  it('sends only the fields that changed, so the server keeps the others', async () => {
    const calls = server({ 'PUT /api/members/7': [200, { ...member, name: '张三丰', email: null }] });
    const wrapper = await view();
    expect(wrapper.find('[data-test="edit-name"] input').element.value).toBe('张三');
    await wrapper.find('[data-test="edit-name"] input').setValue(' 张三丰 ');
    await wrapper.find('[data-test="edit-email"] input').setValue('');
    await wrapper.find('[data-test="edit-join-date"] input').setValue('');
    await wrapper.find('[data-test="member-form"]').trigger('submit');
    await flushPromises();
    const put = calls.find((c) => c.method === 'PUT');
    expect(put.path).toBe('/api/members/7');
    // the emptied e-mail is cleared with ""; the emptied join date is left out, not wiped
    expect(put.body).toEqual({ name: '张三丰', email: '' });
    expect(wrapper.find('[data-test="saved"]').exists()).toBe(true);
  });

  it('sends the categories as the whole new set, only when it changed', async () => {
    const calls = server({ 'PUT /api/members/7': [200, { ...member, categories: ['veteran'] }] });
    const wrapper = await view();
    expect(wrapper.find('[data-test="category-cadre"]').element.checked).toBe(true);
    await wrapper.find('[data-test="category-cadre"]').setValue(false);
    await wrapper.find('[data-test="category-veteran"]').setValue(true);
    await wrapper.find('[data-test="member-form"]').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.method === 'PUT').body).toEqual({ categories: ['veteran'] });
  });

  it("shows the server's 404 for a member outside the caller's units, and no form", async () => {
    globalThis.fetch = vi.fn((path) => (path === '/api/members/7'
      ? reply(404, { code: 'member.not-found', message: '会员不存在', messageEn: 'No such member' }) : reply(200, [])));
    const wrapper = await view();
    expect(wrapper.find('[data-test="error"]').text()).toBe('会员不存在');
    expect(wrapper.find('[data-test="member-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="transfer-form"]').exists()).toBe(false);
  });

  it('sends nothing when nothing changed', async () => {
    const calls = server({});
    const wrapper = await view();
    await wrapper.find('[data-test="member-form"]').trigger('submit');
    await flushPromises();
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });

  it("shows the server's reason for a refused edit", async () => {
    server({ 'PUT /api/members/7': [400, { code: 'request.field-invalid', message: '字段 phone 无效：手机号格式不正确', messageEn: 'Invalid field phone' }] });
    const wrapper = await view();
    await wrapper.find('[data-test="edit-phone"] input').setValue('call me');
    await wrapper.find('[data-test="member-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="save-error"]').text()).toContain('手机号格式不正确');
  });

  it('offers the other units (no groups) and shows a refused transfer as the server says it', async () => {
    const calls = server({ 'POST /api/members/7/transfer': [403, { code: 'member.transfer-outside-scope',
      message: '只有校工会可以把会员调到您管理范围以外的单位', messageEn: 'Only the university union transfers a member outside' }] });
    const wrapper = await view();
    const options = wrapper.findAll('[data-test="transfer-unit"] option').map((o) => o.element.value);
    expect(options).toEqual(['', '1', '3']);
    await wrapper.find('[data-test="transfer-unit"]').setValue('3');
    await wrapper.find('[data-test="transfer-form"]').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST').body).toEqual({ toUnitId: 3 });
    expect(wrapper.find('[data-test="transfer-error"]').text()).toBe('只有校工会可以把会员调到您管理范围以外的单位');
  });

  it('moves the member when the server agrees', async () => {
    server({ 'POST /api/members/7/transfer': [200, { ...member, unitId: 3 }] });
    const wrapper = await view();
    await wrapper.find('[data-test="transfer-unit"]').setValue('3');
    await wrapper.find('[data-test="transfer-note"] input').setValue('工作调动');
    await wrapper.find('[data-test="transfer-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="member-unit"]').text()).toContain('乙单位');
    expect(wrapper.find('[data-test="transferred"]').exists()).toBe(true);
  });
});

// @vitest-environment jsdom
import { describe, it, expect, vi, beforeEach } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import { Button, Cell, CellGroup, Field, Form, Search, Tag } from 'vant';
import AccountsView from './AccountsView.vue';
import { state } from '../store.js';

const units = [{ id: 2, code: 'A', name: '甲单位', kind: 'UNIT', parentId: 1, retired: false },
  { id: 3, code: 'OLD', name: '旧单位', kind: 'UNIT', parentId: 1, retired: true }];

function reply(status, body, headers = {}) {
  return Promise.resolve({ ok: status < 400, status, text: () => Promise.resolve(JSON.stringify(body)),
    blob: () => Promise.resolve(new Blob(['xlsx'])), headers: { get: (name) => headers[name] ?? null } });
}

function server(answers) {
  const calls = [];
  globalThis.fetch = vi.fn((path, init) => {
    calls.push({ path, method: init.method, body: init.body ? JSON.parse(init.body) : undefined });
    const answer = answers[init.method + ' ' + path.split('?')[0]];
    return answer ? answer() : reply(404, { code: 'x', message: '无', messageEn: 'none' });
  });
  return calls;
}

async function view() {
  const wrapper = mount(AccountsView, { global: { components: { 'van-button': Button, 'van-cell': Cell, 'van-cell-group': CellGroup,
    'van-field': Field, 'van-form': Form, 'van-search': Search, 'van-tag': Tag } } });
  await flushPromises();
  return wrapper;
}

describe('the accounts page', () => {
  beforeEach(() => {
    state.me = { username: 'admin', roles: ['union-admin'] };
  });

  it("opens a member's account, then shows its one-time password once", async () => {
    const calls = server({
      'GET /api/units': () => reply(200, units),
      'GET /api/members': () => reply(200, { items: [{ id: 7, staffNo: '3001', name: '张三' }], total: 1, offset: 0, limit: 10 }),
      'POST /api/accounts/members': () => reply(201, { id: 41, username: '3001' }),
      'POST /api/accounts/41/password': () => reply(200, { password: 'Xy7-one-time', mustChangePassword: true }),
    });
    const wrapper = await view();
    await wrapper.find('[data-test="account-member-search"] input').setValue('3001');
    await wrapper.find('[data-test="account-member-search"] input').trigger('keypress', { keyCode: 13 });
    await flushPromises();
    await wrapper.find('[data-test="pick-3001"]').trigger('click');
    await wrapper.find('[data-test="member-account"]').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.path === '/api/accounts/members').body).toEqual({ memberId: 7 });
    expect(wrapper.find('[data-test="issued-password"]').text()).toBe('Xy7-one-time');
  });

  it('lets an operator, who may not search members, name the member by id', async () => {
    state.me = { username: 'op', roles: ['operator'] };
    server({ 'GET /api/units': () => reply(200, units),
      'POST /api/accounts/members': () => reply(409, { code: 'account.exists', message: '该会员已有账号', messageEn: 'exists' }) });
    const wrapper = await view();
    expect(wrapper.find('[data-test="account-member-search"]').exists()).toBe(false);
    await wrapper.find('[data-test="account-member-id"] input').setValue('7');
    await wrapper.find('[data-test="member-account"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="member-account-error"]').text()).toBe('该会员已有账号');
    expect(wrapper.find('[data-test="issued"]').exists()).toBe(false);
  });

  it("downloads a unit's one-time passwords and shows the counts; retired units are not offered", async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const calls = server({ 'GET /api/units': () => reply(200, units),
      'POST /api/accounts/units/2/members': () => reply(200, null, { 'Content-Disposition': 'attachment; filename="accounts-unit-2.xlsx"',
        'X-Accounts-Created': '12', 'X-Accounts-Remaining': '0', 'X-Accounts-Username-Taken': '1' }) });
    const wrapper = await view();
    expect(wrapper.findAll('[data-test="accounts-unit"] option').map((o) => o.element.value)).toEqual(['', '2']);
    await wrapper.find('[data-test="accounts-unit"]').setValue('2');
    await wrapper.find('[data-test="unit-accounts"]').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST').path).toBe('/api/accounts/units/2/members');
    expect(URL.createObjectURL).toHaveBeenCalled();
    expect(clicked).toHaveBeenCalled();
    expect(wrapper.find('[data-test="accounts-created"]').text()).toBe('12');
    expect(wrapper.find('[data-test="accounts-file"]').text()).toBe('accounts-unit-2.xlsx');
  });

  it("shows the server's reason when a unit's accounts are refused", async () => {
    server({ 'GET /api/units': () => reply(200, units),
      'POST /api/accounts/units/2/members': () => reply(404, { code: 'unit.not-found', message: '单位不存在', messageEn: 'No such unit' }) });
    const wrapper = await view();
    await wrapper.find('[data-test="accounts-unit"]').setValue('2');
    await wrapper.find('[data-test="unit-accounts"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="unit-accounts-error"]').text()).toBe('单位不存在');
  });
});

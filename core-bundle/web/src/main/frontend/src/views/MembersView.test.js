// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import { Button, Cell, CellGroup, DropdownItem, DropdownMenu, Pagination, Search } from 'vant';
import MembersView from './MembersView.vue';

function reply(status, body) {
  return Promise.resolve({ ok: status < 400, status, text: () => Promise.resolve(JSON.stringify(body)) });
}

async function view(params) {
  const calls = [];
  globalThis.fetch = vi.fn((path) => {
    calls.push(path);
    if (path === '/api/units') return reply(200, [{ id: 2, code: 'A', name: '<b>甲</b>', kind: 'UNIT', parentId: 1, retired: false }]);
    return reply(200, { items: [{ id: 7, staffNo: '3001', name: '<img src=x onerror=alert(1)>', unitId: 2, status: 'ACTIVE' }], total: 1, offset: 0, limit: 20 });
  });
  const wrapper = mount(MembersView, { props: { params }, global: { components: { 'van-button': Button, 'van-cell': Cell,
    'van-cell-group': CellGroup, 'van-dropdown-menu': DropdownMenu, 'van-dropdown-item': DropdownItem, 'van-pagination': Pagination,
    'van-search': Search } } });
  await flushPromises();
  return { wrapper, calls };
}

describe('the members list', () => {
  it("starts filtered by the unit the organisation tree passed", async () => {
    const { calls } = await view({ unitId: '2' });
    expect(calls.find((p) => p.startsWith('/api/members?'))).toContain('unitId=2');
  });

  it('opens the edit page of the member tapped, and shows names as text', async () => {
    const { wrapper } = await view({});
    const cell = wrapper.find('[data-test="member-3001"]');
    expect(cell.text()).toContain('<img src=x onerror=alert(1)>');
    expect(wrapper.find('img').exists()).toBe(false);
    await cell.trigger('click');
    expect(location.hash).toBe('#/member?id=7');
  });
});

// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import { Button } from 'vant';
import BackupView from './BackupView.vue';

function reply(status, body) {
  return Promise.resolve({ ok: status < 400, status, text: () => Promise.resolve(JSON.stringify(body)) });
}

function view() {
  return mount(BackupView, { global: { components: { 'van-button': Button } } });
}

describe('the backup page', () => {
  it("posts once and shows the server's folder and manifest summary", async () => {
    const calls = [];
    globalThis.fetch = vi.fn((path, init) => {
      calls.push([path, init.method]);
      return reply(200, { folder: '/opt/union/backups/2026-12-04T21-44-00Z', files: 31, bytes: 5 * 1024 * 1024,
        databases: ['union', 'union-study'], warnings: ['<b>x</b> skipped'], frozenMillis: 120 });
    });
    const wrapper = view();
    await wrapper.find('[data-test="backup-now"]').trigger('click');
    await flushPromises();
    expect(calls).toEqual([['/api/admin/backup', 'POST']]);
    expect(wrapper.find('[data-test="backup-folder"]').text()).toBe('/opt/union/backups/2026-12-04T21-44-00Z');
    expect(wrapper.find('[data-test="backup-databases"]').text()).toBe('union, union-study');
    // text, never markup
    expect(wrapper.find('[data-test="backup-warnings"]').text()).toBe('<b>x</b> skipped');
    expect(wrapper.find('[data-test="backup-warnings"] b').exists()).toBe(false);
  });

  it("shows the server's reason when no backup was made", async () => {
    globalThis.fetch = vi.fn(() => reply(409, { code: 'backup.failed', message: '备份未完成：另一个备份正在进行', messageEn: 'Backup not made' }));
    const wrapper = view();
    await wrapper.find('[data-test="backup-now"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="error"]').text()).toBe('备份未完成：另一个备份正在进行');
    expect(wrapper.find('[data-test="backup-result"]').exists()).toBe(false);
  });
});

import { reactive } from 'vue';
import { api, request, ApiError } from './api.js';

// What the whole shell shares: who is logged in, and the plugin pages they may open.
export const state = reactive({
  me: null, // MeDTO, or null when not logged in
  checked: false, // whether the first GET /api/me has answered
  plugins: [], // from GET /api/ui/pages
  pagesVersion: null,
});

export function hasRole(...roles) {
  return !!state.me && roles.some((role) => state.me.roles.includes(role));
}

export async function loadMe() {
  try {
    state.me = await api.get('/api/me');
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) throw error;
    state.me = error.code === 'auth.password-change-required' ? { roles: [], mustChangePassword: true } : null;
  } finally {
    state.checked = true;
  }
}

export async function login(username, password) {
  const session = await api.post('/api/auth/session', { username, password });
  if (session.mustChangePassword) {
    state.me = { username, roles: [], mustChangePassword: true };
  } else {
    await loadMe();
  }
  etag = null;
  return session;
}

export async function logout() {
  try {
    await api.del('/api/auth/session');
  } finally {
    forget();
  }
}

export function forget() {
  state.me = null;
  state.plugins = [];
  state.pagesVersion = null;
  etag = null;
}

let etag = null;

/** One poll of the page registry: 304 keeps what we have; a missing registry means no plugin pages. */
export async function refreshPages() {
  if (!state.me || state.me.mustChangePassword) return;
  const response = await request('GET', '/api/ui/pages', { raw: true, headers: etag ? { 'If-None-Match': etag } : {} });
  if (response.status === 304) return;
  if (response.status === 404) {
    state.plugins = [];
    return;
  }
  if (!response.ok) return;
  const registry = await response.json();
  etag = response.headers.get('ETag');
  state.plugins = Array.isArray(registry.plugins) ? registry.plugins : [];
  state.pagesVersion = registry.version || null;
}

/** A page declaration by plugin and page id, or null. */
export function findPage(pluginId, pageId) {
  const plugin = state.plugins.find((p) => p.id === pluginId);
  const page = plugin && (plugin.pages || []).find((p) => p.id === pageId);
  return page ? { plugin, page } : null;
}

/** Every page with menu:true, in the plugins' order: the home's entries. */
export function menuEntries() {
  return [...state.plugins]
    .sort((a, b) => (a.order ?? 1000) - (b.order ?? 1000) || String(a.id).localeCompare(String(b.id)))
    .flatMap((plugin) => (plugin.pages || []).filter((page) => page.menu).map((page) => ({ plugin, page })));
}

/**
 * The staff pages and who sees them (the same roles as their endpoints; the server still decides).
 * One list for the nav and the router, so that a page shown is a page that opens.
 */
export const ADMIN_PAGES = [
  { path: '/org', key: 'orgTree', icon: 'cluster-o', roles: ['union-admin'] },
  { path: '/audit', key: 'audit', icon: 'records-o', roles: ['union-admin', 'operator'] },
  { path: '/accounts', key: 'accounts', icon: 'manager-o', roles: ['unit-admin', 'union-admin', 'operator'] },
  { path: '/backup', key: 'backup', icon: 'description-o', roles: ['operator'] },
];

export function adminEntries() {
  return ADMIN_PAGES.filter((page) => hasRole(...page.roles));
}

export function mayOpen(path) {
  const page = ADMIN_PAGES.find((p) => p.path === path);
  return !!page && hasRole(...page.roles);
}

import { ref } from 'vue';

// Hash routing (#/path?query): the server needs no fallback, and a reload keeps the page.
export function parse(hash) {
  const value = (hash || '').replace(/^#/, '') || '/';
  const [path, query = ''] = value.split('?');
  const params = {};
  for (const [k, v] of new URLSearchParams(query)) params[k] = v;
  return { path: path || '/', params };
}

export const route = ref(parse(location.hash));
window.addEventListener('hashchange', () => {
  route.value = parse(location.hash);
});

export function go(path, params = {}) {
  const query = new URLSearchParams(params).toString();
  location.hash = '#' + path + (query ? '?' + query : '');
}

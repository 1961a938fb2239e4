// Calls the platform's REST API with the browser session: the HttpOnly cookie travels by itself,
// the CSRF value (cookie union_csrf, bound to the session) goes into X-CSRF-Token on every
// state-changing request. Errors become ApiError with the server's zh/en message.

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.message || body.messageEn)) || `HTTP ${status}`);
    this.status = status;
    this.code = body && body.code;
    this.messageZh = body && body.message;
    this.messageEn = body && body.messageEn;
    this.details = (body && Array.isArray(body.details) && body.details) || [];
  }
}

export function csrfToken(cookieString = document.cookie) {
  for (const part of cookieString.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'union_csrf') return decodeURIComponent(rest.join('='));
  }
  return '';
}

const listeners = new Set();
/** Called with the error whenever the session is gone (401): the shell then shows the login. */
export function onUnauthorized(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function request(method, path, { body, contentType, headers = {}, raw = false } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (method !== 'GET' && method !== 'HEAD') {
    init.headers['X-CSRF-Token'] = csrfToken();
  }
  if (body !== undefined) {
    if (body instanceof Blob || body instanceof ArrayBuffer || body instanceof FormData) {
      init.body = body;
      if (contentType) init.headers['Content-Type'] = contentType;
    } else {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
  }
  const response = await fetch(path, init);
  if (raw) return response;
  if (response.status === 204 || response.status === 304) return null;
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (notJson) {
    json = null;
  }
  if (!response.ok) {
    const error = new ApiError(response.status, json);
    if (response.status === 401 && !path.startsWith('/api/auth/session')) {
      listeners.forEach((listener) => listener(error));
    }
    throw error;
  }
  return json;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, { body }),
  put: (path, body) => request('PUT', path, { body }),
  del: (path) => request('DELETE', path),
  upload: (path, file, contentType) => request('POST', path, { body: file, contentType }),
};

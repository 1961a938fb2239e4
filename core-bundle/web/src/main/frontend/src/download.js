import { ApiError } from './api.js';

/** The file name of a Content-Disposition header, or the fallback. */
export function fileName(disposition, fallback) {
  const match = /filename="?([^";]+)"?/i.exec(disposition || '');
  return match ? match[1] : fallback;
}

/** A failed raw response as the ApiError that request() would have thrown (the server's zh/en reason). */
export async function failure(response) {
  const text = await response.text().catch(() => '');
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (notJson) {
    body = null;
  }
  return new ApiError(response.status, body);
}

/** Hands a blob to the browser as a download (an object URL, no script or markup of ours runs). */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// The declarative page kinds (web contract section 2) as pure functions: paths, values, bars.
// Every value ends up in a text binding; nothing here produces HTML.

/** A value safe as one path segment or query value; "." and ".." cannot climb out of the plugin's API. */
function encodeValue(value) {
  const text = encodeURIComponent(String(value));
  return /^\.{1,2}$/.test(text) ? text.replace(/\./g, '%2E') : text;
}

/**
 * Fills {name} placeholders of a plugin's relative source/target from the route params.
 * @returns {string|null} the filled path, or null when a placeholder has no value or the template is not relative
 */
export function fillPath(template, params) {
  if (typeof template !== 'string' || !template || /^[a-z][a-z0-9+.-]*:|^\/|\\|\/\/|(^|\/)\.\.(\/|$|\?)/i.test(template)) {
    return null;
  }
  let missing = false;
  const filled = template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name) => {
    const value = params[name];
    if (value === undefined || value === null || value === '') {
      missing = true;
      return '';
    }
    return encodeValue(value);
  });
  return missing ? null : filled;
}

/** The absolute API path of a plugin's relative source or target. */
export function apiPath(pluginId, template, params) {
  const filled = fillPath(template, params);
  return filled === null ? null : `/api/${encodeURIComponent(pluginId)}/${filled}`;
}

/** A list source answers an array or a page {items, total}. */
export function itemsOf(data) {
  if (Array.isArray(data)) return data;
  if (data && Array.isArray(data.items)) return data.items;
  return [];
}

/** Reads "a.b.c" from an object. */
export function field(object, path) {
  if (object == null || typeof path !== 'string') return undefined;
  return path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), object);
}

function pick(labels, lang) {
  if (labels == null) return '';
  if (typeof labels === 'string') return labels;
  return labels[lang] || labels.zh || labels.en || '';
}

/** A value as text in a declared format (text, date, datetime, number, percent, boolean, {enum}). */
export function formatValue(value, format, lang = 'zh') {
  if (value === undefined || value === null || value === '') return '';
  const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
  if (format && typeof format === 'object' && format.enum) {
    const entry = format.enum[value];
    return entry ? pick(entry, lang) : String(value);
  }
  switch (format) {
    case 'date': {
      const d = new Date(value);
      return isNaN(d) ? String(value) : d.toLocaleDateString(locale);
    }
    case 'datetime': {
      const d = new Date(value);
      return isNaN(d) ? String(value) : d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
    }
    case 'number':
      return typeof value === 'number' ? value.toLocaleString(locale) : String(value);
    case 'percent': {
      const n = Number(value);
      return isNaN(n) ? String(value) : `${(n <= 1 ? n * 100 : n).toFixed(1)}%`;
    }
    case 'boolean':
      return value ? (lang === 'en' ? 'Yes' : '是') : lang === 'en' ? 'No' : '否';
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** Route params of a link {page, params: {target: sourceField}} for one row. */
export function linkParams(link, row) {
  const params = {};
  for (const [name, from] of Object.entries((link && link.params) || {})) {
    const value = field(row, from);
    if (value !== undefined && value !== null) params[name] = String(value);
  }
  return params;
}

/**
 * Bars of a chart page: label, value, its text and the bar's length in [0, 1] of the largest.
 */
export function chartBars(items, x, y, format, lang) {
  const rows = itemsOf(items).map((item) => ({ label: String(field(item, x) ?? ''), value: Number(field(item, y)) }));
  const max = Math.max(0, ...rows.map((r) => (isFinite(r.value) ? r.value : 0)));
  return rows.map((r) => ({
    label: r.label,
    value: r.value,
    text: formatValue(isFinite(r.value) ? r.value : null, format, lang),
    ratio: max > 0 && isFinite(r.value) && r.value > 0 ? r.value / max : 0,
  }));
}

/** The initial values of a form's fields. */
export function formDefaults(fields) {
  const values = {};
  for (const f of fields || []) {
    values[f.name] = f.type === 'boolean' ? false : '';
  }
  return values;
}

/** The body a form sends: numbers as numbers, empty optional fields left out; null when a required one is empty. */
export function formBody(fields, values) {
  const body = {};
  for (const f of fields || []) {
    let v = values[f.name];
    if (f.type === 'boolean') {
      body[f.name] = Boolean(v);
      continue;
    }
    if (v === undefined || v === null || String(v).trim() === '') {
      if (f.required) return null;
      continue;
    }
    if (f.type === 'number') v = Number(v);
    else if (f.type === 'datetime') v = new Date(v).toISOString();
    body[f.name] = v;
  }
  return body;
}

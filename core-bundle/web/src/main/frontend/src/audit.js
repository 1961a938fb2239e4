// The audit log's filters as GET /api/audit's query: blanks are left out; a day picked on this
// device becomes the instant its local midnight starts ("to" is exclusive: the day after the last one).

function midnight(day, plusDays = 0) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || '');
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).toISOString();
}

export function auditQuery(filters, offset, limit) {
  const params = new URLSearchParams();
  for (const key of ['actor', 'action', 'targetType', 'targetId', 'outcome']) {
    const value = String(filters[key] ?? '').trim();
    if (value) params.set(key, value);
  }
  const from = midnight(filters.from);
  const to = midnight(filters.to, 1);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  params.set('offset', String(offset));
  params.set('limit', String(limit));
  return params.toString();
}

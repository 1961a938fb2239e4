import { describe, it, expect } from 'vitest';
import { auditQuery } from './audit.js';

describe("the audit log's query", () => {
  it('leaves blank filters out and trims the others', () => {
    expect(auditQuery({ actor: ' 3001 ', action: '', outcome: 'denied' }, 40, 20)).toBe('actor=3001&outcome=denied&offset=40&limit=20');
  });

  it("turns days into local midnights, the last day's end exclusive", () => {
    const params = new URLSearchParams(auditQuery({ from: '2026-03-01', to: '2026-03-31' }, 0, 20));
    expect(params.get('from')).toBe(new Date(2026, 2, 1).toISOString());
    expect(params.get('to')).toBe(new Date(2026, 3, 1).toISOString());
  });

  it('ignores a day that is not one', () => {
    expect(auditQuery({ from: 'yesterday', targetType: 'Member', targetId: '7' }, 0, 10))
      .toBe('targetType=Member&targetId=7&offset=0&limit=10');
  });
});

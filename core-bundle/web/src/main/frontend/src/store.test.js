// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { state, adminEntries, mayOpen } from './store.js';

function as(...roles) {
  state.me = { username: 'u', roles };
  return adminEntries().map((entry) => entry.path);
}

describe('the staff pages in the nav', () => {
  it('are none of a plain member', () => {
    expect(as('member')).toEqual([]);
    expect(mayOpen('/org')).toBe(false);
    expect(mayOpen('/audit')).toBe(false);
    expect(mayOpen('/backup')).toBe(false);
  });

  it('give a unit administrator the accounts only', () => {
    expect(as('member', 'unit-admin')).toEqual(['/accounts']);
    expect(mayOpen('/org')).toBe(false);
  });

  it('give a union administrator the tree, the audit log and the accounts', () => {
    expect(as('union-admin')).toEqual(['/org', '/audit', '/accounts']);
    expect(mayOpen('/backup')).toBe(false);
  });

  it('give an operator the audit log, the accounts and the backup', () => {
    expect(as('operator')).toEqual(['/audit', '/accounts', '/backup']);
    expect(mayOpen('/org')).toBe(false);
  });

  it('are none when nobody is logged in, and an unknown path never opens', () => {
    state.me = null;
    expect(adminEntries()).toEqual([]);
    as('union-admin', 'operator');
    expect(mayOpen('/nothing')).toBe(false);
  });
});

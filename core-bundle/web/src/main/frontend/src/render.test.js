import { describe, it, expect } from 'vitest';
import { fillPath, apiPath, itemsOf, formatValue, chartBars, linkParams, formBody } from './render.js';

describe('paths of declarative pages', () => {
  it('fills placeholders, encoded', () => {
    expect(fillPath('sessions/{id}/check-in', { id: '12' })).toBe('sessions/12/check-in');
    expect(fillPath('report?year={year}', { year: '2026' })).toBe('report?year=2026');
    expect(fillPath('a/{x}', { x: '1/../../auth' })).toBe('a/1%2F..%2F..%2Fauth');
    expect(fillPath('a/{x}', { x: 'a&b=c' })).toBe('a/a%26b%3Dc');
  });
  it('a value cannot climb out of the plugin with dots', () => {
    expect(fillPath('a/{x}/{y}', { x: '..', y: '.' })).toBe('a/%2E%2E/%2E');
    expect(apiPath('study', 'a/{x}', { x: '..' })).toBe('/api/study/a/%2E%2E');
  });
  it('refuses templates that are not relative, and missing values', () => {
    for (const bad of ['/api/auth', 'https://evil.example/x', 'javascript:alert(1)', '//evil', 'a//b', 'a\\b', '../auth', 'a/../b', '']) {
      expect(fillPath(bad, {})).toBeNull();
    }
    expect(fillPath('sessions/{id}', {})).toBeNull();
    expect(apiPath('study', 'sessions/{id}', { id: '' })).toBeNull();
  });
});

describe('values', () => {
  it('lists from arrays and pages', () => {
    expect(itemsOf([1, 2])).toEqual([1, 2]);
    expect(itemsOf({ items: [3], total: 1 })).toEqual([3]);
    expect(itemsOf({ nope: 1 })).toEqual([]);
  });
  it('formats', () => {
    expect(formatValue(0.256, 'percent')).toBe('25.6%');
    expect(formatValue(true, 'boolean', 'en')).toBe('Yes');
    expect(formatValue('DONE', { enum: { DONE: { zh: '已完成', en: 'Done' } } }, 'zh')).toBe('已完成');
    expect(formatValue('OTHER', { enum: { DONE: { zh: '已完成' } } })).toBe('OTHER');
    expect(formatValue(null, 'text')).toBe('');
    expect(formatValue('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
  it('link params come from the row', () => {
    expect(linkParams({ page: 'session', params: { id: 'id' } }, { id: 7 })).toEqual({ id: '7' });
  });
});

describe('charts', () => {
  it('bars relative to the largest', () => {
    const bars = chartBars({ items: [{ n: 'A', r: 0.5 }, { n: 'B', r: 1 }, { n: 'C', r: null }] }, 'n', 'r', 'percent', 'zh');
    expect(bars.map((b) => b.ratio)).toEqual([0.5, 1, 0]);
    expect(bars[0].text).toBe('50.0%');
    expect(chartBars([], 'n', 'r')).toEqual([]);
  });
});

describe('forms', () => {
  const fields = [
    { name: 'code', type: 'text', required: true },
    { name: 'n', type: 'number' },
    { name: 'ok', type: 'boolean' },
  ];
  it('builds the body', () => {
    expect(formBody(fields, { code: 'AB12', n: '3', ok: true })).toEqual({ code: 'AB12', n: 3, ok: true });
    expect(formBody(fields, { code: 'AB12', n: '', ok: false })).toEqual({ code: 'AB12', ok: false });
  });
  it('a missing required field stops it', () => {
    expect(formBody(fields, { code: ' ', n: '1' })).toBeNull();
  });
});

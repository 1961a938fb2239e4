import { describe, it, expect } from 'vitest';
import { buildTree, visibleRows } from './tree.js';

const units = [
  { id: 3, code: 'B', name: '乙', kind: 'UNIT', parentId: 1 },
  { id: 1, code: 'CUMT', name: '校工会', kind: 'UNIVERSITY', parentId: null },
  { id: 2, code: 'A', name: '甲', kind: 'UNIT', parentId: 1 },
  { id: 4, code: 'A-1', name: '小组', kind: 'GROUP', parentId: 2 },
];

describe('the organisation tree', () => {
  it('puts each unit under its parent, siblings by code', () => {
    const [root, ...others] = buildTree(units);
    expect(others).toEqual([]);
    expect(root.unit.id).toBe(1);
    expect(root.children.map((n) => n.unit.code)).toEqual(['A', 'B']);
    expect(root.children[0].children.map((n) => n.unit.id)).toEqual([4]);
  });

  it('shows children only of open nodes, with their depth', () => {
    const roots = buildTree(units);
    expect(visibleRows(roots, new Set()).map((r) => r.unit.id)).toEqual([1]);
    const rows = visibleRows(roots, new Set([1, 2]));
    expect(rows.map((r) => [r.unit.id, r.depth])).toEqual([[1, 0], [2, 1], [4, 2], [3, 1]]);
    expect(rows.find((r) => r.unit.id === 3).hasChildren).toBe(false);
  });

  it('keeps a unit whose parent is not in the list as a root, and survives a cycle', () => {
    const roots = buildTree([{ id: 5, code: 'X', parentId: 99 }, { id: 6, code: 'Y', parentId: 7 }, { id: 7, code: 'Z', parentId: 6 }]);
    expect(roots.map((n) => n.unit.id)).toEqual([5]);
    expect(visibleRows(buildTree(units), new Set([1, 2, 3, 4])).length).toBe(4);
  });
});

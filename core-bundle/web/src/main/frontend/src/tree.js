// The organisation tree from the flat GET /api/units list: each unit under its parent, siblings by code.

/** Roots (no parent, or a parent not in the list) with their children, each node {unit, children}. */
export function buildTree(units) {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] }]));
  const roots = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId == null ? null : nodes.get(node.unit.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const byCode = (a, b) => String(a.unit.code).localeCompare(String(b.unit.code));
  const sort = (list) => {
    list.sort(byCode);
    list.forEach((node) => sort(node.children));
    return list;
  };
  return sort(roots);
}

/** The rows to show, depth first: a node's children only when it is open. Guards against a cycle. */
export function visibleRows(roots, open) {
  const rows = [];
  const seen = new Set();
  const walk = (node, depth) => {
    if (seen.has(node.unit.id)) return;
    seen.add(node.unit.id);
    rows.push({ unit: node.unit, depth, hasChildren: node.children.length > 0, open: open.has(node.unit.id) });
    if (open.has(node.unit.id)) node.children.forEach((child) => walk(child, depth + 1));
  };
  roots.forEach((root) => walk(root, 0));
  return rows;
}

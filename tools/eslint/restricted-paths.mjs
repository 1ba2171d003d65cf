// @ts-check
// A layering rule that resolves relative imports against the importing file, so `web/src/api/…`
// (the SPA's own client) is never mistaken for the repository's `api/` — which name patterns cannot tell.
import path from 'node:path';

/**
 * @typedef {{ target: string, from: string[], except?: string[], message: string }} Zone
 * Paths are relative to the repository root (this config's folder).
 */

const root = path.resolve(import.meta.dirname, '../..');
const inside = (file, dir) => {
  const rel = path.relative(path.join(root, dir), file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};
const insideAny = (file, dirs) => dirs.some((dir) => inside(file, dir) || inside(`${file}.ts`, dir));

/** @type {import('eslint').Rule.RuleModule} */
export const restrictedPaths = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each layer to the modules it may import (docs/architecture.md).' },
    schema: [{ type: 'object', properties: { zones: { type: 'array' } }, additionalProperties: false }],
  },
  create(context) {
    /** @type {Zone[]} */
    const zones = context.options[0]?.zones ?? [];
    const file = context.filename;
    const active = zones.filter((zone) => inside(file, zone.target));
    if (active.length === 0) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(file), specifier);
      for (const zone of active) {
        if (insideAny(resolved, zone.from) && !insideAny(resolved, zone.except ?? [])) {
          context.report({ node, message: `${zone.message} ("${specifier}")` });
        }
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

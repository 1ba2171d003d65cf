type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A value shaped like a strict JSON Schema: the placeholder answer for schema-bound requests nobody
 * registered a brain for. It follows types and enums only (no lengths or patterns), like a model
 * that ignores constraints strict mode cannot express — the app's zod validation must catch that.
 */
export function fillSchema(schema: unknown, root: unknown = schema, depth = 0): unknown {
  if (!isObject(schema) || depth > 8) return null;
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').at(-1) ?? '';
    const defs = isObject(root) ? ((root.$defs ?? root.definitions) as Json | undefined) : undefined;
    return fillSchema(defs?.[name], root, depth + 1);
  }
  if (Array.isArray(schema.enum)) return schema.enum[0] ?? null;
  if (Array.isArray(schema.anyOf))
    return fillSchema(
      schema.anyOf.find((s) => isObject(s) && s.type !== 'null'),
      root,
      depth + 1,
    );
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t) => t !== 'null');
  switch (type) {
    case 'object': {
      const props = isObject(schema.properties) ? schema.properties : {};
      return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fillSchema(v, root, depth + 1)]));
    }
    case 'array':
      return [fillSchema(schema.items, root, depth + 1)];
    case 'string':
      return 'example';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

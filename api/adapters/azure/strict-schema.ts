import { z } from 'zod';

type Json = Record<string, unknown>;

/**
 * Keywords strict structured outputs reject; zod still enforces them when we validate the answer
 * (https://learn.microsoft.com/azure/ai-foundry/openai/how-to/structured-outputs#unsupported-type-specific-keywords).
 */
const UNSUPPORTED = [
  '$schema',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'default',
  'examples',
  'propertyNames',
  'patternProperties',
];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function acceptsNull(schema: Json): boolean {
  const type = schema.type;
  if (type === 'null' || (Array.isArray(type) && type.includes('null'))) return true;
  return Array.isArray(schema.anyOf) && schema.anyOf.some((s) => isObject(s) && acceptsNull(s));
}

/** Strict mode has no optional properties: an optional one becomes required but nullable. */
function nullable(schema: Json): Json {
  if (acceptsNull(schema)) return schema;
  if (typeof schema.type === 'string' && !schema.enum && !('const' in schema))
    return { ...schema, type: [schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

function strictify(node: unknown, path: string): unknown {
  if (Array.isArray(node)) return node.map((n, i) => strictify(n, `${path}/${i}`));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (UNSUPPORTED.includes(key)) continue;
    if (key === 'const') out.enum = [value];
    else if (key === 'oneOf') out.anyOf = strictify(value, `${path}/anyOf`);
    else if (key === 'properties' && isObject(value)) {
      const required = new Set(Array.isArray(node.required) ? node.required : []);
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, prop]) => {
          const strict = strictify(prop, `${path}/properties/${name}`) as Json;
          return [name, required.has(name) ? strict : nullable(strict)];
        }),
      );
    } else out[key] = strictify(value, `${path}/${key}`);
  }
  if (out.type === 'object' || isObject(out.properties)) {
    if (isObject(node.additionalProperties)) {
      throw new Error(`Strict structured output needs fixed keys; ${path || 'the root'} is a record.`);
    }
    out.properties ??= {};
    out.required = Object.keys(out.properties as Json);
    out.additionalProperties = false;
  }
  return out;
}

export interface StrictSchema {
  /** What goes into `response_format.json_schema.schema`. */
  schema: Json;
  /** zod's own JSON Schema, to map the model's `null`s back to "absent" for optional fields. */
  original: Json;
}

/**
 * zod schema → a JSON Schema that follows Azure's strict structured-output rules: every property
 * required (optional ones nullable), `additionalProperties: false` everywhere, unsupported keywords
 * stripped, and an object root (no root `anyOf`) (https://learn.microsoft.com/azure/ai-foundry/openai/how-to/structured-outputs).
 */
export function toStrictJsonSchema(schema: z.ZodType): StrictSchema {
  const original = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as Json;
  if (original.type !== 'object') throw new Error('Strict structured output needs an object at the root.');
  return { schema: strictify(original, '') as Json, original };
}

function resolve(schema: Json, root: Json): Json {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.split('/').at(-1) ?? '';
  const defs = (root.definitions ?? root.$defs) as Json | undefined;
  return isObject(defs?.[name]) ? defs[name] : schema;
}

/** Removes `null`s the model had to send for optional fields, so zod sees them as absent. */
export function dropNullOptionals(value: unknown, schema: Json, root: Json = schema): unknown {
  const node = resolve(schema, root);
  if (Array.isArray(value))
    return isObject(node.items) ? value.map((v) => dropNullOptionals(v, node.items as Json, root)) : value;
  if (!isObject(value) || !isObject(node.properties)) return value;
  const required = new Set(Array.isArray(node.required) ? node.required : []);
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    const prop = node.properties[key];
    if (v === null && !required.has(key) && isObject(prop) && !acceptsNull(resolve(prop, root))) continue;
    out[key] = isObject(prop) ? dropNullOptionals(v, prop, root) : v;
  }
  return out;
}

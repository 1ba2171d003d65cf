// Requests for every route of the OpenAPI document (GET /api/openapi.json), valid and hostile, as
// fast-check arbitraries. Shared by tests/integration/hostile-input.test.ts (a few hundred in
// `npm test`) and tests/bench/hostile.ts (10,000 in `npm run bench`).
import fc from 'fast-check';

type Json = Record<string, unknown>;

/** One request as bytes on the wire: the path is sent exactly as written (no URL normalisation). */
export interface HostileRequest {
  method: string;
  /** Raw request target, `/api/...` with its query string. */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What the generator meant: `valid` or the mutation applied, for failure messages and counts. */
  kind: string;
}

/** Real values the app knows, so valid requests reach the handlers instead of stopping at "unknown mode". */
export interface KnownValues {
  modeIds: string[];
  datasetIds: string[];
}

interface Operation {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query'; schema: Json }[];
  body?: Json;
}

export function operationsOf(doc: Json): Operation[] {
  const paths = doc.paths as Record<string, Record<string, Json>>;
  return Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: (op.parameters ?? []) as Operation['params'],
      body: (op.requestBody as { content?: Record<string, { schema: Json }> } | undefined)?.content?.[
        'application/json'
      ]?.schema,
    })),
  );
}

// ---- valid values from JSON Schema --------------------------------------------------------------

const anyJson = fc.jsonValue({ maxDepth: 3 });

/** An arbitrary of values the JSON Schema accepts (the subset zod's toJSONSchema emits here). */
export function valueOf(schema: Json, known: KnownValues, name = ''): fc.Arbitrary<unknown> {
  if (name === 'modeId') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known.modeIds) }, stringOf(schema));
  if (name === 'datasetIds')
    return fc.uniqueArray(fc.constantFrom(...known.datasetIds), { minLength: 1, maxLength: 4 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const union = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (union) return fc.oneof(...union.map((s) => valueOf(s, known, name)));
  switch (schema.type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({
        min: (schema.minimum as number | undefined) ?? -(2 ** 31),
        max: (schema.maximum as number | undefined) ?? 2 ** 31 - 1,
      });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueOf((schema.items ?? {}) as Json, known), {
        minLength: (schema.minItems as number | undefined) ?? 0,
        maxLength: Math.min((schema.maxItems as number | undefined) ?? 4, 4),
      });
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Json>;
      const required = new Set((schema.required ?? []) as string[]);
      const entries = Object.entries(properties);
      return fc.record(Object.fromEntries(entries.map(([k, s]) => [k, valueOf(s, known, k)])), {
        requiredKeys: entries.map(([k]) => k).filter((k) => required.has(k)),
      });
    }
    default:
      return anyJson; // `{}`: anything (tool args)
  }
}

function stringOf(schema: Json): fc.Arbitrary<string> {
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = Math.min((schema.maxLength as number | undefined) ?? 40, 200);
  if (typeof schema.pattern === 'string') {
    // JSON Schema patterns are ECMA-262 with Unicode semantics (`\p{L}` is a letter, not "p{L}").
    return fc
      .stringMatching(new RegExp(schema.pattern, 'u'))
      .filter((s) => s.length >= minLength && s.length <= maxLength);
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

// ---- hostile values -----------------------------------------------------------------------------

const deep = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth);

/** Values of the wrong type, size or nature, put where a valid one was. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, '', ' ', [], {}, [null], { '': '' }, Number.MAX_SAFE_INTEGER + 2),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
  fc.array(fc.string(), { minLength: 300, maxLength: 2_000 }),
  fc.jsonValue({ maxDepth: 6 }),
  fc.integer({ min: 50, max: 3_000 }).map((n) => JSON.parse(deep(n, '[', ']')) as unknown),
  fc.integer({ min: 50, max: 3_000 }).map((n) => JSON.parse(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`) as unknown),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83d', '\ufeffbanking', '..', '../../etc/passwd'),
);

/** Raw JSON text the JSON encoder would never write: huge numbers, lone surrogates, pollution keys. */
const oddJsonText = fc.constantFrom(
  '1e400',
  '-1e400',
  '123456789012345678901234567890123456789',
  '0.' + '0'.repeat(400) + '1',
  '7.00000000000000000000000000001',
  '-0',
  '"\\ud800"',
  '"\\udfff\\ud800"',
  '"\\u0000"',
  '"banking\\u0000"',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '[' + '1,'.repeat(5000) + '1]',
);

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'];

/** A valid body's JSON text, with one property replaced by raw odd JSON text. */
function withRawProperty(value: unknown, key: string, raw: string): string {
  const obj = value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
  const marker = '@@raw-value@@';
  return JSON.stringify({ ...obj, [key]: marker }).replace(JSON.stringify(marker), raw);
}

type BodyPlan = { text: Buffer | undefined; contentType: string | undefined; kind: string };

const utf8 = (s: string) => Buffer.from(s, 'utf8');

function bodyMutations(valid: fc.Arbitrary<unknown>, keys: string[]): fc.Arbitrary<BodyPlan> {
  const json = 'application/json';
  const key = fc.constantFrom(...(keys.length ? keys : ['x']));
  return fc.oneof(
    valid.map((v) => ({ text: utf8(JSON.stringify(v)), contentType: json, kind: 'valid' })),
    fc.tuple(valid, key, wrongValue).map(([v, k, w]) => ({
      text: utf8(JSON.stringify({ ...(v as Json), [k]: w })),
      contentType: json,
      kind: 'wrong-type',
    })),
    fc.tuple(valid, key).map(([v, k]) => {
      const copy = { ...(v as Json) };
      delete copy[k];
      return { text: utf8(JSON.stringify(copy)), contentType: json, kind: 'missing-field' };
    }),
    fc.tuple(valid, key, oddJsonText).map(([v, k, raw]) => ({
      text: utf8(withRawProperty(v, k, raw)),
      contentType: json,
      kind: 'odd-number-or-text',
    })),
    fc.tuple(valid, fc.constantFrom(...POLLUTION_KEYS), fc.jsonValue({ maxDepth: 2 })).map(([v, k, w]) => ({
      // Written by hand: JSON.stringify({__proto__: …}) would set the prototype, not send the key.
      text: utf8(withRawProperty(v, k, JSON.stringify({ polluted: true, isAdmin: true, value: w }))),
      contentType: json,
      kind: 'prototype-pollution',
    })),
    valid.map((v) => ({
      text: utf8(JSON.stringify({ ...(v as Json) }).replace(/^\{/, '{"constructor":{"prototype":{"polluted":true}},')),
      contentType: json,
      kind: 'prototype-pollution',
    })),
    fc.tuple(valid, fc.integer({ min: 1_000, max: 12_000 })).map(([v, n]) => ({
      text: utf8(withRawProperty(v, 'nested', deep(n, '[', ']'))),
      contentType: json,
      kind: 'deeply-nested',
    })),
    fc.tuple(valid, fc.integer({ min: 700_000, max: 1_300_000 })).map(([v, n]) => ({
      text: utf8(JSON.stringify({ ...(v as Json), padding: 'x'.repeat(n) })),
      contentType: json,
      kind: 'huge',
    })),
    fc.tuple(valid, fc.constantFrom('bom', 'invalid-utf8', 'overlong-utf8', 'nul', 'utf16')).map(([v, how]) => {
      const text = JSON.stringify(v);
      const bytes =
        how === 'bom'
          ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)])
          : how === 'invalid-utf8'
            ? Buffer.from(
                utf8(text)
                  .toString('latin1')
                  .replace(/"([a-z])/, '"\u00ff\u00fe$1'),
                'latin1',
              )
            : how === 'overlong-utf8'
              ? Buffer.concat([
                  utf8(text.slice(0, -1)),
                  utf8(',"x":"'),
                  Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]),
                  utf8('"}'),
                ])
              : how === 'nul'
                ? Buffer.concat([utf8(text), Buffer.from([0])])
                : Buffer.from(text, 'utf16le');
      return {
        text: bytes,
        contentType: how === 'utf16' ? 'application/json; charset=utf-16' : json,
        kind: `encoding-${how}`,
      };
    }),
    fc
      .tuple(
        valid,
        fc.constantFrom(
          undefined,
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          'application/xml',
          'application/json; charset=latin1',
          'application/merge-patch+json',
          '*/*',
          'json',
          '',
        ),
      )
      .map(([v, type]) => ({ text: utf8(JSON.stringify(v)), contentType: type, kind: 'content-type' })),
    fc
      .constantFrom(
        '',
        ' ',
        'null',
        '[]',
        '""',
        '0',
        '{',
        '{"a":',
        '}{',
        'undefined',
        '{"a":1}{"b":2}',
        'NaN',
        '\u0000',
      )
      .map((t) => ({ text: t === '' ? undefined : utf8(t), contentType: json, kind: 'empty-or-broken' })),
    fc
      .uint8Array({ minLength: 1, maxLength: 400 })
      .map((b) => ({ text: Buffer.from(b), contentType: json, kind: 'random-bytes' })),
  );
}

// ---- paths, queries, headers ----------------------------------------------------------------------

const PATH_TRICKS = [
  '..',
  '%2e%2e',
  '%2E%2E%2F%2E%2E',
  '..%2F..%2Fsecrets',
  '%2F',
  '%252F',
  '%5C..%5C',
  '.',
  '%00',
  'banking%00',
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%EF%BB%BFbanking',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  '-1',
  '%20',
  'BANKING',
  'banking;drop',
  'banking%3F',
  'banking%23x',
  'a--',
  '--',
];

function pathValue(schema: Json, known: KnownValues, name: string): fc.Arbitrary<{ value: string; kind: string }> {
  const validRaw =
    name === 'id' ? fc.oneof(fc.constantFrom(...known.modeIds), stringOf(schema)) : valueOf(schema, known);
  return fc.oneof(
    { weight: 3, arbitrary: validRaw.map((v) => ({ value: encodeURIComponent(String(v)), kind: 'valid' })) },
    { weight: 3, arbitrary: fc.constantFrom(...PATH_TRICKS).map((v) => ({ value: v, kind: 'path-trick' })) },
    fc.integer({ min: 100, max: 7_000 }).map((n) => ({ value: 'x'.repeat(n), kind: 'long-id' })),
    fc
      .string({ unit: 'binary', minLength: 1, maxLength: 30 })
      .map((s) => ({ value: encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '')) || 'x', kind: 'unicode-id' })),
    fc
      .string({ minLength: 1, maxLength: 10 })
      .map((s) => ({ value: `${encodeURIComponent(s)}/${encodeURIComponent(s)}`, kind: 'extra-segment' })),
  );
}

const QUERY_TRICKS = [
  '',
  '1',
  '0',
  '-1',
  '1e400',
  '99999999999999999999',
  'NaN',
  'abc',
  '%00',
  '%',
  '%zz',
  '%ED%A0%80',
  'x'.repeat(3_000),
  '1&{name}=2',
  '__proto__',
];

function queryOf(op: Operation, known: KnownValues): fc.Arbitrary<string> {
  const names = op.params.filter((p) => p.in === 'query');
  const one = (p: Operation['params'][number]) =>
    fc.oneof(
      valueOf(p.schema, known).map((v) => `${p.name}=${encodeURIComponent(String(v))}`),
      fc.constantFrom(...QUERY_TRICKS).map((v) => `${p.name}=${v.replace('{name}', p.name)}`),
    );
  const extras = fc.constantFrom('', '__proto__[polluted]=1', 'constructor[prototype][x]=1', '&&&', '=', '%=%');
  return fc
    .tuple(fc.tuple(...names.map((p) => fc.option(one(p), { nil: undefined }))), extras)
    .map(([parts, extra]) => {
      const q = [...parts.filter((x): x is string => x !== undefined), extra].filter(Boolean).join('&');
      return q ? `?${q}` : '';
    });
}

const headerTricks = fc.record(
  {
    'x-api-key': fc.constantFrom('', ' ', 'pk_live_nope', 'x'.repeat(2_000), 'key_0123456789ab.secret', '__proto__'),
    'x-forwarded-for': fc.constantFrom(
      'not-an-ip',
      '::1',
      '203.0.113.9, 10.0.0.1',
      '999.999.999.999',
      '',
      'x'.repeat(500),
    ),
    accept: fc.constantFrom('text/event-stream', 'application/xml', '*/*'),
  },
  { requiredKeys: [] },
);

/** Requests for one operation: valid ones and mutated ones, in about equal measure. */
function requestsFor(op: Operation, known: KnownValues, address: string): fc.Arbitrary<HostileRequest> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const path = fc.tuple(...pathParams.map((p) => pathValue(p.schema, known, p.name))).map((values) => {
    let target = op.path;
    for (const [i, p] of pathParams.entries()) target = target.replace(`{${p.name}}`, values[i]!.value);
    return { target, kind: values.find((v) => v.kind !== 'valid')?.kind ?? 'valid' };
  });
  const keys = Object.keys(op.body?.properties ?? {});
  const body: fc.Arbitrary<BodyPlan> = op.body
    ? bodyMutations(valueOf(op.body, known), keys)
    : fc.oneof(
        { weight: 4, arbitrary: fc.constant({ text: undefined, contentType: undefined, kind: 'valid' }) },
        fc.constant({
          text: utf8('{"__proto__":{"polluted":true}}'),
          contentType: 'application/json',
          kind: 'body-on-get',
        }),
      );
  const method = fc.oneof(
    { weight: 12, arbitrary: fc.constant(op.method) },
    fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', op.method === 'GET' ? 'POST' : 'GET'),
  );
  return fc
    .tuple(
      method,
      path,
      queryOf(op, known),
      body,
      // About 1 in 5 requests carries odd headers (most of those stop at 401 before any handler).
      fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, headerTricks),
    )
    .map(([m, p, query, b, tricks]) => {
      const headers: Record<string, string> = { 'x-forwarded-for': address, ...(tricks ?? {}) };
      if (b.contentType !== undefined) headers['content-type'] = b.contentType;
      const kinds = [
        m === op.method ? '' : 'wrong-method',
        p.kind === 'valid' ? '' : p.kind,
        b.kind === 'valid' ? '' : b.kind,
      ];
      if (tricks && Object.keys(tricks).length) kinds.push('header-tricks');
      if (query.includes('%') || query.includes('__proto__') || /=(?:NaN|abc|1e400|-1)/.test(query))
        kinds.push('query-trick');
      const kind = kinds.filter(Boolean).join('+') || 'valid';
      // A GET with a body is legal HTTP, and some clients send one.
      const send = m === 'GET' || m === 'HEAD' ? (b.kind === 'body-on-get' ? b.text : undefined) : b.text;
      return { method: m, target: p.target + query, headers, ...(send ? { body: send } : {}), kind };
    });
}

/** Requests for every operation of the document, each operation about equally often. */
export function hostileRequests(
  doc: Json,
  known: KnownValues,
  address = '198.51.100.77',
): fc.Arbitrary<HostileRequest> {
  return fc.oneof(...operationsOf(doc).map((op) => requestsFor(op, known, address)));
}

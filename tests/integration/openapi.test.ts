// The OpenAPI document's structure (coverage of the registrations: openapi-coverage.test.ts).
import { HttpRequest, InvocationContext } from '@azure/functions';
import { describe, expect, it } from 'vitest';
import { openapiGet } from '../../api/functions/openapi-get';
import { loadConfig } from '../../api/config';

export type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        responses: Record<string, { description: string }>;
        security?: unknown[];
        requestBody?: unknown;
      }
    >
  >;
};

async function document(): Promise<Doc> {
  const res = await openapiGet(() => ({ config: loadConfig({}) }))(
    new HttpRequest({ method: 'GET', url: 'http://127.0.0.1/api/openapi.json' }),
    new InvocationContext(),
  );
  expect(res.status).toBe(200);
  return JSON.parse(JSON.stringify(res.jsonBody)) as Doc;
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document: unique operation ids, every operation has responses, JSON schemas from zod', async () => {
    const doc = await document();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    for (const op of ops) {
      expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      for (const r of Object.values(op.responses)) expect(typeof r.description).toBe('string');
    }
    const chat = doc.paths['/api/chat']!.post!;
    expect(chat.requestBody).toMatchObject({
      content: {
        'application/json': { schema: { type: 'object', required: expect.arrayContaining(['sessionId', 'messages']) } },
      },
    });
    expect(chat.responses['429']).toMatchObject({ headers: { 'Retry-After': expect.anything() } });
    expect(chat.security).toEqual([{ apiKey: [] }, {}]);
  });
});

// The OpenAPI document against what the app really registers: the compiled app (`npm run build`)
// loaded the way the local runtime loads it. Nothing here imports @azure/functions or a trigger
// first: that would put the package in test mode and the shim would capture nothing (load-app.ts).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../api/contracts/openapi';
import { ROUTES } from '../../api/contracts/openapi-routes';
import { loadApp } from '../../api/local/load-app';

describe('GET /api/openapi.json coverage', () => {
  it('covers every HTTP function the app registers (method and route), and nothing else', async () => {
    const { registry } = loadApp(resolve(__dirname, '../..'));
    const registered = registry
      .flatMap((r) =>
        Object.values(r.bindings)
          .filter((b) => b.type === 'httpTrigger')
          .map((b) => ({ name: r.name, b: b as unknown as { route: string; methods: string[] } })),
      )
      .flatMap(({ name, b }) => b.methods.map((m) => `${m.toLowerCase()} /api/${b.route} ${name}`))
      .sort();
    const doc = openApiDocument(ROUTES, 'test') as unknown as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.entries(ops).map(([m, op]) => `${m} ${path} ${op.operationId}`))
      .sort();
    expect(registered.length).toBeGreaterThan(10);
    expect(documented).toEqual(registered);
  });
});

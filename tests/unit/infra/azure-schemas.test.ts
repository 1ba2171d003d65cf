import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bicep, read, resourceDeclarations, ROOT, type ResourceDeclaration } from './bicep-text';

// "Every Bicep resource type and property is checked against the published Azure resource schemas"
// (issue #11). No Bicep compiler runs here, so each resource type@apiVersion and each property path
// infra/ sets was checked by hand against the generated type definitions in Azure/bicep-types-az
// (the files Bicep's own type checker is built from); azure-schema-paths.json lists what was
// verified. This test holds infra/ to that list: a new type, apiVersion or property fails here
// until it has been checked against its schema file and added (docs/deploy.md "Validated against").
const verified = JSON.parse(read('tests/unit/infra/azure-schema-paths.json')) as {
  types: Record<string, { schema: string; properties: string[] }>;
};

/** Set in the resource body but not Azure properties: Bicep's own keywords. */
const BICEP_KEYWORDS = new Set(['name', 'parent', 'scope', 'dependsOn']);

const files = ['infra/main.bicep', ...readdirSync(join(ROOT, 'infra/modules')).map((f) => `infra/modules/${f}`)].filter(
  (f) => f.endsWith('.bicep'),
);
const declarations: Array<ResourceDeclaration & { file: string }> = files.flatMap((file) =>
  resourceDeclarations(bicep(file)).map((d) => ({ ...d, file })),
);

describe('infra/ against the published Azure resource schemas (bicep-types-az)', () => {
  it('finds the resources (the reader works)', () => {
    expect(declarations.length).toBeGreaterThanOrEqual(20);
    expect(declarations.map((d) => d.type)).toContain('Microsoft.Web/sites/config@2024-04-01');
    const deployments = declarations.find((d) =>
      d.type.startsWith('Microsoft.CognitiveServices/accounts/deployments@'),
    );
    expect(deployments?.paths).toContain('properties.model.version');
  });

  it('uses only resource types and api versions whose schema was checked', () => {
    const unverified = [...new Set(declarations.map((d) => d.type))].filter((t) => !(t in verified.types));
    expect(unverified, 'add them to azure-schema-paths.json after checking bicep-types-az').toEqual([]);
  });

  it('sets only property paths found in that schema', () => {
    for (const d of declarations.filter((x) => !x.existing)) {
      const allowed = verified.types[d.type]?.properties ?? [];
      const unknown = d.paths.filter((p) => !BICEP_KEYWORDS.has(p) && !allowed.includes(p));
      expect(unknown, `${d.file}: ${d.symbol} (${d.type})`).toEqual([]);
    }
  });

  it('lists nothing infra/ no longer uses, each with the schema file it was checked in', () => {
    const used = new Set(declarations.flatMap((d) => d.paths.map((p) => `${d.type} ${p}`)));
    for (const [type, entry] of Object.entries(verified.types)) {
      const [name, apiVersion] = type.split('@') as [string, string];
      expect(entry.schema).toMatch(
        new RegExp(`^generated/[\\w.]+/${name.split('/')[0]!.toLowerCase()}/${apiVersion}/types\\.json$`),
      );
      for (const p of entry.properties) expect(used.has(`${type} ${p}`), `${type} ${p}`).toBe(true);
    }
  });
});

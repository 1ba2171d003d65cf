import { readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SWA_CONFIG_SOURCE } from '../../../api/local/swa-config';
import { read, ROOT } from './bicep-text';

// Issue #11 item 6. azd deploys the `web` service with `swa deploy --app-location <project>
// --output-location <dist>`, and the SWA CLI looks for the configuration by walking the whole app
// location (skipping only node_modules and .git*) and keeping the LAST staticwebapp.config.json it
// meets, in directory order (@azure/static-web-apps-cli 2.0.10 dist/core/utils/user-config.js
// findSWAConfigFile). So the only file of that name (or the legacy routes.json) under the app
// location must be the one the build writes into the deployed folder, which the predeploy hook patches.
const CONFIG_NAMES = ['staticwebapp.config.json', 'routes.json'];

/** Every file SWA would consider, walked like the SWA CLI walks the app location. */
function swaCandidates(folder: string, skip: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.includes('node_modules') || entry.name.startsWith('.git')) continue;
    const full = join(folder, entry.name);
    if (full === skip) continue;
    if (entry.isDirectory()) found.push(...swaCandidates(full, skip));
    else if (CONFIG_NAMES.includes(entry.name)) found.push(relative(ROOT, full));
  }
  return found;
}

/** `project:` and `dist:` of the azure.yaml `web` service. */
function webService(): { project: string; dist: string } {
  const yaml = read('azure.yaml');
  const block = yaml.slice(yaml.indexOf('\n  web:'));
  const field = (name: string) => new RegExp(`\\n\\s+${name}:\\s*(\\S+)`).exec(block)?.[1] ?? '';
  return { project: field('project'), dist: field('dist') };
}

describe('one staticwebapp.config.json reaches SWA (issue #11 item 6)', () => {
  const { project, dist } = webService();
  const appLocation = join(ROOT, project);
  const deployed = join(appLocation, dist);

  it('no file under the app location azd deploys from is named like an SWA config, except in the deployed folder', () => {
    expect(project).not.toBe('');
    expect(dist).not.toBe('');
    expect(swaCandidates(appLocation, deployed)).toEqual([]);
  });

  it('the committed source has another name, and the build writes it into the deployed folder', () => {
    expect(CONFIG_NAMES).not.toContain(basename(SWA_CONFIG_SOURCE));
    const vite = read('web/vite.config.mts');
    expect(vite).toContain(`resolve(webRoot, '${basename(SWA_CONFIG_SOURCE)}')`);
    expect(vite).toMatch(/copyFileSync\(swaConfig, resolve\(outDir, 'staticwebapp\.config\.json'\)\)/);
    expect(join(ROOT, 'web/dist')).toBe(deployed);
    expect(read('infra/hooks/point-spa-at-api.mjs')).toMatch(/join\(dist, 'staticwebapp\.config\.json'\)/);
    // It is still a valid SWA config (the e2e pass through `swa start` checks it is honoured).
    const config = JSON.parse(read(SWA_CONFIG_SOURCE)) as { navigationFallback?: unknown; globalHeaders?: unknown };
    expect(config.navigationFallback).toBeDefined();
    expect(config.globalHeaders).toBeDefined();
  });
});

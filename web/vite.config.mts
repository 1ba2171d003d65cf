import { copyFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const webRoot = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(webRoot, 'dist');
// Not named staticwebapp.config.json on purpose (api/local/swa-config.ts SWA_CONFIG_SOURCE): the
// copy in web/dist must be the only file of that name that `swa deploy` can find.
const swaConfig = resolve(webRoot, 'staticwebapp.config.source.json');

/** The deployed staticwebapp.config.json: the committed source, copied into the app artifact. */
function copySwaConfig(): Plugin {
  return {
    name: 'copy-staticwebapp-config',
    apply: 'build',
    closeBundle() {
      if (existsSync(swaConfig)) copyFileSync(swaConfig, resolve(outDir, 'staticwebapp.config.json'));
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  // Vite 8 transforms TSX with oxc; point its automatic JSX runtime at Preact (no preset needed).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [copySwaConfig()],
  build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false },
  // `npm start` serves the API on 4280; `vite --config web/vite.config.mts` proxies to it in dev.
  server: { proxy: { '/api': 'http://127.0.0.1:4280' } },
});

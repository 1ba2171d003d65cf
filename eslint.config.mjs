// @ts-check
// `npm run lint`: type-aware typescript-eslint plus the layering rules of docs/architecture.md as
// import restrictions, so a breach fails CI instead of relying on review.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { restrictedPaths } from './tools/eslint/restricted-paths.mjs';

/** Node built-ins, with and without the `node:` prefix: pure domain code must run anywhere. */
const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'stream',
  'timers',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

/** SDKs that only api/adapters may load (the trigger layer may use @azure/functions). */
const SDK_PATTERNS = [
  { group: ['openai', 'openai/*'], message: 'Only api/adapters talks to the openai SDK.' },
  {
    group: ['@azure/*', '!@azure/functions'],
    message: 'Only api/adapters loads Azure SDKs (api/functions may use @azure/functions).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'web/dist/**',
      '.azurite/**',
      'test-results/**',
      'playwright-report/**',
      'tests/fixtures/**',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Config files and declaration files outside the three tsconfigs get a default project.
        projectService: {
          allowDefaultProject: ['vitest.config.mts', 'web/vite.config.mts', 'infra/hooks/*.d.mts', 'scripts/*.d.mts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `_`-prefixed names are deliberately unused (positional parameters of an interface).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Off: an `async` method implementing a Promise-returning port (or an async generator that
      // yields synchronously) is the clearest way to honour the interface; an await is not a virtue.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Off in tests only: they read JSON bodies and SSE events as `unknown`/`any` on purpose and let
      // the assertion itself check the shape; the product code keeps these rules on.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Build-tool configs are typed by their tools' own packages, which the default project cannot
    // resolve the way Vite/Vitest do: lint them without type information.
    files: ['**/*.mts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['api/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'api/domain is pure: no Node built-ins.' })),
          patterns: [
            { group: ['node:*'], message: 'api/domain is pure: no Node built-ins.' },
            ...SDK_PATTERNS,
            { group: ['@azure/functions'], message: 'api/domain knows no trigger.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'api/domain reads no environment: take it as an argument.' },
        { name: 'Buffer', message: 'api/domain is pure: use Uint8Array.' },
      ],
    },
  },
  {
    files: ['api/**/*.ts'],
    ignores: ['api/domain/**', 'api/adapters/**', 'api/local/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: SDK_PATTERNS }] },
  },
  {
    files: ['api/**/*.ts'],
    ignores: ['api/config.ts', 'api/local/**', 'api/cli/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Only api/config.ts reads process.env (api/local and api/cli are tooling).',
        },
      ],
    },
  },
  {
    files: ['api/**/*.ts', 'web/**/*.ts', 'web/**/*.tsx'],
    plugins: { local: { rules: { 'restricted-paths': restrictedPaths } } },
    rules: {
      'local/restricted-paths': [
        'error',
        {
          zones: [
            {
              target: 'web',
              from: ['api'],
              except: ['api/contracts'],
              message: 'The SPA imports only api/contracts from api/.',
            },
            {
              target: 'api/domain',
              from: [
                'api/adapters',
                'api/http',
                'api/functions',
                'api/local',
                'api/cli',
                'api/config.ts',
                'api/deps.ts',
              ],
              message: 'api/domain depends on ports and contracts, never on adapters, transport or configuration.',
            },
            {
              target: 'api/contracts',
              from: ['api'],
              except: ['api/contracts'],
              message: 'api/contracts is shared with the SPA: it imports only other contracts.',
            },
          ],
        },
      ],
    },
  },
);

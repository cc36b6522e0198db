// Layering is a lint rule (as in VS Code): renderer → shared ← electron. Only electron/main and
// electron/preload import `electron`; only the store layer imports better-sqlite3.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Only electron/net (the egress module) opens connections; the web harness serves on loopback.
const networkModules = ['http', 'https', 'http2', 'net', 'tls', 'dns', 'dgram', 'undici'].flatMap((m) => [
  m,
  `node:${m}`,
  `${m}/promises`,
  `node:${m}/promises`,
]);
const noNetworkGlobals = {
  'no-restricted-globals': [
    'error',
    { name: 'fetch', message: 'connections go through electron/net/egress.ts (see docs/endpoint.md)' },
    { name: 'WebSocket', message: 'connections go through electron/net/egress.ts' },
  ],
};
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];
const restrict = (paths, patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message: `not allowed in this layer (see docs/architecture.md)` })),
      patterns: patterns.map((group) => ({
        group: [group],
        message: 'not allowed in this layer (see docs/architecture.md)',
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**', 'coverage/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: restrict(['electron', 'better-sqlite3', ...nodeBuiltins], ['node:*', '**/electron/**', '**/tests/**']),
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      ['electron', 'better-sqlite3', 'react', 'react-dom', ...nodeBuiltins],
      ['node:*', '**/electron/**', '**/renderer/**', '**/tests/**'],
    ),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: [
      'electron/main/**',
      'electron/preload/**',
      'electron/store/**',
      'electron/net/**',
      'electron/web/server.ts',
    ],
    languageOptions: { globals: globals.node },
    rules: {
      ...restrict(['electron', 'better-sqlite3', ...networkModules], ['**/renderer/**', '**/tests/**']),
      ...noNetworkGlobals,
    },
  },
  {
    files: ['electron/net/**/*.ts', 'electron/web/server.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(['electron', 'better-sqlite3'], ['**/renderer/**', '**/tests/**']),
  },
  {
    files: ['electron/store/**/*.ts'],
    rules: restrict(['electron'], ['**/renderer/**', '**/services/**', '**/ipc/**']),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: ['electron/preload/web-bridge.ts'],
    languageOptions: { globals: globals.node },
    rules: { ...restrict(networkModules, ['**/renderer/**']), ...noNetworkGlobals },
  },
  {
    files: ['electron/preload/web-bridge.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.{js,cjs,mjs}', 'tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

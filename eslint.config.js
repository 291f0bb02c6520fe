import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

// The layers of ARCHITECTURE.md, top to bottom: receivers → bot → listeners → services → domain,
// with the adapters (platforms, outbox, db, crypto, storage, documents) below the services. A
// layer imports only from layers below it; each zone names what one layer must not import.
const entry = ['src/http', 'src/jobs', 'src/cli', 'src/server', 'src/main.ts', 'src/app.ts', 'src/runtime.ts'];
const handlers = ['src/receivers', 'src/bot', 'src/listeners'];
const adapters = ['src/platforms', 'src/outbox', 'src/db', 'src/crypto', 'src/storage', 'src/documents'];
const layerZones = [
  { target: 'src/receivers', from: ['src/listeners', 'src/services', 'src/jobs', 'src/cli'], message: 'Receivers only verify, decrypt, normalize and ack; hand the event to the bot router.' },
  { target: 'src/bot', from: ['src/receivers', 'src/http', 'src/jobs', 'src/cli'], message: 'The bot router sits below the receivers.' },
  { target: 'src/listeners', from: ['src/receivers', 'src/http', 'src/jobs', 'src/cli'], message: 'Listeners sit below the receivers; call services.' },
  { target: 'src/services', from: [...entry, ...handlers], message: 'Services sit below the receivers, bot, listeners, HTTP routes, jobs and CLI; pass what they need in.' },
  { target: adapters, from: [...entry, ...handlers, 'src/services'], message: 'Adapters (platforms, outbox, db, crypto, storage, documents) sit below the services; take a narrow parameter type instead.' },
  { target: 'src/domain', from: [...entry, ...handlers, 'src/services', 'src/platforms', 'src/outbox', 'src/storage', 'src/documents', 'src/crypto'], message: 'The domain is pure: it imports nothing above it.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'src/generated/', 'src/h5/**/*.vue', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only src/config.ts reads the environment; pass values in.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['src/config.ts', 'scripts/**', 'test/**', 'bench/**', '*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);

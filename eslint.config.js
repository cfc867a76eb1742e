// Lint, including the layering of ARCHITECTURE.md:
//   core   imports no adapter (no SQL driver, HTTP, mail, queue, process.env)
//   db, queue, channels, dns  import core, never server/worker/cli
//   server and worker         import core and adapters' types, never cli
//   only src/config reads process.env
import tseslint from 'typescript-eslint';

const ADAPTER_PACKAGES = [
  'better-sqlite3',
  'pg',
  'pg-boss',
  'kysely',
  'fastify',
  'nodemailer',
  'smtp-server',
  'mailparser',
  'pino',
];
const restrict = (paths, packages = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...paths.map((p) => ({
          group: [`**/${p}/*`, `**/${p}`],
          message: `This layer must not import src/${p} (see ARCHITECTURE.md).`,
        })),
        ...packages.map((p) => ({
          group: [p, `${p}/*`],
          message: `The core imports no adapter package (${p}); define a port in core/ports.ts.`,
        })),
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', 'reports/**', '.tools/**', 'dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only src/config reads process.env; receive a Config instead.',
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: restrict(['db', 'queue', 'channels', 'dns', 'security', 'server', 'worker', 'cli', 'config'], ADAPTER_PACKAGES),
  },
  {
    files: ['src/db/**/*.ts', 'src/queue/**/*.ts', 'src/channels/**/*.ts', 'src/dns/**/*.ts', 'src/security/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: restrict(['server', 'worker', 'cli']),
  },
  { files: ['src/server/**/*.ts', 'src/worker/**/*.ts'], ignores: ['src/**/*.test.ts'], rules: restrict(['cli']) },
);

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

// SEC-02: secrets, tokens, signatures, HMACs and digests are compared in one place,
// src/core/tokens/constant-time.ts: secrets in constant time (the only caller of crypto.timingSafeEqual),
// public digests with a function that says so.
const CONSTANT_TIME_FILE = 'src/core/tokens/constant-time.ts';
const SECRET_NAME = '/(hash|token|secret|signature|hmac|mac|digest)$/i';
// Comparing with null, undefined or a literal is a presence or shape check, not a secret compare.
// (esquery reads a missing attribute as the text 'undefined', hence the type checks.)
const NOT_A_PLAIN_VALUE =
  ":not(:matches([right.type='Literal'], [left.type='Literal'], [right.type='Identifier'][right.name='undefined'], [left.type='Identifier'][left.name='undefined']))";
const secretOperand = (side) =>
  `[${side}.type='Identifier'][${side}.name=${SECRET_NAME}], [${side}.type='MemberExpression'][${side}.property.name=${SECRET_NAME}]`;
const NO_SECRET_EQUALITY = {
  selector: `BinaryExpression:matches([operator='==='], [operator='!=='], [operator='=='], [operator='!=']):matches(${secretOperand('left')}, ${secretOperand('right')})${NOT_A_PLAIN_VALUE}`,
  message: `Compare secrets, tokens and signatures with safeEqual (constant time, SEC-02), public digests with equalPublicDigest, both from ${CONSTANT_TIME_FILE}.`,
};
const NO_TIMING_SAFE_EQUAL = [
  {
    selector: "ImportSpecifier[imported.name='timingSafeEqual'], MemberExpression[property.name='timingSafeEqual']",
    message: `Only ${CONSTANT_TIME_FILE} calls timingSafeEqual; use its safeEqual.`,
  },
];
const NO_PROCESS_ENV = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Only src/config reads process.env; receive a Config instead.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', 'reports/**', '.tools/**', 'dist/**', '.stryker-tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config/**', CONSTANT_TIME_FILE],
    rules: { 'no-restricted-syntax': ['error', NO_PROCESS_ENV, NO_SECRET_EQUALITY, ...NO_TIMING_SAFE_EQUAL] },
  },
  { files: ['src/config/**/*.ts'], rules: { 'no-restricted-syntax': ['error', NO_SECRET_EQUALITY, ...NO_TIMING_SAFE_EQUAL] } },
  { files: [CONSTANT_TIME_FILE], rules: { 'no-restricted-syntax': ['error', NO_PROCESS_ENV] } },
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

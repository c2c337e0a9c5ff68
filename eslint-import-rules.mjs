/**
 * What may import what, as ESLint `no-restricted-imports` blocks. The rules are written out in
 * docs/CONTRIBUTING.md ("Layout and import rules"), after shared/design/architecture.md.
 *
 * ESLint takes a rule's options from the LAST block matching a file, it does not merge them, so
 * each block below carries the whole list for its files: a zone's layering (which of our libs and
 * apps it may not reach) plus its placement rules (who opens SQLite or EventStoreDB), then the
 * places a zone is allowed more, each with the reason. Test code (specs, spec helpers, testing/
 * folders, *.fixture.ts) keeps its zone's layering but may open a store file or pick an adapter by
 * name: that is what it tests. test/ (contract, e2e, faults) is outside every zone.
 */

const TEST_CODE = ['**/*.spec.ts', '**/*.spec-helper.ts', '**/testing/**', '**/*.fixture.ts'];

/** One of our libs, by alias (`@care-journey/x`, `@care-journey/x/…`) or by a relative path into it. */
const lib = (name, message) => [
  { group: [`@care-journey/${name}`], message },
  { regex: `(^|/)\\.\\./(libs/)?${name}/src(/|$)`, message },
];

/** Another app's files, by a relative path (the apps have no aliases). */
const app = (name, message) => [{ regex: `(^|/)\\.\\./(apps/)?${name}/src(/|$)`, message }];

const LIBS_NOT_APPS = [
  {
    regex: '(^|/)apps/',
    message: 'A lib never imports apps/: the apps wire the libs together, not the other way round.',
  },
];

const SQLITE_DRIVER = {
  group: ['better-sqlite3'],
  message:
    'Only libs/event-store/src/sqlite and the read-model store (libs/projections/src/engine) open SQLite files: ask @care-journey/event-store/sqlite or the read-model store for what you need.',
};
const ESDB_CLIENT = {
  group: ['@eventstore/*'],
  message:
    'Only libs/event-store/src/eventstoredb talks to EventStoreDB: use the port (@care-journey/event-store).',
};
const SQLITE_ADAPTER = {
  group: ['@care-journey/event-store/sqlite'],
  message:
    "The SQLite adapter by name is for what is SQLite's by nature (start-up file checks, CLI backup/restore/store checks, the read-model store, the bench, specs): use the port (@care-journey/event-store).",
};
const PLACEMENT = [SQLITE_DRIVER, ESDB_CLIENT, SQLITE_ADAPTER];

const restrict = (patterns, paths = []) => ['error', { paths, patterns }];
/** What a pattern restricts, whatever its message: `drop` may name a pattern made for another zone. */
const target = ({ group, regex }) => JSON.stringify(group ?? regex);
const without = (list, dropped) =>
  list.filter((pattern) => !dropped.some((gone) => target(gone) === target(pattern)));

/**
 * A zone's blocks: everything (layering + placement); its test code, with the layering only unless
 * `testsAsCode`; then its `allowed` exceptions, each `{ files, drop, why }` (`why` says why, and
 * what would remove the exception). An exception with `tests: true` is for test files.
 */
function zone({
  files,
  layering = [],
  placement = PLACEMENT,
  paths = [],
  allowed = [],
  testsAsCode = false,
}) {
  const all = [...layering, ...placement];
  const block = (blockFiles, patterns, extra = {}) => ({
    files: blockFiles,
    ...extra,
    rules: { 'no-restricted-imports': restrict(patterns, paths) },
  });
  return [
    block(files, all),
    ...(testsAsCode
      ? []
      : [
          block(
            files.flatMap((glob) => TEST_CODE.map((test) => [glob, test])),
            layering,
          ),
        ]),
    ...allowed.map(({ files: where, drop, tests }) =>
      tests
        ? block(where, without(testsAsCode ? all : layering, drop))
        : block(where, without(all, drop), testsAsCode ? {} : { ignores: TEST_CODE }),
    ),
  ];
}

const API_LAYERING = [
  ...app('cli', 'The API imports no CLI file: share through a lib.'),
  ...app('projector', 'The API imports no projector file: share through a lib.'),
];
const ONLY_JOURNEY_AND_PORT = 'libs/projections imports libs/journey and the event-store port only.';
const NO_DOMAIN = 'libs/event-store stores envelopes, not journeys: it imports no code of ours.';

export const importRules = [
  // The domain is pure: nothing of ours, nothing from Nest, no I/O, no clock.
  ...zone({
    files: ['libs/journey/**/*.ts'],
    layering: [
      {
        group: ['@nestjs/*', 'fs', 'node:*', '@care-journey/*'],
        message: 'libs/journey is pure: no Nest, no I/O, nothing of ours.',
      },
      ...['event-store', 'projections', 'reporting', 'audit', 'access', 'registrations'].flatMap((name) =>
        lib(name, 'libs/journey is pure: it imports nothing of ours.'),
      ),
      ...LIBS_NOT_APPS,
    ],
    placement: [SQLITE_DRIVER, ESDB_CLIENT],
    testsAsCode: true, // the domain's specs are pure too
  }),

  ...zone({
    files: ['libs/event-store/**/*.ts'],
    layering: [
      ...['journey', 'projections', 'reporting', 'audit', 'access', 'registrations'].flatMap((name) =>
        lib(name, NO_DOMAIN),
      ),
      ...LIBS_NOT_APPS,
    ],
    placement: [SQLITE_DRIVER, ESDB_CLIENT],
    allowed: [
      { files: ['libs/event-store/src/sqlite/**/*.ts'], drop: [SQLITE_DRIVER], why: 'the SQLite adapter' },
      {
        files: ['libs/event-store/src/eventstoredb/**/*.ts'],
        drop: [ESDB_CLIENT],
        why: 'the EventStoreDB adapter',
      },
    ],
  }),

  ...zone({
    files: ['libs/projections/**/*.ts'],
    layering: [
      ...['reporting', 'audit', 'access', 'registrations'].flatMap((name) =>
        lib(name, ONLY_JOURNEY_AND_PORT),
      ),
      ...LIBS_NOT_APPS,
    ],
    allowed: [
      {
        files: ['libs/projections/src/engine/**/*.ts'],
        drop: [SQLITE_DRIVER, SQLITE_ADAPTER],
        why: 'the read-model store: its SQLite file, created owner-only with the adapter’s file tools',
      },
      {
        files: ['libs/projections/src/properties/engine-equivalence.spec.ts'],
        drop: lib('reporting', ''),
        tests: true,
        why:
          'a cycle in one spec only: the property runs the synthetic authority’s journeys (libs/reporting) ' +
          'through the engine. A journey generator in libs/projections/src/testing would remove it.',
      },
    ],
  }),

  ...zone({
    files: ['libs/reporting/**/*.ts'],
    layering: [
      ...lib(
        'access',
        'libs/reporting (903, the synthetic authority, feeds) has no use for sign-in or tokens.',
      ),
      ...LIBS_NOT_APPS,
    ],
  }),

  // One 903 reference and one UPN per child, reserved by every writer: journey and the port, and
  // from libs/audit only the hash chain its reservations are stamped into (review s18-es F4; audit
  // never imports registrations). Its specs verify that chain.
  ...zone({
    files: ['libs/registrations/**/*.ts'],
    layering: [
      ...['projections', 'reporting', 'access'].flatMap((name) =>
        lib(name, 'libs/registrations imports libs/journey and the event-store port only.'),
      ),
      // By relative path not at all; by alias only the names below.
      lib('audit', 'libs/registrations takes only the hash chain from libs/audit, by its alias.')[1],
      ...LIBS_NOT_APPS,
    ],
    paths: [
      {
        name: '@care-journey/audit',
        allowImportNames: ['chainEvents', 'chainTipAfter', 'verifyChain', 'GENESIS_HASH', 'isRegistryStream'],
        message:
          'libs/registrations takes only the hash chain from libs/audit: chainEvents and chainTipAfter to stamp its reservations (its specs: verifyChain, GENESIS_HASH, isRegistryStream).',
      },
    ],
  }),

  // Audit: journey, event-store, projections (drift as at a replayed date), and from access only
  // NODE_ENV's reading (the audit key refuses a development default in production, like the token
  // secret: one reading of NODE_ENV for both).
  ...zone({
    files: ['libs/audit/**/*.ts'],
    layering: [
      ...['reporting', 'registrations'].flatMap((name) =>
        lib(
          name,
          'libs/audit imports journey, event-store and projections (and NODE_ENV’s reading from access).',
        ),
      ),
      ...LIBS_NOT_APPS,
    ],
    paths: [
      {
        name: '@care-journey/access',
        allowImportNames: ['isProduction', 'environmentKind', 'EnvironmentKindError', 'EnvironmentKind'],
        message:
          'libs/audit takes only the environment kind (isProduction, environmentKind) from libs/access.',
      },
    ],
  }),

  ...zone({
    files: ['libs/access/**/*.ts'],
    layering: [
      ...['journey', 'event-store', 'reporting', 'audit', 'registrations'].flatMap((name) =>
        lib(name, 'libs/access imports libs/projections (the authority’s teams) only.'),
      ),
      ...LIBS_NOT_APPS,
    ],
  }),

  // The apps wire the libs together; neither app imports another's files (the CLI's reach into the
  // API is checked, dynamic imports included, by apps/cli/src/cli-imports.spec.ts).
  ...zone({
    files: ['apps/api/**/*.ts'],
    layering: API_LAYERING,
    allowed: [
      {
        files: ['apps/api/src/config/check-startup-settings.ts', 'apps/api/src/config/store-files.ts'],
        drop: [SQLITE_ADAPTER],
        why: "start-up checks of the SQLite store's file (the host id, an owner-only new file)",
      },
    ],
  }),
  // The command write path (dev review F7): what it checks before writing is the write side's
  // (libs/registrations, libs/journey), not 903 reporting's.
  ...zone({
    files: ['apps/api/src/children/commands/**/*.ts', 'apps/api/src/children/recording/**/*.ts'],
    layering: [
      ...API_LAYERING,
      ...lib(
        'reporting',
        'The command write path takes nothing from libs/reporting (903, the synthetic authority, feeds).',
      ),
    ],
  }),
  ...zone({
    files: ['apps/projector/**/*.ts'],
    layering: [
      ...app('api', 'The projector imports no API file: share through a lib.'),
      ...app('cli', 'The projector imports no CLI file: share through a lib.'),
    ],
  }),
  ...zone({
    files: ['apps/cli/**/*.ts'],
    layering: app('projector', 'The CLI imports no projector file: share through a lib.'),
    allowed: [
      {
        files: [
          'apps/cli/src/commands/backup.command.ts',
          'apps/cli/src/commands/restore.command.ts',
          'apps/cli/src/commands/store-markers.command.ts',
          'apps/cli/src/support/check-store.ts',
        ],
        drop: [SQLITE_ADAPTER],
        why: "the SQLite store's file tools: backup, restore, in-use markers, store checks",
      },
    ],
  }),

  ...zone({
    files: ['bench/**/*.ts'],
    placement: [SQLITE_DRIVER, ESDB_CLIENT],
    allowed: [
      {
        files: ['bench/support/raw-sqlite.ts'],
        drop: [SQLITE_DRIVER],
        why: 'the baseline the adapter is measured against is plain better-sqlite3 by design',
      },
      {
        files: ['bench/figures/scaling-index-shapes.ts'],
        drop: [SQLITE_DRIVER],
        why: 'a probe of another index shape for the log, on plain better-sqlite3 as the baseline',
      },
    ],
  }),
];

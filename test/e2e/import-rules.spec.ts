/**
 * The import rules of docs/CONTRIBUTING.md ("Layout and import rules") as ESLint applies them
 * (eslint-import-rules.mjs): one import per row, linted as if it were in a file of that zone, with
 * the repository's real configuration. A glob typo or a block that overrides another would let a rule
 * match nothing and `npm run lint` pass quietly; this names the row that stopped holding.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface Probe {
  file: string;
  code: string;
  refused: boolean;
}

const from = (source: string, names = 'probe'): string =>
  `import { ${names} } from '${source}';\nexport const used = [${names}];\n`;

// [where, what it imports, refused?]
const ROWS: [string, string, boolean][] = [
  ['libs/journey/src/probe.ts', from('@care-journey/event-store'), true],
  ['libs/journey/src/probe.ts', from('node:fs'), true],
  ['libs/event-store/src/probe.ts', from('@care-journey/journey'), true],
  ['libs/event-store/src/probe.ts', from('@care-journey/reporting'), true],
  ['libs/event-store/src/probe.ts', from('@care-journey/audit'), true],
  ['libs/event-store/src/probe.ts', from('@care-journey/access'), true],
  ['libs/event-store/src/probe.ts', from('../../journey/src/events'), true],
  ['libs/event-store/src/probe.ts', from('better-sqlite3'), true],
  ['libs/event-store/src/sqlite/probe.ts', from('better-sqlite3'), false],
  ['libs/event-store/src/sqlite/probe.ts', from('@eventstore/db-client'), true],
  ['libs/event-store/src/eventstoredb/probe.ts', from('@eventstore/db-client'), false],
  ['libs/event-store/src/eventstoredb/probe.ts', from('better-sqlite3'), true],
  ['libs/projections/src/rules/probe.ts', from('@care-journey/journey'), false],
  ['libs/projections/src/rules/probe.ts', from('@care-journey/reporting'), true],
  ['libs/projections/src/rules/probe.ts', from('../../../../apps/api/src/main'), true],
  ['libs/projections/src/rules/probe.ts', from('better-sqlite3'), true],
  ['libs/projections/src/rules/probe.ts', from('@care-journey/event-store/sqlite'), true],
  ['libs/projections/src/engine/probe.ts', from('better-sqlite3'), false],
  ['libs/projections/src/engine/probe.spec.ts', from('@care-journey/reporting'), true],
  ['libs/registrations/src/probe.ts', from('@care-journey/event-store'), false],
  ['libs/registrations/src/probe.ts', from('@care-journey/reporting'), true],
  ['libs/registrations/src/probe.ts', from('@care-journey/projections'), true],
  // From libs/audit only the hash chain its reservations are stamped into (review s18-es F4).
  ['libs/registrations/src/probe.ts', from('@care-journey/audit', 'chainEvents, chainTipAfter'), false],
  ['libs/registrations/src/probe.ts', from('@care-journey/audit', 'replayHistory'), true],
  ['libs/registrations/src/probe.ts', from('../../audit/src/integrity'), true],
  ['libs/audit/src/probe.ts', from('@care-journey/registrations'), true],
  ['libs/reporting/src/probe.ts', from('@care-journey/registrations'), false],
  ['libs/reporting/src/probe.ts', from('@care-journey/access'), true],
  ['libs/audit/src/probe.ts', from('@care-journey/access', 'isProduction'), false],
  ['libs/audit/src/probe.ts', from('@care-journey/access', 'hashPassword'), true],
  ['libs/audit/src/probe.ts', from('@care-journey/reporting'), true],
  ['libs/access/src/probe.ts', from('@care-journey/projections'), false],
  ['libs/access/src/probe.ts', from('@care-journey/journey'), true],
  ['apps/api/src/children/recording/probe.ts', from('@care-journey/reporting'), true],
  ['apps/api/src/children/commands/probe.ts', from('@care-journey/registrations'), false],
  ['apps/api/src/feed/probe.ts', from('@care-journey/reporting'), false],
  ['apps/api/src/feed/probe.ts', from('better-sqlite3'), true],
  ['apps/api/src/feed/probe.ts', from('@care-journey/event-store/sqlite'), true],
  ['apps/api/src/config/store-files.ts', from('better-sqlite3'), true],
  ['apps/api/src/config/store-files.ts', from('@care-journey/event-store/sqlite'), false],
  ['apps/api/src/feed/probe.spec.ts', from('better-sqlite3'), false],
  ['apps/api/src/probe.ts', from('../../cli/src/main'), true],
  ['apps/projector/src/probe.ts', from('../../api/src/main'), true],
  ['apps/projector/src/probe.ts', from('better-sqlite3'), true],
  ['apps/cli/src/commands/probe.command.ts', from('@care-journey/event-store/sqlite'), true],
  ['apps/cli/src/commands/backup.command.ts', from('@care-journey/event-store/sqlite'), false],
  ['bench/figures/probe.ts', from('better-sqlite3'), true],
  ['bench/support/raw-sqlite.ts', from('better-sqlite3'), false],
];

/** Lints every probe in one child process (ESLint's flat config is ESM, which Jest's CommonJS VM does not load). */
function refusedByEslint(probes: Probe[]): boolean[] {
  const script = `
    import { ESLint } from 'eslint';
    const probes = JSON.parse(await new Response(process.stdin).text());
    const eslint = new ESLint({ cwd: process.cwd() });
    const refused = [];
    for (const { file, code } of probes) {
      const [result] = await eslint.lintText(code, { filePath: file });
      refused.push(result.messages.some((m) => m.ruleId === 'no-restricted-imports'));
    }
    process.stdout.write(JSON.stringify(refused));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    input: JSON.stringify(probes),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`eslint probe run failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as boolean[];
}

describe('the import rules, as ESLint enforces them', () => {
  const probes: Probe[] = ROWS.map(([file, code, refused]) => ({ file, code, refused }));
  let refused: boolean[] = [];
  beforeAll(() => (refused = refusedByEslint(probes)), 60_000);

  it('Given one import per row in a file of its zone, When linted with the repository configuration, Then exactly the forbidden ones are refused', () => {
    const wrong = probes
      .filter((probe, i) => refused[i] !== probe.refused)
      .map(
        (probe) =>
          `${probe.file}: ${probe.code.split('\n')[0]} should be ${probe.refused ? 'refused' : 'allowed'}`,
      );
    expect(wrong).toEqual([]);
    expect(refused).toHaveLength(ROWS.length);
  });
});

/**
 * The command line on a store holding an event a newer build wrote (newer-writer.ts): every command
 * that folds journeys refuses it with one message naming the event, its place and both versions
 * and saying to upgrade, exits 1, prints no stack, and writes nothing. The real CLI as its own
 * process on a real SQLite file (the API's side: newer-event-schema.e2e.spec.ts).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient } from './support/http-client';
import { newChild } from './support/journey-setup';
import { appendAsNewerBuild, NEWER_EVENT_ID, NEWER_VERSION } from './support/newer-writer';
import { runCli } from './support/run-cli';
import { startTestApp } from './support/test-app';

describe('care-journey on a store holding an event of a newer build', () => {
  let dir: string;
  let file: string;
  let childId: string;
  let position: bigint;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-newer-cli-'));
    file = join(dir, 'journeys.db');
    const app = await startTestApp({ sqliteFile: file });
    childId = await newChild(apiClient(app.baseUrl));
    position = await appendAsNewerBuild(app.store, childId);
    await app.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const refusal = () =>
    new RegExp(
      `Event StatutoryReviewHeld \\(id ${NEWER_EVENT_ID}, stream journey-${childId}, revision 2, global position ${position}\\): ` +
        `metadata.schemaVersion ${NEWER_VERSION} is newer than this code knows for StatutoryReviewHeld \\(${NEWER_VERSION - 1}\\): ` +
        'upgrade before reading this store',
    );

  it.each([
    ['audit replay', () => ['audit', 'replay', '--child', childId, '--as-at', '2023-04-01', '--by', 'spec']],
    // Known now: "as known at" is a prefix of each stream (session 18), and the child was registered
    // today, so by the default (the end of --as-at) nothing of it, the newer event included, is known.
    [
      'audit drift',
      () => [
        'audit',
        'drift',
        '--as-at',
        '2023-04-01',
        '--known-at',
        new Date().toISOString(),
        '--by',
        'spec',
      ],
    ],
    ['rebuild', () => ['rebuild']],
  ])(
    'Given %s, Then it exits 1 with the message naming the event and both versions, and no stack',
    async (_name, args) => {
      const { code, out } = await runCli(file, args());
      expect(code).toBe(1);
      expect(out).toMatch(refusal());
      expect(out).not.toMatch(/\n\s+at /);
    },
  );

  it('Given export-903, Then it exits 1 with the same message and writes no return', async () => {
    const out903 = join(dir, '903');
    const result = await runCli(file, [
      'export-903',
      '--year-ending',
      '2023-03-31',
      '--out',
      out903,
      '--by',
      'spec',
    ]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(refusal());
    expect(result.out).not.toMatch(/\n\s+at /);
    expect(existsSync(out903) ? readdirSync(out903) : []).toEqual([]);
  });
});

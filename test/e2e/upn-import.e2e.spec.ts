import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLastEvent } from '@care-journey/event-store';
import { childRefStream, journeyStream } from '@care-journey/journey';
import { importedChildId } from '@care-journey/reporting';
import { episode, header, writeTables } from '../../libs/reporting/src/import903/testing/return-files';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { runCli } from './support/run-cli';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

/**
 * A UPN belongs to one child (903 rule 444) across writers: `care-journey import-903` run on the
 * store of the real HTTP app refuses a child whose UPN a child registered through the API holds, and
 * children of one return sharing a UPN, naming the Header row and the rule in its report; nothing of
 * them is written. A child it imports holds its UPN against the API in turn.
 */
describe('import-903 and the API: one UPN, one child', () => {
  let app: TestApp;
  let api: ApiClient;
  let dir: string;
  const worker = { token: tokenFor('social_worker', 'sw.demo') };

  beforeAll(async () => {
    app = await startTestApp();
    api = apiClient(app.baseUrl);
    dir = mkdtempSync(join(tmpdir(), 'cj-upn-import-'));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given a child registered through the API, When a return giving its UPN to another CHILD (and one UPN to two children) is imported, Then those children are refused by Header row and rule, nothing of them is written, and the API refuses an imported child’s UPN', async () => {
    const registered = await api.post(
      '/children',
      registerBody({ childRef: 'API-UPN', upn: 'E123456789012' }),
      worker,
    );
    expect(registered.status).toBe(201);
    writeTables(join(dir, 'returns'), {
      Header: [
        header('IMP1', { UPN: 'e123456789012' }),
        header('IMP2', { UPN: 'F123456789012' }),
        header('IMP3', { UPN: 'F123456789012' }),
        header('IMP4'),
      ],
      Episodes: [episode('IMP1'), episode('IMP2'), episode('IMP3'), episode('IMP4')],
    });
    const report = join(dir, 'report.csv');

    const cli = await runCli(app.sqliteFile, ['import-903', join(dir, 'returns'), '--report', report]);

    expect(cli.out).toMatch(/4 children: 1 written .* 3 not imported/);
    expect(cli.code).toBe(2);
    const lines = readFileSync(report, 'utf8').split('\n');
    const upnLine = (child: string) => lines.find((line) => line.includes(`,${child},UPN,`)) ?? '';
    expect(upnLine('IMP1')).toMatch(
      /^error,header\.csv,2,IMP1,UPN,.*UPN e123456789012 is already held by another child in this store \(rule upn-in-use.*903 validation rule 444/,
    );
    expect(upnLine('IMP2')).toMatch(
      /^error,header\.csv,3,IMP2,UPN,.*also given to CHILD IMP3 \(header\.csv:4\).*rule upn-in-use/,
    );
    expect(upnLine('IMP3')).toMatch(
      /^error,header\.csv,4,IMP3,UPN,.*also given to CHILD IMP2 \(header\.csv:3\)/,
    );
    for (const child of ['IMP1', 'IMP2', 'IMP3']) {
      expect(await readLastEvent(app.store, journeyStream(importedChildId(child)))).toBeUndefined();
      expect(await readLastEvent(app.store, childRefStream(child))).toBeUndefined();
    }
    expect(await readLastEvent(app.store, journeyStream(importedChildId('IMP4')))).toBeDefined();

    const again = await api.post(
      '/children',
      registerBody({ childRef: 'API-UPN2', upn: header('IMP4').UPN }),
      worker,
    );
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ rule: 'upn-in-use', field: 'upn' });
    // The UPN the refused children gave stays free for one child.
    const free = await api.post(
      '/children',
      registerBody({ childRef: 'API-UPN3', upn: 'F123456789012' }),
      worker,
    );
    expect(free.status).toBe(201);
  }, 120_000);
});

/**
 * A reporting job applying the change feed page by page (real HTTP app on a SQLite file): a fact
 * line sets the fact of its kind and key (an update replaces it), `change.withdrawn` removes it.
 * A move amended to an earlier date renumbers the later moves and a review amended to a later date
 * re-dates a closing: both are updates, not withdrawals, and the job ends with the same facts as one
 * read of the whole feed, and the child's flag history. (The API refuses a new move dated before
 * the current placement; back-dated moves come from corrections and imports.)
 */
import { ndjsonLines } from './support/ndjson-lines';
import { moveBody, registerBody, startCareBody } from './support/journey-bodies';
import { useTestApi } from './support/test-app';
import { tokenFor } from './support/tokens';

type Line = Record<string, unknown> & {
  checkpoint: string;
  kind?: string;
  key?: string;
  childId?: string;
  withdrawn?: string;
  data?: Record<string, unknown>;
};
interface Written {
  globalPosition: string;
  events: { id: string }[];
}
interface HistoryEntry {
  ruleId: string;
  key: string;
  closedOn?: string;
  closedBy?: string;
}

const parseNdjson = (body: unknown): Line[] => ndjsonLines<Line>(body);

describe('feed replay: updates, not withdrawals (real HTTP app on a SQLite file)', () => {
  const api = useTestApi();
  const social = tokenFor('social_worker', 'alice');
  const panel = tokenFor('panel_member');
  const job = tokenFor('reporting_job');

  const register = async (childRef: string): Promise<string> => {
    const response = await api.post<{ childId: string }>('/children', registerBody({ childRef }), {
      token: social,
    });
    expect(response.status === 201 ? 201 : JSON.stringify(response.body)).toBe(201);
    return response.body.childId;
  };
  const record = async (childId: string, path: string, body: Record<string, unknown>): Promise<Written> => {
    const response = await api.post<Written>(`/children/${childId}/${path}`, body, { token: social });
    expect(response.status === 201 ? 201 : `${path}: ${JSON.stringify(response.body)}`).toBe(201);
    return response.body;
  };
  /** Every line after `after` up to the head, read in pages of `limit`. */
  const readAll = async (after: string, limit: number, minPosition: string): Promise<Line[]> => {
    const lines: Line[] = [];
    let checkpoint = after;
    for (let page = 0; page < 500; page++) {
      const response = await api.get<string>(
        `/feed?after=${checkpoint}&limit=${limit}&minPosition=${minPosition}`,
        {
          token: job,
        },
      );
      expect(response.status).toBe(200);
      const body = parseNdjson(response.body);
      const last = body.pop() as Line;
      lines.push(...body);
      if (last.checkpoint === checkpoint || body.length < limit) return lines;
      checkpoint = last.checkpoint;
    }
    throw new Error('the feed did not end within 500 pages');
  };
  /** What a job holds for one child after applying the lines: facts by `kind|key`. */
  const applied = (lines: readonly Line[], childId: string): Map<string, unknown> => {
    const held = new Map<string, unknown>();
    for (const line of lines) {
      if (line.childId !== childId || line.kind === 'stability.changed') continue;
      if (line.kind === 'change.withdrawn') held.delete(`${line.withdrawn}|${line.key}`);
      else held.set(`${line.kind}|${line.key}`, line.data);
    }
    return held;
  };

  it('Given moves on 1 March, 1 May and 1 June 2026, When the June move is amended to 1 February, Then it is withdrawn (a correction), the later moves are re-sent renumbered as updates, and paged replay equals one read', async () => {
    const childId = await register('LA-RPL-1');
    await record(childId, 'periods-of-care', { ...startCareBody, effectiveDate: '2026-01-05' });
    await record(childId, 'reviews', { effectiveDate: '2026-01-20', participation: 'PN1' });
    await record(childId, 'placement-changes', moveBody('2026-03-01', 'U4', 'PR2', 'LS2 7AB'));
    await record(childId, 'placement-changes', moveBody('2026-05-01', 'U4', 'PR3', 'LS3 7AB'));
    const june = await record(childId, 'placement-changes', moveBody('2026-06-01', 'U4', 'PR4', 'LS4 7AB'));
    const checkpoint = (await readAll('0', 10_000, june.globalPosition)).at(-1)?.checkpoint ?? '0';
    const amended = await record(childId, 'corrections/amend', {
      correctedEventId: june.events[0].id,
      reason: 'wrong date',
      amendedData: { effectiveDate: '2026-02-01' },
    });

    const lines = (await readAll(checkpoint, 10_000, amended.globalPosition)).filter(
      (l) => l.childId === childId,
    );
    expect(
      lines
        .filter((l) => l.kind === 'placement.changed' || l.withdrawn === 'placement.changed')
        .map((l) => `${String(l.kind)} ${String(l.key)} ${String(l.data?.placementNumber)}`),
    ).toEqual([
      'change.withdrawn 2026-01-05/2026-06-01 4',
      'placement.changed 2026-01-05/2026-02-01 2',
      'placement.changed 2026-01-05/2026-03-01 3',
      'placement.changed 2026-01-05/2026-05-01 4',
    ]);

    const paged = applied(await readAll('0', 2, amended.globalPosition), childId);
    expect(paged).toEqual(applied(await readAll('0', 10_000, amended.globalPosition), childId));
    expect([...paged].filter(([id]) => id.startsWith('placement.changed|')).map(([, d]) => d)).toEqual([
      expect.objectContaining({ start: '2026-03-01', placementNumber: 3 }),
      expect.objectContaining({ start: '2026-05-01', placementNumber: 4 }),
      expect.objectContaining({ start: '2026-02-01', placementNumber: 2 }),
    ]);
  });

  it('Given a review dated in time recorded late (DR01 reported open, then its opening withdrawn: no breach, review s14 F1), When it is amended to 15 October, Then the breach is sent (flag.closed step, 15 October), nothing is withdrawn, and replay matches the flag history', async () => {
    const childId = await register('LA-RPL-2');
    await record(childId, 'periods-of-care', { ...startCareBody, effectiveDate: '2026-09-01' });
    const review = await record(childId, 'reviews', { effectiveDate: '2026-09-20', participation: 'PN1' });
    const reviewed = (await readAll('0', 10_000, review.globalPosition)).filter((l) => l.childId === childId);
    expect(
      reviewed.filter((l) => l.key === 'DR01/2026-09-01').map((l) => `${l.kind} ${String(l.data?.reason)}`),
    ).toEqual(['flag.opened undefined', 'change.withdrawn undefined']);
    const checkpoint = reviewed.at(-1)?.checkpoint ?? '0';

    const amended = await record(childId, 'corrections/amend', {
      correctedEventId: review.events[0].id,
      reason: 'date typo',
      amendedData: { effectiveDate: '2026-10-15' },
    });
    const lines = (await readAll(checkpoint, 10_000, amended.globalPosition)).filter(
      (l) => l.childId === childId,
    );
    expect(lines.filter((l) => l.kind === 'change.withdrawn')).toEqual([]);
    expect(lines.filter((l) => l.key === 'DR01/2026-09-01').map((l) => l.kind)).toEqual([
      'flag.opened',
      'flag.closed',
    ]);
    expect(lines.filter((l) => l.kind === 'flag.closed')).toEqual([
      expect.objectContaining({
        key: 'DR01/2026-09-01',
        data: expect.objectContaining({ closedOn: '2026-10-15', reason: 'step' }),
      }),
    ]);

    const paged = applied(await readAll('0', 3, amended.globalPosition), childId);
    const history = await api.get<{ history: HistoryEntry[] }>(`/children/${childId}/flags`, {
      token: panel,
    });
    expect(history.status).toBe(200);
    const closings = [...paged]
      .filter(([id]) => id.startsWith('flag.closed|'))
      .map(([id, d]) => {
        const data = d as { closedOn: string; reason: string };
        return `${id.slice('flag.closed|'.length)} ${data.closedOn} ${data.reason}`;
      });
    expect(closings).toEqual(
      history.body.history
        .filter((entry) => entry.closedOn !== undefined)
        .map((entry) => `${entry.ruleId}/${entry.key} ${String(entry.closedOn)} ${String(entry.closedBy)}`),
    );
  });
});

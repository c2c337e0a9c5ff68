/**
 * What a feed consumer sees when an end of care is recorded late, back-dated to before flags the
 * feed has reported open (session 15: the choice made explicit, behaviour unchanged). The flags were
 * open as the records stood when they were reported, so the feed closes them (`flag.closed`, reason
 * `no_longer_applies`, on the flag's own opening day) and does not withdraw their openings, although
 * the child's flag history, evaluated on the corrected record, has no breach. docs/reporting.md, "As
 * at". Real HTTP app on a SQLite file.
 */
import { childFeed } from './support/child-feed';
import { registerBody, startCareBody } from './support/journey-bodies';
import { useTestApi } from './support/test-app';
import { tokenFor } from './support/tokens';

type Line = Record<string, unknown> & {
  checkpoint: string;
  position: string;
  kind?: string;
  key?: string;
  data?: Record<string, unknown>;
};

// In care from 5 January 2024, recorded today: DR01 (first review) opens on 3 February 2024, DR04
// (no permanence plan by the second review) on 3 May 2024.
const DR01 = { key: 'DR01/2024-01-05', dueDate: '2024-02-02', openedOn: '2024-02-03' };
const DR04 = { key: 'DR04/2024-01-05', dueDate: '2024-05-02', openedOn: '2024-05-03' };

const closed = (flag: typeof DR01, closedOn: string) =>
  expect.objectContaining({
    kind: 'flag.closed',
    key: flag.key,
    data: expect.objectContaining({
      dueDate: flag.dueDate,
      openedOn: flag.openedOn,
      closedOn,
      reason: 'no_longer_applies',
    }),
  });

describe('feed: an end of care recorded late, dated before flags the feed reported open', () => {
  const api = useTestApi();
  let childId = '';
  let counter = 0;
  const social = tokenFor('social_worker', 'alice');
  const panel = tokenFor('panel_member');
  const job = tokenFor('reporting_job');
  const child = childFeed<Line>(() => ({ api, childId }), { writer: social, reader: job });

  /** A child in care from 5 January 2024; the feed's lines for it, and those of its end of care on `end`. */
  const endedOn = async (end: string) => {
    counter += 1;
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: `LA-END-${counter}`, effectiveDate: '2024-01-05' }),
      { token: social },
    );
    expect(registered.status).toBe(201);
    childId = registered.body.childId;
    const started = await child.record('periods-of-care', {
      ...startCareBody,
      effectiveDate: '2024-01-05',
      legalStatus: 'C2',
    });
    const opened = await child.lines(`after=0&minPosition=${started}`);
    const ended = await child.record('periods-of-care/end', { effectiveDate: end, reason: 'E13' });
    const endLines = await child.lines(`after=${String(opened.at(-1)?.checkpoint)}&minPosition=${ended}`);
    const flags = await api.get<{ history: { key: string; ruleId: string; closedOn: string }[] }>(
      `/children/${childId}/flags?minPosition=${ended}`,
      { token: panel },
    );
    expect(flags.status).toBe(200);
    return { opened, endLines, ended, history: flags.body.history };
  };

  it('Given DR01 and DR04 reported open, When care is ended on 20 January 2024 (before both opened), Then the feed closes both no_longer_applies on their opening days, by the same event as care.ended, withdraws nothing, and the flag history has no breach', async () => {
    const { opened, endLines, ended, history } = await endedOn('2024-01-20');
    expect(opened.filter((line) => line.kind === 'flag.opened').map((line) => line.key)).toEqual([
      DR01.key,
      DR04.key,
    ]);
    expect(endLines).toHaveLength(3);
    expect(endLines).toEqual(
      expect.arrayContaining([
        closed(DR01, DR01.openedOn),
        closed(DR04, DR04.openedOn),
        expect.objectContaining({ kind: 'care.ended', data: expect.objectContaining({ end: '2024-01-20' }) }),
      ]),
    );
    // One event's lines: a consumer finds the end of care's date beside the closings.
    expect(new Set(endLines.map((line) => line.position))).toEqual(new Set([ended]));
    expect(history).toEqual([]);
  });

  it('Given the same, When care is ended on 1 March 2024 (after DR01 opened, before DR04), Then DR01 is a breach in the history closed on 1 March, and DR04 is closed on its opening day with no breach', async () => {
    const { endLines, history } = await endedOn('2024-03-01');
    expect(endLines).toEqual(
      expect.arrayContaining([closed(DR01, '2024-03-01'), closed(DR04, DR04.openedOn)]),
    );
    expect(history.map((entry) => [entry.ruleId, entry.closedOn])).toEqual([['DR01', '2024-03-01']]);
  });

  it('Given the same, When care is ended on 3 February 2024 (the day DR01 opened), Then its closing looks like the first case (closedOn = openedOn) but the history keeps a one-day breach: only the end date tells them apart', async () => {
    const { endLines, history } = await endedOn(DR01.openedOn);
    expect(endLines).toEqual(expect.arrayContaining([closed(DR01, DR01.openedOn)]));
    expect(history.map((entry) => [entry.ruleId, entry.closedOn])).toEqual([['DR01', DR01.openedOn]]);
  });
});

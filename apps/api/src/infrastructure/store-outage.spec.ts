import { StoreUnavailable, StoreWriterGone } from '@care-journey/event-store';
import { OUTAGE_HOLD_MS, StoreOutage } from './store-outage';

describe('the store outage readiness reports (review s12-ops F4)', () => {
  let clock: number;
  const logger = { error: jest.fn(), log: jest.fn() };
  const full = () => new StoreUnavailable('SQLite event store /srv/cj.db: cannot append (SQLITE_FULL)');
  let outage: StoreOutage;
  /** Lets the head read started by the first failure settle. */
  const settled = () => new Promise((resolve) => setImmediate(resolve));
  beforeEach(() => {
    clock = Date.parse('2026-11-28T05:00:00Z');
    logger.error.mockClear();
    logger.log.mockClear();
    outage = new StoreOutage(
      async () => 10n,
      logger,
      () => clock,
    );
  });

  it('Given no failure, When readiness asks, Then there is no outage', () => {
    expect(outage.current(10n)).toBeUndefined();
  });

  it('Given errors that are not the store’s, When noted, Then they are no outage', () => {
    outage.noteError(new Error('a bug'));
    expect(outage.current(10n)).toBeUndefined();
  });

  it('Given the store refuses to record three times, When readiness asks, Then it reports store-not-writable, and the first failure alone was logged at ERROR', () => {
    outage.noteError(full());
    clock += 1000;
    outage.noteError(full());
    outage.noteError(full());
    expect(outage.current(10n)).toEqual({
      reason: 'store-not-writable',
      since: '2026-11-28T05:00:00.000Z',
      lastFailureAt: '2026-11-28T05:00:01.000Z',
      error: 'SQLite event store /srv/cj.db: cannot append (SQLITE_FULL)',
    });
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0][0]).toMatch(
      /cannot record: writes, and reads that record their trail entry, answer 503/,
    );
  });

  it('Given an outage, When a later append moves the log head past where it was at the failure, Then it is over and the recovery is logged', async () => {
    outage.noteError(full());
    await settled();
    expect(outage.current(10n)).toBeDefined();
    expect(outage.current(11n)).toBeUndefined();
    expect(logger.log).toHaveBeenCalledWith('the event store records again');
  });

  it('Given the writer is gone (review s18-es F5), When another process moves the head and OUTAGE_HOLD_MS pass, Then readiness still reports the outage, and says to restart', async () => {
    outage.noteError(new StoreWriterGone('the SQLite writer thread is gone (code 1)', undefined, true));
    await settled();
    clock += OUTAGE_HOLD_MS * 10;
    expect(outage.current(12n)).toMatchObject({ reason: 'store-not-writable' });
    expect(logger.error.mock.calls.map(([line]) => String(line)).join('\n')).toMatch(
      /writer is gone.*until it is restarted/,
    );
  });

  it('Given the writer died while no request was made (review s18-diff 7), When readiness asks, Then not ready at once, logged once, and it stays so', () => {
    const writer: { gone?: StoreWriterGone } = {};
    const asked = new StoreOutage(
      async () => 10n,
      logger,
      () => clock,
      () => writer.gone,
    );
    expect(asked.current(10n)).toBeUndefined();
    writer.gone = new StoreWriterGone('the SQLite writer thread is gone (code 1)');
    expect(asked.current(10n)).toMatchObject({ reason: 'store-not-writable' });
    clock += OUTAGE_HOLD_MS * 10;
    expect(asked.current(11n)).toMatchObject({ reason: 'store-not-writable' });
    const restart = logger.error.mock.calls.filter(([line]) => /until it is restarted/.test(String(line)));
    expect(restart).toHaveLength(1);
  });

  it('Given an outage and no traffic, When OUTAGE_HOLD_MS pass with no new failure, Then readiness is tried again', () => {
    outage.noteError(full());
    clock += OUTAGE_HOLD_MS - 1;
    expect(outage.current(10n)).toBeDefined();
    clock += 1;
    expect(outage.current(10n)).toBeUndefined();
  });
});

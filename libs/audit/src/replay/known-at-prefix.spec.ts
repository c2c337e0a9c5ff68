import { journeyStream } from '@care-journey/journey';
import { readKnownJourneys } from '../authority-drift/known-journeys';
import { chainEvents, chainTipAfter } from '../integrity/chain-events';
import { CORRECTED_JOURNEY, correctedJourney } from '../testing/corrected-journey';
import { replayHistory } from './replay-history';
import { useTempSqliteStore } from '../../../event-store/src/testing/temp-sqlite-store.spec-helper';

// Review s18-es F2: "as known at" is a prefix of the stream. The fixture's e6 (amending e4, recorded
// at 15:00 on 20 March) is stamped 5 minutes before e4, as a second API process with a lagging clock
// would have stamped it. As known at 14:58 neither is known: the amendment never shows without its entry.
const LAGGING_E6 = '2024-03-20T14:55:00.000Z';
const BETWEEN = '2024-03-20T14:58:00.000Z';

const withLaggingAmendment = () => {
  const events = correctedJourney().slice(0, 6); // e1 e2 e3 e5 e4 e6, in stream order
  expect(events.map((event) => event.id)).toEqual(['e1', 'e2', 'e3', 'e5', 'e4', 'e6']);
  events[5] = { ...events[5], recordedAt: LAGGING_E6 };
  return events;
};

describe('"as known at" takes a prefix of each stream, never an amendment without its entry', () => {
  it('Given e6 (amending e4) stamped before e4 by a lagging clock, When replayed as known between the two stamps, Then neither e4 nor e6 is known', () => {
    const history = replayHistory(withLaggingAmendment(), { knownAt: BETWEEN });
    expect(history.knownEventIds).toEqual(['e1', 'e2', 'e3', 'e5']);
    expect(history.corrections).toEqual({});
  });

  it('Given the same stream, When replayed as known after e4, Then e4 and its amendment are both known', () => {
    const history = replayHistory(withLaggingAmendment(), { knownAt: '2024-03-20T15:00:00.000Z' });
    expect(history.knownEventIds).toEqual(['e1', 'e2', 'e3', 'e5', 'e4', 'e6']);
    expect(Object.keys(history.corrections)).toEqual(['e4']);
  });

  describe('the authority-wide read of the log (readKnownJourneys)', () => {
    const db = useTempSqliteStore('known-at-prefix-', { synchronous: 'NORMAL' });
    beforeEach(async () => {
      const lagging = CORRECTED_JOURNEY.slice(0, 6).map((event) =>
        event.id === 'e6' ? { ...event, metadata: { ...event.metadata, recordedAt: LAGGING_E6 } } : event,
      );
      const stream = journeyStream('c1');
      await db.store.appendToStream(stream, chainEvents(chainTipAfter(stream, undefined), lagging), {
        expectedRevision: 'no_stream',
      });
    });

    it('Given the stream with the lagging amendment, When the log is read as known between the stamps, Then the child keeps the prefix before e4', async () => {
      const known = await readKnownJourneys(db.store, BETWEEN);
      expect(known.byChild.get('c1')?.map((event) => event.id)).toEqual(['e1', 'e2', 'e3', 'e5']);
      expect(known.eventsKnown).toBe(4);
    });
  });
});

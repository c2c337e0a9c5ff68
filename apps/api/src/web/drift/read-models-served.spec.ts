import { type ProjectionLag } from '@care-journey/projections';
import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import { driftPageFor } from './testing/drift-page-for';
import {
  incompleteMarker,
  readModelsServed,
  servedFrom,
  type ReadModelsServed,
  type ServedEngine,
} from './read-models-served';

const lag = (
  checkpoint: string | null,
  head: string | null,
  more: Partial<ProjectionLag> = {},
): ProjectionLag => ({
  checkpoint,
  head,
  lag: String(BigInt(head ?? '0') - BigInt(checkpoint ?? '0')),
  generation: 1,
  projector: 'running',
  ...more,
});

/** An engine whose checkpoint moves only when the test says (waits resolve at once). */
function engineAt(checkpoint: bigint | undefined, head: bigint, afterWait?: bigint): ServedEngine {
  let at = checkpoint;
  return {
    lag: () => Promise.resolve(lag(at?.toString() ?? null, head.toString())),
    checkpoint: () => at,
    waitForPosition: (position) => {
      if (afterWait !== undefined) at = afterWait;
      return Promise.resolve(at !== undefined && at >= position);
    },
  };
}

describe('how far the read models a drift report was built from had got', () => {
  it('Given the read models hold the head, When served, Then the report is complete, 0 behind', async () => {
    expect(await readModelsServed(engineAt(40n, 40n))).toEqual({
      complete: true,
      position: '40',
      head: '40',
      behind: '0',
    });
  });

  it('Given the read models reach the head within the wait, When served, Then the report is complete', async () => {
    expect(await readModelsServed(engineAt(39n, 40n, 40n), 0)).toMatchObject({
      complete: true,
      position: '40',
    });
  });

  it('Given the read models still behind after the wait, When served, Then incomplete with the position and entries behind', async () => {
    expect(await readModelsServed(engineAt(1_200n, 18_473n, 3_000n), 0)).toEqual({
      complete: false,
      position: '3000',
      head: '18473',
      behind: '15473',
      reason: 'catching up',
    });
  });

  it('Given read models with nothing applied yet, When served, Then position null and the whole log behind', () => {
    expect(servedFrom(lag(null, '25'), undefined)).toMatchObject({
      complete: false,
      position: null,
      behind: '25',
    });
  });

  it('Given an empty log, When served, Then complete', () => {
    expect(servedFrom(lag(null, null), undefined)).toEqual({
      complete: true,
      position: null,
      head: null,
      behind: '0',
    });
  });

  it('Given misaligned read models, When served, Then nothing of them counts: the whole log is behind, realigning', () => {
    const misaligned = lag('90', '50', {
      lag: '50',
      misaligned: { reason: 'checkpoint past the head of the log', remedy: 'restart' },
    });
    expect(servedFrom(misaligned, 90n)).toEqual({
      complete: false,
      position: null,
      head: '50',
      behind: '50',
      reason: 'realigning',
    });
  });

  it('Given a rebuild running, When behind, Then the reason is the rebuild and since its start', () => {
    const rebuilding = lag('10', '50', {
      rebuilding: {
        state: 'running',
        generation: 2,
        eventsDone: 10,
        position: '10',
        head: '50',
        percent: 20,
        eventsPerSecond: 100,
        threads: 1,
        etaSeconds: 1,
        startedAt: '2026-11-27T23:30:00.000Z',
        by: { kind: 'api' },
      } as unknown as ProjectionLag['rebuilding'],
    });
    expect(servedFrom(rebuilding, 10n)).toMatchObject({
      complete: false,
      reason: 'rebuilding',
      since: '2026-11-27T23:30:00.000Z',
    });
  });

  it('the CSV file name is marked only when incomplete', () => {
    expect(incompleteMarker(servedFrom(lag('5', '5'), 5n))).toBe('');
    expect(incompleteMarker(servedFrom(lag('4', '5'), 4n))).toBe('-incomplete');
  });
});

describe('the drift page while the read models catch up', () => {
  const TODAY = '2025-07-05';
  const summaries = [journey('a').registered('2015-01-01').startCare('2025-06-02').summary()];
  const pageWith = (served: ReadModelsServed | undefined): string =>
    driftPageFor({ summaries, today: TODAY, model: { served } });

  it('Given the read models 18,473 entries behind, When the page is shown, Then a banner says the report is incomplete and by how much', () => {
    const page = pageWith({
      complete: false,
      position: '0',
      head: '18473',
      behind: '18473',
      reason: 'catching up',
    });
    expect(page).toContain('id="incomplete-notice"');
    expect(page).toContain(
      'This report is incomplete: the read models are catching up, and 18,473 entries recorded in the log are not yet in it (built from the log up to position 0 of 18473).',
    );
    expect(page).toMatch(/days so far \(incomplete\)\.<\/p>/);
  });

  it('Given a rebuild since a known time, When the page is shown, Then the banner says since when', () => {
    const page = pageWith({
      complete: false,
      position: '10',
      head: '11',
      behind: '1',
      reason: 'rebuilding',
      since: '2026-11-27T23:30:00.000Z',
    });
    expect(page).toMatch(
      /the read models are rebuilding since [^,]+, and 1 entry recorded in the log is not yet in it/,
    );
  });

  it('Given complete read models, When the page is shown, Then no banner', () => {
    const page = pageWith({ complete: true, position: '5', head: '5', behind: '0' });
    expect(page).not.toContain('incomplete-notice');
    expect(page).not.toContain('so far (incomplete)');
  });
});

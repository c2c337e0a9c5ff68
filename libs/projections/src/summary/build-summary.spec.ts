import { journey } from '../testing/journey-builder';
import { placementsDuring, runOn, isShortBreakPeriod, legalStatusOn, ageBandOn } from './queries';
import { summaryAsAt } from './summary-as-at';
import { summaryFromStream } from './build-summary';

describe('journey summary', () => {
  it('Given a registered child who starts care, Then the summary holds identity, allocation and the period', () => {
    const s = journey('c1')
      .registered('2024-01-01', { team: 'East', socialWorker: 'sw-9' })
      .startCare('2024-02-01', 'C1', 'U3')
      .summary();
    expect(s.childRef).toBe('REF-c1');
    expect(s.allocations).toEqual([
      { date: '2024-01-01', eventId: 'c1-1', team: 'East', socialWorker: 'sw-9' },
    ]);
    expect(s.periods).toHaveLength(1);
    expect(s.periods[0]).toMatchObject({ start: '2024-02-01', startEventId: 'c1-2', categoryOfNeed: 'N1' });
    expect(legalStatusOn(s.periods[0], '2024-03-01')).toBe('C1');
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('counts a run with the same carer as one placement', () => {
    const s = journey('c2')
      .registered('2020-01-01')
      .startCare('2024-01-01')
      .move('2024-02-01', 'U5', true) // same carer: not a move
      .move('2024-03-01', 'U4') // new carer: a move
      .summary();
    const runs = s.periods[0].placements;
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ start: '2024-01-01', end: '2024-03-01' });
    expect(runs[0].types.map((t) => t.placementType)).toEqual(['U4', 'U5']);
  });

  it('does not count a temporary placement or the return from it as moves', () => {
    const s = journey('c3')
      .registered('2020-01-01')
      .startCare('2024-01-01')
      .temporary('2024-02-01', 'T1')
      .backFromTemporary('2024-02-10')
      .summary();
    expect(s.periods[0].placements).toHaveLength(1);
    expect(s.periods[0].placements[0].temporaryStays).toEqual([
      { start: '2024-02-01', end: '2024-02-10', placementType: 'T1', eventId: 'c3-3' },
    ]);
  });

  it('Given a return from a temporary placement re-recorded as K3 (H5 withdrawn while away), Then the run goes on with a same-carer type K3, no move', () => {
    const b = journey('c3k')
      .registered('2007-01-01')
      .startCare('2025-01-10', 'V2', 'H5')
      .temporary('2025-03-25', 'T1')
      .add('TemporaryPlacementEnded', { effectiveDate: '2025-04-03', reRecordedAs: 'K3' });
    const runs = b.summary().periods[0].placements;
    expect(runs).toHaveLength(1);
    expect(runs[0].types.map((t) => [t.date, t.placementType])).toEqual([
      ['2025-01-10', 'H5'],
      ['2025-04-03', 'K3'],
    ]);
    expect(runs[0].temporaryStays).toMatchObject([{ start: '2025-03-25', end: '2025-04-03' }]);
  });

  it('does not count placing for adoption with the current carer as a move, but does a new family', () => {
    const withCarer = journey('c4').registered('2020-01-01').startCare('2023-01-01', 'C2', 'U1');
    withCarer.placedForAdoption('2024-01-01', 'A5', true);
    expect(withCarer.summary().periods[0].placements).toHaveLength(1);

    const newFamily = journey('c5').registered('2020-01-01').startCare('2023-01-01', 'C2', 'U1');
    newFamily.placedForAdoption('2024-01-01', 'A4', false);
    expect(newFamily.summary().periods[0].placements).toHaveLength(2);
  });

  it('folds events in effective-date order, whatever order they were recorded in', () => {
    const b = journey('c6').registered('2020-01-01').startCare('2024-01-01').move('2024-06-01');
    b.move('2024-03-01'); // recorded late, effective earlier
    const runs = b.summary().periods[0].placements;
    expect(runs.map((r) => [r.start, r.end])).toEqual([
      ['2024-01-01', '2024-03-01'],
      ['2024-03-01', '2024-06-01'],
      ['2024-06-01', undefined],
    ]);
  });

  it('marks a period that started under V3/V4 as short breaks and leaves it out of placement counts', () => {
    const s = journey('c7')
      .registered('2020-01-01')
      .startCare('2024-01-01', 'V3', 'U4')
      .endCare('2024-01-05', 'E13')
      .startCare('2024-02-01', 'V3', 'U4')
      .endCare('2024-02-05', 'E13')
      .startCare('2024-03-01', 'C2', 'U4')
      .summary();
    expect(s.periods.map(isShortBreakPeriod)).toEqual([true, true, false]);
    expect(placementsDuring(s, '2023-04-01', '2024-03-31')).toHaveLength(1);
  });

  it('trims to an as-at date: later facts vanish and later endings reopen', () => {
    const s = journey('c8')
      .registered('2020-01-01')
      .startCare('2024-01-01')
      .review('2024-01-20')
      .move('2024-05-01')
      .endCare('2024-09-01')
      .summary();
    const asAt = summaryAsAt(s, '2024-04-01');
    expect(asAt.periods[0].end).toBeUndefined();
    expect(asAt.periods[0].placements).toHaveLength(1);
    expect(asAt.periods[0].placements[0].end).toBeUndefined();
    expect(asAt.periods[0].reviews).toHaveLength(1);
    expect(runOn(s.periods[0], '2024-05-01')?.start).toBe('2024-05-01');
  });

  it('puts a child in the DfE age band on a date', () => {
    const s = journey('c9').registered('2008-04-01', { dateOfBirth: '2008-04-01' }).summary();
    expect(ageBandOn(s, '2024-03-31')).toBe('10-15');
    expect(ageBandOn(s, '2024-04-01')).toBe('16+');
  });
});

describe('journey summary from the stored stream', () => {
  it('reads corrections through: an amended review date and a retracted move', () => {
    const b = journey('k')
      .registered('2020-01-01')
      .startCare('2024-01-01')
      .review('2024-01-10')
      .move('2024-02-01');
    const reviewId = 'k-3';
    const moveId = 'k-4';
    b.add('EntryAmended', {
      effectiveDate: '2024-01-12',
      correctedEventId: reviewId,
      reason: 'typo',
      amendedData: { effectiveDate: '2024-01-12', participation: 'PN1' },
    });
    b.add('EntryRetracted', {
      effectiveDate: '2024-02-01',
      retractedEventId: moveId,
      reason: 'entered on the wrong child',
    });
    const s = summaryFromStream('k', b.events);
    expect(s.periods[0].reviews).toEqual([{ date: '2024-01-12', eventId: reviewId }]);
    expect(s.periods[0].placements).toHaveLength(1);
  });
});

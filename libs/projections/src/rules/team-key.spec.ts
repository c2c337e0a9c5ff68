import { journey } from '../testing/journey-builder';
import { DEFAULT_DRIFT_CONFIG } from './drift-config';
import { driftReport } from './drift-report';
import { sameTeam, teamKey } from './team-key';

describe('team names compared ignoring case and spacing', () => {
  it('folds case and runs of spaces, and keeps other differences', () => {
    expect(teamKey('  children in  care\tNORTH ')).toBe('children in care north');
    expect(sameTeam('Children in Care North', 'children in care north')).toBe(true);
    expect(sameTeam('Children in Care North', 'Children in Care South')).toBe(false);
    expect(sameTeam(undefined, 'North')).toBe(false);
  });

  describe('the drift report filtered by team', () => {
    // Given one team recorded in two spellings (an allocation typed before teams were checked)
    const summaries = [
      journey('a').registered('2015-01-01', { team: 'Children in Care North' }).startCare('2025-06-02'),
      journey('b').registered('2015-01-01', { team: 'children in care  north' }).startCare('2025-06-02'),
      journey('c').registered('2015-01-01', { team: 'Children in Care South' }).startCare('2025-06-02'),
    ].map((b) => b.summary());

    it('lists both spellings under either, and not the other team', () => {
      // When the report is asked for the team in either spelling
      for (const team of ['Children in Care North', 'CHILDREN IN CARE NORTH'])
        // Then both children of the team are in it, as recorded
        expect(
          driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG, { team }).children.map((r) => [
            r.childId,
            r.team,
          ]),
        ).toEqual([
          ['a', 'Children in Care North'],
          ['b', 'children in care  north'],
        ]);
    });
  });
});

describe('teamKey asked many times (kept keys)', () => {
  it('Given more distinct names than are kept, When each is asked twice, Then every answer is the same as the first', () => {
    const names = Array.from({ length: 2_500 }, (_, i) => `  Team   ${i} NORTH `);
    const first = names.map(teamKey);
    expect(names.map(teamKey)).toEqual(first);
    expect(first[7]).toBe('team 7 north');
    expect(teamKey('Children in Care  North')).toBe(teamKey('children in care north'));
  });
});

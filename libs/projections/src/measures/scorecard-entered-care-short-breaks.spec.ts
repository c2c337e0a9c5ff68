/**
 * "Entering care" for A1, A3 and A10 when the period began on short breaks (V3/V4). National
 * definitions §2 map it to the DECOM of the 903 episode opening the period; the rule book excludes
 * short breaks from stability and drift only. So the scorecard's default is the period's first day;
 * an authority may count from the day the child became looked after otherwise (scorecard.enteredCare).
 */
import { authorityConfig, AuthorityConfigError } from '../authority';
import { journey } from '../testing/journey-builder';
import { scorecard } from './scorecard';

/** Short breaks from 4 January 2021, a care order from 1 March, placed 1 December, adopted 1 June 2022. */
const afterShortBreaks = () =>
  journey('SB-ADOPT')
    .registered('2018-01-01')
    .startCare('2021-01-04', 'V3', 'U6')
    .legalStatus('2021-03-01', 'C2')
    .placementOrder('2021-06-01')
    .adoptionDecision('2021-06-01')
    .match('2021-11-01')
    .placedForAdoption('2021-12-01', 'A6')
    .adopted('2022-06-01')
    .summary();

describe('scorecard: entering care after short breaks', () => {
  it('Given care begun on short breaks on 4 January 2021, When the scorecard is read with the defaults, Then A1 counts from 4 January (331 days), the period’s first day', () => {
    const summary = afterShortBreaks();
    const card = scorecard([summary], '2023-03-31');
    expect(card.children[0]).toMatchObject({ enteredCare: '2021-01-04', a1Days: 331, a10Days: 331 });
    expect(card.children[0].evidence[0]).toBe(summary.periods[0].startEventId);
  });

  it('Given the same child, When the authority counts from the counted part (enteredCare "counted_part"), Then A1 counts from 1 March (275 days)', () => {
    const card = scorecard([afterShortBreaks()], '2023-03-31', { enteredCare: 'counted_part' });
    expect(card.children[0]).toMatchObject({ enteredCare: '2021-03-01', a1Days: 275 });
  });

  it('Given a child with no short breaks, Then both settings give the same entry', () => {
    const summary = journey('PLAIN')
      .registered('2018-01-01')
      .startCare('2021-01-04', 'C2', 'U6')
      .placementOrder('2021-06-01')
      .adoptionDecision('2021-06-01')
      .match('2021-11-01')
      .placedForAdoption('2021-12-01', 'A6')
      .adopted('2022-06-01')
      .summary();
    const byDefault = scorecard([summary], '2023-03-31').children[0];
    const counted = scorecard([summary], '2023-03-31', { enteredCare: 'counted_part' }).children[0];
    expect(byDefault.a1Days).toBe(331);
    expect(counted.a1Days).toBe(331);
  });

  it('Given authority settings, Then scorecard.enteredCare defaults to "period_start", takes "counted_part", and refuses anything else naming the setting', () => {
    expect(authorityConfig({}).scorecard.enteredCare).toBe('period_start');
    expect(authorityConfig({ scorecard: { enteredCare: 'counted_part' } }).scorecard.enteredCare).toBe(
      'counted_part',
    );
    expect(() => authorityConfig({ scorecard: { enteredCare: 'start' } })).toThrow(AuthorityConfigError);
    expect(() => authorityConfig({ scorecard: { enteredCare: 'start' } })).toThrow(/scorecard\.enteredCare/);
  });
});

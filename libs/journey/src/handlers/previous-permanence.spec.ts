/** StartPeriodOfCare's earlier permanence order: what the 903 PrevPerm table can hold (rules 632, 633, 635). */
import type { StartPeriodOfCare } from '../commands';
import { earliestDayOf, isOrderDateAsKnown, latestDayOf } from '../previous-permanence';
import { given } from '../testing/decider-specification';
import { CARE_START, CHILD, careStarted, fosterU6, meta, registered } from '../testing/fixtures';

const startWith = (previousPermanence: StartPeriodOfCare['previousPermanence']): StartPeriodOfCare => ({
  type: 'StartPeriodOfCare',
  childId: CHILD,
  effectiveDate: CARE_START,
  legalStatus: 'C1',
  categoryOfNeed: 'N1',
  placement: fosterU6,
  ...meta(),
  previousPermanence,
});

const kept = (previousPermanence: NonNullable<StartPeriodOfCare['previousPermanence']>) => [
  { ...careStarted(), data: { ...careStarted().data, previousPermanence } } as never,
];

describe('StartPeriodOfCare: previous permanence', () => {
  it('keeps a full date and a three-digit LA code', () =>
    given([registered])
      .when(startWith({ code: 'P2', la: '383', date: '2022-06-01' }))
      .then(kept({ code: 'P2', la: '383', date: '2022-06-01' })));

  it('keeps a date whose day or month is not known', () => {
    given([registered])
      .when(startWith({ code: 'P3', la: 'WAL', date: '2022-06' }))
      .then(kept({ code: 'P3', la: 'WAL', date: '2022-06' }));
    given([registered])
      .when(startWith({ code: 'P1', la: '873', date: '2022' }))
      .then(kept({ code: 'P1', la: '873', date: '2022' }));
  });

  it('refuses a date that is not a date', () => {
    for (const date of ['garbage!!', '2016-02-30', '2022-13', '22', '2022-6-1'])
      given([registered])
        .when(startWith({ code: 'P2', la: '383', date }))
        .thenThrows('invalid-order-date', 'previousPermanence.date');
  });

  it('refuses an order dated on or after the start of care (903 rule 632)', () => {
    given([registered])
      .when(startWith({ code: 'P2', date: CARE_START }))
      .thenThrows('previous-permanence-not-before-care', 'previousPermanence.date');
    given([registered])
      .when(startWith({ code: 'P2', date: '2030-01-01' }))
      .thenThrows('previous-permanence-not-before-care', 'previousPermanence.date');
    // An unknown day is read as the last day it could be, as the validator reads ZZ.
    given([registered])
      .when(startWith({ code: 'P2', date: CARE_START.slice(0, 7) }))
      .thenThrows('previous-permanence-not-before-care', 'previousPermanence.date');
  });

  it('refuses a known order without its authority or date (903 rule 630); P4, not known, may lack them', () => {
    given([registered])
      .when(startWith({ code: 'P1', date: '2022' }))
      .thenThrows('previous-permanence-order-details-missing', 'previousPermanence.la');
    given([registered])
      .when(startWith({ code: 'P3', la: 'SCO' }))
      .thenThrows('previous-permanence-order-details-missing', 'previousPermanence.date');
    given([registered])
      .when(startWith({ code: 'P4' }))
      .then(kept({ code: 'P4' }));
  });

  it('refuses an order dated before the child was born', () =>
    given([registered])
      .when(startWith({ code: 'P2', la: '873', date: '1999' }))
      .thenThrows('date-before-birth', 'previousPermanence.date'));

  it('refuses an authority name where the 903 needs its LA code (rule 633)', () =>
    given([registered])
      .when(startWith({ code: 'P2', la: 'Leeds' }))
      .thenThrows('invalid-la-perm', 'previousPermanence.la'));

  it('refuses three digits that are no authority’s DfE code (rule 633 checks the list, not the shape)', () => {
    given([registered])
      .when(startWith({ code: 'P2', la: '100', date: '2019-06-14' }))
      .thenThrows('invalid-la-perm', 'previousPermanence.la');
    for (const la of ['383', 'NIR'])
      expect(
        given([registered])
          .when(startWith({ code: 'P2', la, date: '2019-06-14' }))
          .events()
          .map((e) => e.type),
      ).toContain('PeriodOfCareStarted');
  });

  it('refuses an authority or date with Z1, no earlier order (rule 635)', () => {
    given([registered])
      .when(startWith({ code: 'Z1', la: '383' }))
      .thenThrows('previous-permanence-detail-without-order', 'previousPermanence.la');
    given([registered])
      .when(startWith({ code: 'Z1', date: '2022-01-01' }))
      .thenThrows('previous-permanence-detail-without-order', 'previousPermanence.date');
  });
});

describe('an order date as known', () => {
  it('spans the days it could be', () => {
    expect([earliestDayOf('2024'), latestDayOf('2024')]).toEqual(['2024-01-01', '2024-12-31']);
    expect([earliestDayOf('2024-02'), latestDayOf('2024-02')]).toEqual(['2024-02-01', '2024-02-29']);
    expect([earliestDayOf('2023-02-03'), latestDayOf('2023-02-03')]).toEqual(['2023-02-03', '2023-02-03']);
  });
  it('is a whole date, a year and month, or a year', () => {
    expect(['2024-02-29', '2024-02', '2024'].map(isOrderDateAsKnown)).toEqual([true, true, true]);
    expect(['2023-02-29', '2024-00', '0000', '', 2024].map(isOrderDateAsKnown)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

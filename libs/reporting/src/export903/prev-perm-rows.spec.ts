import type { JourneyEvent } from '@care-journey/journey';
import { buildReturn } from './build-return';
import { childRecord } from './child-record';
import { validateReturn } from './validate-return';
import { specRegistration } from './testing/spec-registration';

const childId = 'c-1';
const registered: JourneyEvent = {
  type: 'ChildRegistered',
  data: {
    childId,
    ...specRegistration({
      childRef: 'REVA001',
      effectiveDate: '2024-05-01',
      dateOfBirth: '2015-03-02',
      sex: '2',
    }),
  },
};
const startOfCare = (previousPermanence?: { code: string; la?: string; date?: string }): JourneyEvent => ({
  type: 'PeriodOfCareStarted',
  data: {
    childId,
    effectiveDate: '2024-05-10',
    legalStatus: 'C1',
    categoryOfNeed: 'N1',
    placement: { placementType: 'U6', provider: 'PR1', postcode: 'CB1 2GF', urn: 'SC100001' },
    ...(previousPermanence && { previousPermanence }),
  },
});

const returnFor = (start: JourneyEvent, ...later: JourneyEvent[]) => {
  const stream = [registered, start, ...later].map((e, i) => ({
    ...e,
    id: `e${i}`,
    recordedAt: '2024-05-10T10:00:00Z',
    recordedBy: 'sw',
  })) as Parameters<typeof childRecord>[0];
  return buildReturn([childRecord(stream)!], { yearEnding: '2025-03-31' });
};

describe('PrevPerm rows (previous permanence of a child starting care in the year)', () => {
  it('Given a start of care without previous permanence, When the return is built, Then PREV_PERM is P4 (unknown), not Z1 (none), and the self-check names rule 630', () => {
    const tables = returnFor(startOfCare());
    expect(tables.PrevPerm).toEqual([
      { CHILD: 'REVA001', DOB: '02/03/2015', PREV_PERM: 'P4', LA_PERM: '', DATE_PERM: '' },
    ]);
    expect(validateReturn(tables, { yearEnding: '2025-03-31' })).toEqual([
      expect.objectContaining({
        rule: '630',
        table: 'PrevPerm',
        child: 'REVA001',
        field: 'LA_PERM/DATE_PERM',
      }),
    ]);
  });

  it('Given previous permanence recorded as none (Z1), Then Z1 with LA_PERM and DATE_PERM blank, and the self-check passes', () => {
    const tables = returnFor(startOfCare({ code: 'Z1' }));
    expect(tables.PrevPerm).toEqual([
      { CHILD: 'REVA001', DOB: '02/03/2015', PREV_PERM: 'Z1', LA_PERM: '', DATE_PERM: '' },
    ]);
    expect(validateReturn(tables, { yearEnding: '2025-03-31' })).toEqual([]);
  });

  it('Given a start of care without it, When it is amended with none (Z1), Then the row says Z1 and the self-check passes', () => {
    const amended: JourneyEvent = {
      type: 'EntryAmended',
      data: {
        childId,
        effectiveDate: '2024-05-10',
        correctedEventId: 'e1',
        reason: 'previous permanence asked',
        amendedData: { ...startOfCare().data, previousPermanence: { code: 'Z1' } },
      },
    };
    const tables = returnFor(startOfCare(), amended);
    expect(tables.PrevPerm.map((r) => r.PREV_PERM)).toEqual(['Z1']);
    expect(validateReturn(tables, { yearEnding: '2025-03-31' })).toEqual([]);
  });

  it('Given an earlier special guardianship order with its authority and date, Then all three are written and the self-check passes', () => {
    const tables = returnFor(startOfCare({ code: 'P2', la: '873', date: '2019-06-14' }));
    expect(tables.PrevPerm).toEqual([
      { CHILD: 'REVA001', DOB: '02/03/2015', PREV_PERM: 'P2', LA_PERM: '873', DATE_PERM: '14/06/2019' },
    ]);
    expect(validateReturn(tables, { yearEnding: '2025-03-31' })).toEqual([]);
  });
});

describe('PrevPerm with two starts of care in the year (one row: the latest start)', () => {
  const ended = (effectiveDate: string, reason: string): JourneyEvent => ({
    type: 'PeriodOfCareEnded',
    data: { childId, effectiveDate, reason },
  });
  const restart = (previousPermanence?: { code: string; la?: string; date?: string }): JourneyEvent => ({
    type: 'PeriodOfCareStarted',
    data: {
      ...startOfCare().data,
      effectiveDate: '2025-02-20',
      ...(previousPermanence && { previousPermanence }),
    } as Extract<JourneyEvent, { type: 'PeriodOfCareStarted' }>['data'],
  });
  const adoption = { code: 'P1', la: '873', date: '2016-05' };

  it('Given P1 recorded on the first start and nothing on the second (care ended E4A between), When the return is built, Then the row carries P1 forward (the order still existed), not P4', () => {
    const tables = returnFor(startOfCare(adoption), ended('2025-01-15', 'E4A'), restart());
    expect(tables.PrevPerm).toEqual([
      { CHILD: 'REVA001', DOB: '02/03/2015', PREV_PERM: 'P1', LA_PERM: '873', DATE_PERM: 'ZZ/05/2016' },
    ]);
    expect(validateReturn(tables, { yearEnding: '2025-03-31' }).filter((f) => f.rule === '630')).toEqual([]);
  });

  it('Given the second start records its own previous permanence, Then that one is written', () => {
    const tables = returnFor(startOfCare(adoption), ended('2025-01-15', 'E4A'), restart({ code: 'Z1' }));
    expect(tables.PrevPerm.map((r) => r.PREV_PERM)).toEqual(['Z1']);
  });

  it('Given the first period ended with a special guardianship order (E47), Then the earlier P1 is not carried over it: P4 (unknown)', () => {
    const tables = returnFor(startOfCare(adoption), ended('2025-01-15', 'E47'), restart());
    expect(tables.PrevPerm.map((r) => r.PREV_PERM)).toEqual(['P4']);
  });
});

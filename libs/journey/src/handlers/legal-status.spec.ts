import type { ChangeLegalStatus } from '../commands';
import { given } from '../testing/decider-specification';
import {
  CHILD,
  careEnded,
  inCare,
  legalStatusChanged,
  meta,
  placementChanged,
  registered,
} from '../testing/fixtures';

const change = (effectiveDate: string, legalStatus: string): ChangeLegalStatus => ({
  type: 'ChangeLegalStatus',
  childId: CHILD,
  effectiveDate,
  legalStatus,
  ...meta(),
});

describe('ChangeLegalStatus', () => {
  it('changes the legal status', () =>
    given(inCare)
      .when(change('2024-07-01', 'C2'))
      .then([legalStatusChanged('2024-07-01', 'C2')]));
  it('may fall on the day of a placement change (one B/U episode)', () =>
    given([...inCare, placementChanged('2024-07-01')])
      .when(change('2024-07-01', 'C2'))
      .then([legalStatusChanged('2024-07-01', 'C2')]));
  it('needs the child in care', () =>
    given([registered])
      .when(change('2024-07-01', 'C2'))
      .thenThrows('legal-status-outside-period-of-care', 'effectiveDate'));
  it('is not after care ended', () =>
    given([...inCare, careEnded('2024-09-01')])
      .when(change('2024-10-01', 'C2'))
      .thenThrows('legal-status-outside-period-of-care'));
  it('does not go back before the current legal status', () =>
    given([...inCare, legalStatusChanged('2024-07-01', 'C2')])
      .when(change('2024-06-01', 'V2'))
      .thenThrows('legal-status-before-current'));
  it('does not start and end an episode on one day', () =>
    given(inCare).when(change('2024-05-10', 'C2')).thenThrows('episode-same-day'));
  it('checks the code', () =>
    given(inCare).when(change('2024-07-01', 'X2')).thenThrows('invalid-legal-status', 'legalStatus'));
  it('checks the code is valid on the date (D1 after 2005)', () =>
    given(inCare).when(change('2024-07-01', 'D1')).thenThrows('invalid-legal-status'));
  it('leaves E1 to the placement order', () =>
    given(inCare).when(change('2024-07-01', 'E1')).thenThrows('placement-order-via-grant'));
  it('must change something', () =>
    given(inCare).when(change('2024-07-01', 'C1')).thenThrows('legal-status-unchanged'));
  it('keeps J-codes for 10+', () =>
    given(inCare).when(change('2024-07-01', 'J2')).thenThrows('youth-justice-under-10'));
  it('does not mix V3 and V4 in a year', () =>
    given([...inCare, legalStatusChanged('2024-06-20', 'V3')])
      .when(change('2024-07-01', 'V4'))
      .thenThrows('short-breaks-v3-and-v4-same-year'));
  it('is not in the future', () =>
    given(inCare).when(change('2025-07-01', 'C2')).thenThrows('date-in-future'));
});

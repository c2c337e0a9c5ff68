import type { RecordStatutoryVisit } from '../commands';
import type { JourneyEvent } from '../events';
import { amendEntry, retractEntry } from '../testing/correction-commands';
import { given } from '../testing/decider-specification';
import { CHILD, careEnded, careStarted, inCare, meta, registered } from '../testing/fixtures';

const visit = (changes: Partial<RecordStatutoryVisit> = {}): RecordStatutoryVisit => ({
  type: 'RecordStatutoryVisit',
  childId: CHILD,
  effectiveDate: '2024-05-16',
  seenAlone: true,
  ...meta(),
  ...changes,
});
const visited = (effectiveDate = '2024-05-16', seenAlone = true, visitNote?: string): JourneyEvent => ({
  type: 'StatutoryVisitRecorded',
  data: { childId: CHILD, effectiveDate, seenAlone, ...(visitNote !== undefined && { visitNote }) },
});

describe('RecordStatutoryVisit', () => {
  it('Given a child in care, When a visit is recorded, Then it is recorded with whether the child was seen alone', () =>
    given(inCare).when(visit()).then([visited()]));
  it('Given a child in care, When a visit with a note is recorded, Then the note is kept', () =>
    given(inCare)
      .when(visit({ seenAlone: false, visitNote: 'Carer present throughout' }))
      .then([visited('2024-05-16', false, 'Carer present throughout')]));
  it('Given a child in care, When a visit is recorded on the day care started, Then it is recorded', () =>
    given(inCare)
      .when(visit({ effectiveDate: '2024-05-10' }))
      .then([visited('2024-05-10')]));
  it('Given a child never in care, When a visit is recorded, Then it is refused: a visit needs a period of care', () =>
    given([registered]).when(visit()).thenThrows('statutory-visit-outside-period-of-care', 'effectiveDate'));
  it('Given a child in care, When a visit is dated before care started, Then it is refused', () =>
    given(inCare)
      .when(visit({ effectiveDate: '2024-05-09' }))
      .thenThrows('statutory-visit-outside-period-of-care', 'effectiveDate'));
  it('Given care ended, When a visit is dated between two periods of care, Then it is refused', () =>
    given([...inCare, careEnded('2024-09-01'), careStarted('2025-01-10')])
      .when(visit({ effectiveDate: '2024-12-01' }))
      .thenThrows('statutory-visit-outside-period-of-care', 'effectiveDate'));
  it('Given care ended, When a late visit is dated within the earlier period, Then it is recorded', () =>
    given([...inCare, careEnded('2024-09-01')])
      .when(visit({ effectiveDate: '2024-08-20' }))
      .then([visited('2024-08-20')]));
  it('Given a child in care, When a visit is dated after the recording day, Then it is refused', () =>
    given(inCare)
      .when(visit({ effectiveDate: '2025-07-01' }))
      .thenThrows('date-in-future', 'effectiveDate'));
  it('Given a child in care, When a visit is dated before the child was born, Then it is refused', () =>
    given(inCare)
      .when(visit({ effectiveDate: '2019-03-01' }))
      .thenThrows('date-before-birth', 'effectiveDate'));
  it('Given a child in care, When the visit says nothing of seeing the child alone, Then it is refused naming seenAlone', () =>
    given(inCare)
      .when(visit({ seenAlone: undefined as unknown as boolean }))
      .thenThrows('required-field', 'seenAlone'));
  it('Given a child in care, When the note is blank, Then it is refused naming visitNote', () =>
    given(inCare)
      .when(visit({ visitNote: '  ' }))
      .thenThrows('required-field', 'visitNote'));
  it('Given a child in care at 18, When a visit is dated on the 18th birthday, Then it is refused: only a child is looked after', () =>
    given([
      { ...registered, data: { ...registered.data, dateOfBirth: '2006-06-01' } } as JourneyEvent,
      careStarted('2024-05-10', 'V2'),
    ])
      .when(visit({ effectiveDate: '2024-06-01' }))
      .thenThrows('looked-after-only-under-18', 'effectiveDate'));
  it('Given a visit that day, When the identical visit is sent again, Then it is refused (correct it instead)', () =>
    given([...inCare, visited()])
      .when(visit())
      .thenThrows('entry-already-recorded', 'effectiveDate'));
  it('Given a visit that day, When a second visit with other answers is recorded that day, Then it is recorded', () =>
    given([...inCare, visited()])
      .when(visit({ seenAlone: false }))
      .then([visited('2024-05-16', false)]));
});

describe('correcting a statutory visit', () => {
  // e1 registration, e2 start of care, e3 the visit.
  const withVisit = [...inCare, visited()];
  it('Given a visit, When its date is amended within the period, Then the amendment is recorded', () =>
    given(withVisit)
      .when(amendEntry('e3', { ...visited('2024-05-17').data }))
      .then([
        {
          type: 'EntryAmended',
          data: {
            childId: CHILD,
            effectiveDate: '2024-05-17',
            correctedEventId: 'e3',
            reason: 'Typed the wrong date',
            amendedData: { ...visited('2024-05-17').data },
          },
        },
      ]));
  it('Given a visit, When it is amended to a date before care started, Then it is refused naming the field', () =>
    given(withVisit)
      .when(amendEntry('e3', { ...visited('2024-05-01').data }))
      .thenThrows('statutory-visit-outside-period-of-care', 'amendedData.effectiveDate'));
  it('Given a visit, When it is withdrawn, Then the withdrawal is recorded', () =>
    given(withVisit)
      .when(retractEntry('e3'))
      .then([
        {
          type: 'EntryRetracted',
          data: {
            childId: CHILD,
            effectiveDate: '2024-05-16',
            retractedEventId: 'e3',
            reason: 'Recorded on the wrong child',
          },
        },
      ]));
  it('Given care ended, When the end of care is moved before a visit, Then it is refused: the visit would fall outside care', () =>
    given([...withVisit, careEnded('2024-09-01')])
      .when(amendEntry('e4', { ...careEnded('2024-05-12').data }))
      .thenThrows('statutory-visit-outside-period-of-care', 'amendedData.effectiveDate'));
});

import type { RecordAnnualHealthOutcomes, RecordCareLeaverContact } from '../commands';
import type { EventData, JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import {
  CHILD,
  careEnded,
  careStarted,
  inCare,
  legalStatusChanged,
  meta,
  registered,
} from '../testing/fixtures';

// The fixture girl (born 2019-03-02, in care since 2024-05-10) is 7 at 31 March 2026.
const YEAR_END = '2026-03-31';
const outcomes = (extra: Partial<RecordAnnualHealthOutcomes> = {}): RecordAnnualHealthOutcomes => ({
  type: 'RecordAnnualHealthOutcomes',
  childId: CHILD,
  effectiveDate: YEAR_END,
  sdqScore: 14,
  immunisations: true,
  teethCheck: true,
  healthAssessment: true,
  substanceMisuse: false,
  ...meta('2026-05-12T10:00:00Z'),
  ...extra,
});
const recorded = (data: Omit<RecordAnnualHealthOutcomes, 'type' | 'now' | 'recordedBy'>): JourneyEvent => ({
  type: 'AnnualHealthOutcomesRecorded',
  data,
});
const { type: _t, now: _n, recordedBy: _r, ...outcomesData } = outcomes();
const bornOn = (dateOfBirth: string): JourneyEvent => ({
  type: 'ChildRegistered',
  data: { ...(registered.data as EventData<'ChildRegistered'>), effectiveDate: '2023-01-01', dateOfBirth },
});
/** Two at 31 March 2025, in care since January 2023. */
const toddler = [bornOn('2022-06-01'), careStarted('2023-01-10')];
/** Twelve at 31 March 2026, in care since January 2023. */
const teenager = [bornOn('2013-06-01'), careStarted('2023-01-10')];

describe('RecordAnnualHealthOutcomes', () => {
  it('records the OC2 items for a child looked after all year', () =>
    given(inCare)
      .when(outcomes())
      .then([recorded(outcomesData)]));
  it('is dated the 31 March ending the year', () =>
    given(inCare)
      .when(outcomes({ effectiveDate: '2026-03-30' }))
      .thenThrows('outcomes-not-at-year-end', 'effectiveDate'));
  it('needs 12 months looked after at that 31 March', () =>
    given(inCare)
      .when(outcomes({ effectiveDate: '2025-03-31' }))
      .thenThrows('outcomes-not-looked-after-12-months', 'effectiveDate'));
  it('Given a child on a short-break agreement (V4) all year, When OC2 items are recorded for 31 March 2026, Then it is refused: short breaks are not continuous care (DfE CLA 12 months, validator rule 190)', () =>
    given([registered, careStarted('2024-05-10', 'V4')])
      .when(outcomes())
      .thenThrows('outcomes-not-looked-after-12-months', 'effectiveDate'));
  it('Given a child whose V3 breaks ended on 1 April 2025 under a care order, When OC2 items are recorded for 31 March 2026, Then it is refused (a V3/V4 episode in the year)', () =>
    given([registered, careStarted('2024-05-10', 'V3'), legalStatusChanged('2025-04-01', 'C2')])
      .when(outcomes())
      .thenThrows('outcomes-not-looked-after-12-months', 'effectiveDate'));
  it('Given a child in care since 2024 who left on 31 March 2026, When OC2 items are recorded for that day, Then they are recorded (the validator counts leaving on 31 March as 12 months looked after)', () =>
    given([...inCare, careEnded(YEAR_END)])
      .when(outcomes())
      .then([recorded(outcomesData)]));
  it('once a year', () =>
    given([...inCare, recorded(outcomesData)])
      .when(outcomes())
      .thenThrows('outcomes-already-recorded'));
  it('needs an SDQ score or a reason from 4 to 16', () =>
    given(inCare)
      .when(outcomes({ sdqScore: undefined }))
      .thenThrows('sdq-score-or-reason', 'sdqScore'));
  it('not both', () =>
    given(inCare)
      .when(outcomes({ sdqReason: 'SDQ2' }))
      .thenThrows('sdq-score-or-reason'));
  it('scores 0 to 40', () =>
    given(inCare)
      .when(outcomes({ sdqScore: 41 }))
      .thenThrows('invalid-sdq-score', 'sdqScore'));
  it('takes a reason from the list', () =>
    given(inCare)
      .when(outcomes({ sdqScore: undefined, sdqReason: 'SDQ9' }))
      .thenThrows('invalid-sdq-reason', 'sdqReason'));
  it('SDQ1 (age) does not fit a 7-year-old', () =>
    given(inCare)
      .when(outcomes({ sdqScore: undefined, sdqReason: 'SDQ1' }))
      .thenThrows('sdq1-not-applicable', 'sdqReason'));
  it('no SDQ under 4, and a health check instead', () => {
    given(toddler)
      .when(outcomes({ effectiveDate: '2025-03-31', healthCheck: true }))
      .thenThrows('sdq-not-applicable', 'sdqScore');
    given(toddler)
      .when(outcomes({ effectiveDate: '2025-03-31', sdqScore: undefined }))
      .thenThrows('required-field', 'healthCheck');
  });
  it('asks about convictions from 10', () =>
    given(teenager).when(outcomes()).thenThrows('required-field', 'convicted'));
  it('no conviction item under 10', () =>
    given(inCare)
      .when(outcomes({ convicted: false }))
      .thenThrows('outcome-item-not-applicable', 'convicted'));
  it('no health check from 5', () =>
    given(inCare)
      .when(outcomes({ healthCheck: true }))
      .thenThrows('outcome-item-not-applicable', 'healthCheck'));
  it('needs the health flags', () =>
    given(inCare)
      .when(outcomes({ teethCheck: undefined as never }))
      .thenThrows('required-field', 'teethCheck'));
  it('asks whether an intervention was received for substance misuse', () =>
    given(inCare)
      .when(outcomes({ substanceMisuse: true }))
      .thenThrows('required-field', 'interventionReceived'));
  it('asks whether one was offered when none was received', () =>
    given(inCare)
      .when(outcomes({ substanceMisuse: true, interventionReceived: false }))
      .thenThrows('required-field', 'interventionOffered'));
  it('no intervention items without substance misuse', () =>
    given(inCare)
      .when(outcomes({ interventionReceived: true }))
      .thenThrows('outcome-item-not-applicable', 'interventionReceived'));
});

// A boy born 2007-06-15, in care from 14 (2022-01-10) until 16 (2024-03-01): a care leaver at 17.
const LEAVER_DOB = '2007-06-15';
const leaver: JourneyEvent[] = [
  {
    type: 'ChildRegistered',
    data: {
      ...(registered.data as EventData<'ChildRegistered'>),
      effectiveDate: '2022-01-01',
      dateOfBirth: LEAVER_DOB,
      sex: '1',
    },
  },
  careStarted('2022-01-10', 'V2'),
  careEnded('2024-03-01', 'E8'),
];
const contact = (
  effectiveDate = '2024-06-20',
  inTouch = 'YES',
  activity = 'F2',
  accommodation = 'E1',
): RecordCareLeaverContact => ({
  type: 'RecordCareLeaverContact',
  childId: CHILD,
  effectiveDate,
  inTouch,
  activity,
  accommodation,
  ...meta('2024-07-01T09:00:00Z'),
});
const contacted = (effectiveDate = '2024-06-20'): JourneyEvent => ({
  type: 'CareLeaverContactRecorded',
  data: { childId: CHILD, effectiveDate, inTouch: 'YES', activity: 'F2', accommodation: 'E1' },
});

describe('RecordCareLeaverContact', () => {
  it('records the OC3 items around the 17th birthday', () =>
    given(leaver).when(contact()).then([contacted()]));
  it('within three months of a 17th–21st birthday', () =>
    given(leaver).when(contact('2024-02-01')).thenThrows('contact-not-near-birthday', 'effectiveDate'));
  it('only for a child who left care before the birthday', () =>
    given(inCare).when(contact()).thenThrows('contact-not-near-birthday'));
  it('not while still looked after', () =>
    given(leaver.slice(0, 2)).when(contact()).thenThrows('not-a-care-leaver', 'effectiveDate'));
  it('not for an adopted child', () =>
    given([...leaver.slice(0, 2), careEnded('2024-03-01', 'E11')])
      .when(contact())
      .thenThrows('not-a-care-leaver'));
  it('only for a relevant child: 13 weeks in care since turning 14, some after 16', () =>
    given([leaver[0], careStarted('2023-01-10', 'V2'), careEnded('2023-05-01', 'E8')])
      .when(contact())
      .thenThrows('not-a-care-leaver'));
  it('once per birthday', () =>
    given([...leaver, contacted()])
      .when(contact('2024-07-01'))
      .thenThrows('contact-already-recorded'));
  it('checks the codes', () =>
    given(leaver).when(contact(undefined, 'MAYBE')).thenThrows('invalid-in-touch', 'inTouch'));
  it('in touch means activity and accommodation are known', () =>
    given(leaver)
      .when(contact(undefined, 'YES', '0'))
      .thenThrows('contact-codes-disagree', 'activity'));
  it('died or returned home means 0 and 0', () =>
    given(leaver)
      .when(contact(undefined, 'RHOM', 'F2', '0'))
      .thenThrows('contact-codes-disagree', 'activity'));
  it('not with former foster carers at 17', () =>
    given(leaver)
      .when(contact(undefined, 'YES', 'F2', 'Z1'))
      .thenThrows('former-foster-carers-at-17', 'accommodation'));
  it('may be with former foster carers at 18', () =>
    given(leaver)
      .when({ ...contact('2025-06-20', 'YES', 'F4', 'Z1'), ...meta('2025-07-01T09:00:00Z') })
      .then([
        {
          type: 'CareLeaverContactRecorded',
          data: {
            childId: CHILD,
            effectiveDate: '2025-06-20',
            inTouch: 'YES',
            activity: 'F4',
            accommodation: 'Z1',
          },
        },
      ]));
});

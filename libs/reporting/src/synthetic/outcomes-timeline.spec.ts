import type { JourneyCommand } from '@care-journey/journey';
import { recordedAfterLeavingCare } from './outcomes-timeline';

const childId = 'c-1';
const endOfCare = (date: string, now: string): JourneyCommand => ({
  type: 'EndPeriodOfCare',
  childId,
  effectiveDate: date,
  reason: 'E8',
  now,
  recordedBy: 'sw-001',
});
const contact = (date: string, now: string): JourneyCommand => ({
  type: 'RecordCareLeaverContact',
  childId,
  effectiveDate: date,
  inTouch: 'YES',
  activity: 'F2',
  accommodation: 'U1',
  now,
  recordedBy: 'sw-001',
});
const nowOf = (commands: JourneyCommand[]) => commands.map((c) => c.now);

describe('recordedAfterLeavingCare', () => {
  it('Given care ended on 30 March, recorded on 8 April, When the contact on 31 March was written up on 5 April, Then it is recorded a minute after the end of care', () => {
    const journey = [endOfCare('2025-03-30', '2025-04-08T16:40:00Z')];
    const outcomes = [contact('2025-03-31', '2025-04-05T13:56:00Z')];
    expect(nowOf(recordedAfterLeavingCare(outcomes, journey))).toEqual(['2025-04-08T16:41:00Z']);
  });

  it('Given the end of care already on file, When the contact is written up later, Then its time is kept', () => {
    const journey = [endOfCare('2025-03-30', '2025-03-30T10:00:00Z')];
    const outcomes = [contact('2025-03-31', '2025-04-05T13:56:00Z')];
    expect(nowOf(recordedAfterLeavingCare(outcomes, journey))).toEqual(['2025-04-05T13:56:00Z']);
  });

  it('Given a later period ending after the contact, When the contact is timed, Then only ends on or before its date count', () => {
    const journey = [
      endOfCare('2023-05-01', '2023-05-02T09:00:00Z'),
      endOfCare('2025-06-01', '2025-06-09T09:00:00Z'),
    ];
    const outcomes = [contact('2024-05-10', '2024-05-12T09:00:00Z')];
    expect(nowOf(recordedAfterLeavingCare(outcomes, journey))).toEqual(['2024-05-12T09:00:00Z']);
  });

  it('Given annual health outcomes, When timed, Then they are left as drawn (they follow no end of care)', () => {
    const journey = [endOfCare('2025-03-30', '2025-04-30T10:00:00Z')];
    const oc2: JourneyCommand = {
      type: 'RecordAnnualHealthOutcomes',
      childId,
      effectiveDate: '2024-03-31',
      immunisations: true,
      teethCheck: true,
      healthAssessment: true,
      substanceMisuse: false,
      now: '2024-04-20T10:00:00Z',
      recordedBy: 'sw-001',
    };
    expect(recordedAfterLeavingCare([oc2], journey)).toEqual([oc2]);
  });
});

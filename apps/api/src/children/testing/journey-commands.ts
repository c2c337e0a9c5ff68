import type { JourneyCommand } from '@care-journey/journey';

/** When and by whom every command of these specs is recorded (also their recording context's). */
export const META = { now: '2025-06-30T10:00:00Z', recordedBy: 'sw' };

/** Commands for one child, as the API hands them to the handler (type, child, body, now, user). */
export const commandsFor =
  (childId: string) =>
  (type: string, body: Record<string, unknown>): JourneyCommand =>
    ({ type, childId, ...body, ...META }) as unknown as JourneyCommand;

/** A valid RegisterChild body (born 2022-01-10, registered 2023-02-01); `overrides` win. */
export const registrationBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  effectiveDate: '2023-02-01',
  childRef: 'LA-1',
  name: 'Sam Taylor',
  dateOfBirth: '2022-01-10',
  sex: '2',
  ethnicity: 'WBRI',
  upn: 'A123456789012',
  homePostcode: 'LS6 2AB',
  uasc: false,
  relinquishedAtBirth: false,
  team: 'North CiC',
  socialWorker: 'sw',
  ...overrides,
});

import type { JourneyCommand } from '@care-journey/journey';

/** When and by whom every command of these specs is recorded (also their recording context's). */
export const META = { now: '2025-06-30T10:00:00Z', recordedBy: 'sw' };

/** Commands for one child, as the API hands them to the handler (type, child, body, now, user). */
export const commandsFor =
  (childId: string) =>
  (type: string, body: Record<string, unknown>): JourneyCommand =>
    ({ type, childId, ...body, ...META }) as unknown as JourneyCommand;

const DEFAULT_CHILD_REF = 'LA-1';

/**
 * A UPN of the child's own (a UPN belongs to one child: 903 rule 444, refused at registration):
 * the default reference keeps A123456789012, any other gets a UPN made from its reference.
 */
const upnFor = (childRef: unknown): string => {
  if (childRef === DEFAULT_CHILD_REF || typeof childRef !== 'string') return 'A123456789012';
  let hash = 0;
  for (const char of childRef) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000_000_000;
  return `B${String(hash).padStart(12, '0')}`;
};

/** A valid RegisterChild body (born 2022-01-10, registered 2023-02-01); `overrides` win. */
export const registrationBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  effectiveDate: '2023-02-01',
  childRef: DEFAULT_CHILD_REF,
  name: 'Sam Taylor',
  dateOfBirth: '2022-01-10',
  sex: '2',
  ethnicity: 'WBRI',
  upn: upnFor(overrides.childRef ?? DEFAULT_CHILD_REF),
  homePostcode: 'LS6 2AB',
  uasc: false,
  relinquishedAtBirth: false,
  team: 'North CiC',
  socialWorker: 'sw',
  ...overrides,
});

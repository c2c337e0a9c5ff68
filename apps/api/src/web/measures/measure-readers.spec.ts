import { ROLES } from '@care-journey/access';
import {
  INDICATOR_PAGE_READERS,
  MEASURES_PAGE_READERS,
  PERMANENCE_READERS,
  readersOfIndicator,
  rolesInAny,
  rolesInEvery,
  SCORECARD_READERS,
  STABILITY_READERS,
} from './measure-readers';
import { SCORECARD_IDS, STABILITY_IDS } from './indicator-children';

const sorted = (roles: readonly string[]) => [...roles].sort();

describe('who reads each measure, on the API and on the panel', () => {
  it('Given the decision of session 9, Then stability, permanence and the scorecard are each read by every role', () => {
    for (const readers of [STABILITY_READERS, PERMANENCE_READERS, SCORECARD_READERS])
      expect(sorted(readers)).toEqual(sorted(ROLES));
  });

  it('Given the measures page shows all three, Then it admits exactly the roles that read every one of them', () => {
    const inAll = ROLES.filter(
      (role) =>
        STABILITY_READERS.includes(role) &&
        PERMANENCE_READERS.includes(role) &&
        SCORECARD_READERS.includes(role),
    );
    expect(sorted(MEASURES_PAGE_READERS)).toEqual(sorted(inAll));
  });

  it("Given an indicator, Then its children are read by its own measure's readers", () => {
    for (const id of STABILITY_IDS) expect(readersOfIndicator(id)).toBe(STABILITY_READERS);
    for (const id of SCORECARD_IDS) expect(readersOfIndicator(id)).toBe(SCORECARD_READERS);
    expect(sorted(INDICATOR_PAGE_READERS)).toEqual(sorted(rolesInAny(STABILITY_READERS, SCORECARD_READERS)));
  });

  it('When lists share no role, Then rolesInEvery refuses rather than close a page to everyone', () => {
    expect(rolesInEvery(['auditor', 'admin'], ['admin', 'panel_member'])).toEqual(['admin']);
    expect(() => rolesInEvery(['auditor'], ['admin'])).toThrow('No role reads every one of these measures');
    expect(() => rolesInAny()).toThrow('No role reads any of these measures');
    expect(sorted(rolesInAny(['auditor'], ['admin', 'auditor']))).toEqual(['admin', 'auditor']);
  });
});

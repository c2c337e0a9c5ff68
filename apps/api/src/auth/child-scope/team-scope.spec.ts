import { inTeamScope, teamScope } from './team-scope';

describe('team scope: which children a user reads and records for', () => {
  it('Given "team" scope, When a social worker of North looks at children, Then only current North allocations are in scope, in any spelling', () => {
    const scope = teamScope('social_worker', 'team', ['Children in Care North']);
    expect(inTeamScope(scope, 'Children in Care North')).toBe(true);
    expect(inTeamScope(scope, ' children in care  north')).toBe(true);
    expect(inTeamScope(scope, 'Children in Care South')).toBe(false);
    expect(inTeamScope(scope, undefined)).toBe(false);
  });

  it('Given "team" scope, When a social worker has no teams (not in the users file), Then no child is in scope', () => {
    expect(inTeamScope(teamScope('social_worker', 'team', []), 'Children in Care North')).toBe(false);
  });

  it('Given "authority" scope, or any other role, Then every child is in scope', () => {
    expect(inTeamScope(teamScope('social_worker', 'authority', []), 'Anything')).toBe(true);
    for (const role of ['panel_member', 'auditor', 'reporting_job', 'admin'] as const)
      expect(inTeamScope(teamScope(role, 'team', []), undefined)).toBe(true);
  });
});

import { sameTeam } from '@care-journey/projections';

/**
 * The team drop-down for the team the report is filtered to. The filter compares teams ignoring
 * case and spacing, so the drop-down selects the choice the asked-for name matches
 * (`children in care  north` selects "Children in Care North"); a team no child on the date is
 * allocated to is added as asked, so the drop-down never reads "All teams" while the report is
 * filtered to one.
 */
export function teamChoice(
  teams: readonly string[],
  asked: string,
): { options: { value: string; text: string }[]; selected: string } {
  const options = teams.map((team) => ({ value: team, text: team }));
  if (asked.trim() === '') return { options, selected: '' };
  const matching = teams.find((team) => sameTeam(asked, team));
  if (matching !== undefined) return { options, selected: matching };
  return { options: [...options, { value: asked, text: asked }], selected: asked };
}

/**
 * A synthetic authority: `children` journeys as domain commands, the same for the same options.
 * Each child draws from its own random stream, so child 17 is the same whether 100 or 10,000 are
 * made. A real UPN belongs to one child (903 rule 444): a child drawing one an earlier child has
 * takes the next free one of its school and year (own-upn.ts).
 */
import { authorityOptions, type AuthorityOptions } from './authority-options';
import { generateChild, type SyntheticChild } from './generate-child';
import { UpnsGiven } from './own-upn';

export function* generateAuthority(partial: Partial<AuthorityOptions> = {}): Generator<SyntheticChild> {
  const options = authorityOptions(partial);
  const upns = new UpnsGiven();
  for (let index = 0; index < options.children; index++) yield upns.ownFor(generateChild(options, index));
}

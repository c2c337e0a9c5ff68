/**
 * A synthetic authority: `children` journeys as domain commands, the same for the same options.
 * Each child draws from its own random stream, so child 17 is the same whether 100 or 10,000 are made.
 */
import { authorityOptions, type AuthorityOptions } from './authority-options';
import { generateChild, type SyntheticChild } from './generate-child';

export function* generateAuthority(partial: Partial<AuthorityOptions> = {}): Generator<SyntheticChild> {
  const options = authorityOptions(partial);
  for (let index = 0; index < options.children; index++) yield generateChild(options, index);
}

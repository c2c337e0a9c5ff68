/**
 * Before a child is registered: children already registered who may be the same child (frontline
 * review F12). Same date of birth and a name in common — the first or the family name, folded as
 * "Find a child" folds them (case, accents and punctuation aside) — so "Leo Weekday" finds
 * "Leo Weekday" and "Leo Weekday-Smith", and twins (same birth, same family name) are asked about
 * too: the worker decides, "Register anyway".
 */
import type { CalendarDate } from '@care-journey/journey';
import { allocationOn, type JourneySummary } from '@care-journey/projections';
import { fold } from './find-children';

export interface PossibleDuplicate {
  childId: string;
  childRef: string;
  name: string;
  dateOfBirth: CalendarDate;
  /** The team allocated today: the scope the worker may see it in. */
  team?: string;
  socialWorker?: string;
}

/** A name's first and last words, folded (a one-word name is both). */
function ends(name: string): [string, string] | undefined {
  const words = fold(name).split(' ').filter(Boolean);
  return words.length === 0 ? undefined : [words[0], words[words.length - 1]];
}

export function possibleDuplicates(
  summaries: Iterable<JourneySummary>,
  child: { name: string; dateOfBirth: string },
  today: CalendarDate,
): PossibleDuplicate[] {
  const typed = ends(child.name);
  if (!typed) return [];
  const found: PossibleDuplicate[] = [];
  for (const s of summaries) {
    // A registration withdrawn in error has no reference, name or birth date left.
    if (s.childRef === '' || s.dateOfBirth !== child.dateOfBirth) continue;
    const theirs = ends(s.name);
    if (!theirs || (theirs[0] !== typed[0] && theirs[1] !== typed[1])) continue;
    const allocation = allocationOn(s, today);
    found.push({
      childId: s.childId,
      childRef: s.childRef,
      name: s.name,
      dateOfBirth: s.dateOfBirth,
      team: allocation?.team,
      socialWorker: allocation?.socialWorker,
    });
  }
  return found.sort((a, b) => a.childRef.localeCompare(b.childRef, 'en-GB'));
}

import type { CalendarDate } from '@care-journey/journey';
import { allocationOn, periodOn, type JourneySummary } from '@care-journey/projections';

/** One child in the list: who they are, whether they are looked after today, and who holds the case. */
export interface FoundChild {
  childId: string;
  childRef: string;
  name: string;
  dateOfBirth?: CalendarDate;
  /** Start of the period of care open today, when there is one. */
  lookedAfterSince?: CalendarDate;
  team?: string;
  socialWorker?: string;
}

/** Zero-width non-joiner and joiner: parts of Persian and Indic spellings (children/dto/joiner-context.ts). */
const JOINERS = /[\u200c\u200d]/g;

/**
 * Lower case, accents and punctuation aside, single spaces: "O'Neil-Smith" finds "oneil smith".
 * Letters, marks and digits of every script are kept (a Persian or Devanagari name is searched in
 * its own script, not folded to nothing); a joiner is dropped, or read as a space (`joiners`).
 */
export const fold = (text: string, joiners: '' | ' ' = ''): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(JOINERS, joiners)
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();

/** A 903 reference compared as the DfE validator does: ignoring case (and spaces typed around it). */
const refKey = (ref: string): string => ref.replace(/\s+/g, '').toUpperCase();

/**
 * Whether a child answers the search: every word typed starts a word of the name ("sam tay" finds
 * Sam Taylor), or the text is part of the 903 reference. An empty search finds everyone.
 */
export function matches(summary: JourneySummary, text: string): boolean {
  const words = fold(text).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  if (refKey(text) !== '' && refKey(summary.childRef).includes(refKey(text))) return true;
  // "علی‌رضا" (with a ZWNJ) is found as "علیرضا" and as "علی رضا", as people type it.
  const nameWords = [...fold(summary.name).split(' '), ...fold(summary.name, ' ').split(' ')];
  return words.every((w) => nameWords.some((n) => n.startsWith(w)));
}

/**
 * Every registered child answering the search, from the read models (no flag needed): the exact
 * reference first, then by name and reference.
 */
export function findChildren(
  summaries: readonly JourneySummary[],
  text: string,
  today: CalendarDate,
): FoundChild[] {
  const exact = refKey(text);
  return summaries
    .filter((s) => s.childRef !== '' && matches(s, text))
    .sort(
      (a, b) =>
        Number(refKey(b.childRef) === exact) - Number(refKey(a.childRef) === exact) ||
        a.name.localeCompare(b.name, 'en-GB') ||
        a.childRef.localeCompare(b.childRef, 'en-GB'),
    )
    .map((s) => {
      const allocation = allocationOn(s, today);
      return {
        childId: s.childId,
        childRef: s.childRef,
        name: s.name,
        dateOfBirth: s.dateOfBirth,
        lookedAfterSince: periodOn(s, today)?.start,
        team: allocation?.team,
        socialWorker: allocation?.socialWorker,
      };
    });
}

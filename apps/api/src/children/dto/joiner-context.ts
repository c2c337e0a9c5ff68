import { JOINING_TYPES, VIRAMAS, type JoiningType } from './joiner-tables';

/**
 * Where a zero-width non-joiner (U+200C) or joiner (U+200D) is part of how a word is spelt, after
 * UAX #31 section 2.3 (contexts A1, A2, B; RFC 5892's CONTEXTJ rules are the same idea):
 * - A1, ZWNJ only: between two letters of a joining script (Arabic, Syriac, N'Ko, Mongolian…) that
 *   would otherwise join: the letter before joins to the next (Joining_Type D or L), the one after
 *   to the one before (D or R), with only transparent marks between. Persian "می‌خواهم", "علی‌رضا".
 * - A2 (ZWNJ) and B (ZWJ): straight after a virama that follows a letter of the virama's own
 *   script (with only marks between): a half form or an explicit virama in Devanagari (विद्‍या),
 *   a chillu in Malayalam's older spelling (അന്‍വര്‍, also at the end of a word), Sinhala's
 *   "ශ්‍රී".
 * Anywhere else (at the start, doubled, after a space, beside Latin letters where it only hides a
 * difference: "pay\u200Cpal") a joiner changes nothing visible, so it is refused like the other
 * zero-width characters. The one deviation from UAX #31: nothing may stand between the virama and
 * the joiner (as RFC 5892), and the letter before the virama must be of its script.
 */
export const ZWNJ = 0x200c;
export const ZWJ = 0x200d;

const MARK = /^\p{Mn}$/u;
const TRANSPARENT_BY_CATEGORY = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const LETTER = /^\p{L}$/u;

/** The first joiner out of its context in `text`, or undefined. */
export function joinerOutOfContext(text: string): string | undefined {
  if (!text.includes('\u200c') && !text.includes('\u200d')) return undefined;
  const codePoints = Array.from(text, (character) => character.codePointAt(0)!);
  const at = codePoints.findIndex((cp, i) => (cp === ZWNJ || cp === ZWJ) && !joinerInContext(codePoints, i));
  return at < 0 ? undefined : String.fromCodePoint(codePoints[at]);
}

/** Whether the joiner at `i` stands where Unicode says it is meant (above). */
export function joinerInContext(codePoints: readonly number[], i: number): boolean {
  if (afterVirama(codePoints, i)) return true; // A2, B
  return codePoints[i] === ZWNJ && betweenJoiningLetters(codePoints, i); // A1
}

/** $L $M* $V ZWJ|ZWNJ: a virama right before, a letter of its script before that (marks between). */
function afterVirama(codePoints: readonly number[], i: number): boolean {
  const script = i > 0 ? rangeValue(VIRAMAS, codePoints[i - 1]) : undefined;
  if (script === undefined) return false;
  let before = i - 2;
  while (before >= 0 && MARK.test(String.fromCodePoint(codePoints[before]))) before--;
  if (before < 0) return false;
  const letter = String.fromCodePoint(codePoints[before]);
  return LETTER.test(letter) && scriptTest(script).test(letter);
}

/** $LJ $T* ZWNJ $T* $RJ */
function betweenJoiningLetters(codePoints: readonly number[], i: number): boolean {
  let before = i - 1;
  while (before >= 0 && joiningType(codePoints[before]) === 'T') before--;
  let after = i + 1;
  while (after < codePoints.length && joiningType(codePoints[after]) === 'T') after++;
  if (before < 0 || after >= codePoints.length) return false;
  const left = joiningType(codePoints[before]);
  const right = joiningType(codePoints[after]);
  return (left === 'D' || left === 'L') && (right === 'D' || right === 'R');
}

/** ArabicShaping.txt's type, or its default: T for an unlisted Mn, Me or Cf, else U. */
function joiningType(cp: number): JoiningType {
  return (
    rangeValue(JOINING_TYPES, cp) ?? (TRANSPARENT_BY_CATEGORY.test(String.fromCodePoint(cp)) ? 'T' : 'U')
  );
}

/** The value of the range holding `cp` (ranges ascending, not overlapping), by binary search. */
function rangeValue<T>(ranges: readonly (readonly [number, number, T])[], cp: number): T | undefined {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [first, last, value] = ranges[middle];
    if (cp < first) high = middle - 1;
    else if (cp > last) low = middle + 1;
    else return value;
  }
  return undefined;
}

const scriptTests = new Map<string, RegExp>();
/** A letter "of the script": its Script_Extensions include it (Devanagari letters shared with Vedic use count). */
function scriptTest(script: string): RegExp {
  let test = scriptTests.get(script);
  if (!test) {
    test = new RegExp(`^\\p{Script_Extensions=${script}}$`, 'u');
    scriptTests.set(script, test);
  }
  return test;
}

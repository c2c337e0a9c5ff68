/**
 * Unique pupil numbers: a check letter then 12 digits (LA number, establishment, year, serial).
 * The check letter is the DfE one (weighted sum of characters 2–13, modulo 23), so a generated
 * UPN is well-formed for any UPN checker, not just the 903 shape test.
 */
import type { Random } from './prng';

const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export function upnCheckLetter(twelveDigits: string): string {
  if (!/^\d{12}$/.test(twelveDigits)) throw new RangeError(`UPN body must be 12 digits, got ${twelveDigits}`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelveDigits[i]) * (i + 2);
  return CHECK_LETTERS[sum % 23];
}

/** Cambridgeshire's DfE LA number is 873; the establishment and serial are random. */
export function syntheticUpn(random: Random, laNumber = '873', yearOfAllocation = 20): string {
  const establishment = String(random.int(2000, 7999));
  const year = String(yearOfAllocation % 100).padStart(2, '0');
  const serial = String(random.int(0, 999)).padStart(3, '0');
  const body = `${laNumber}${establishment}${year}${serial}`;
  return `${upnCheckLetter(body)}${body}`;
}

/**
 * The next UPN of the same school and year (serial + 1, wrapping at 999), with its check letter:
 * where a drawn UPN is already another child's, the authority takes the next one free (one UPN,
 * one child: 903 rule 444) without drawing again, so no other child's journey changes.
 */
export function nextSyntheticUpn(upn: string): string {
  const body = upn.slice(1);
  const serial = (Number(body.slice(9)) + 1) % 1000;
  const next = `${body.slice(0, 9)}${String(serial).padStart(3, '0')}`;
  return `${upnCheckLetter(next)}${next}`;
}

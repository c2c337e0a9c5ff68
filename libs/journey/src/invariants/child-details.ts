/** The header fields of a child: 903 SEX, UPN (or UN1–UN5). */
import { violation } from '../errors';

// A UPN is a letter, 11 digits, and a digit or letter (temporary UPNs end in a letter).
const UPN_SHAPE = /^[A-Z]\d{11}[0-9A-Z]$/;
const UNKNOWN_UPN = ['UN1', 'UN2', 'UN3', 'UN4', 'UN5'];

export function checkSex(sex: unknown): void {
  if (sex !== '1' && sex !== '2')
    violation('invalid-sex', `sex must be '1' (male) or '2' (female), got ${JSON.stringify(sex)}.`, 'sex');
}

export function checkUpn(upn: unknown): void {
  if (typeof upn !== 'string' || !(UPN_SHAPE.test(upn) || UNKNOWN_UPN.includes(upn))) {
    violation(
      'invalid-upn',
      `upn must be a 13-character unique pupil number or UN1–UN5, got ${JSON.stringify(upn)}.`,
      'upn',
    );
  }
}

import { codesOf, reasonFitsCarer } from '@care-journey/journey';

const inWords = (codes: readonly string[]): string =>
  codes.length < 2 ? codes.join('') : `${codes.slice(0, -1).join(', ')} and ${codes.at(-1)}`;

/**
 * The placement-change form's hint on the reason: which reasons fit which same-carer answer, read
 * from the journey's own rule (reasonFitsCarer) so the form cannot promise what the journey refuses.
 */
export function reasonAndCarerHint(): string {
  const codes = codesOf('REASON_PLACE_CHANGE');
  const sameOnly = codes.filter((code) => !reasonFitsCarer(code, false));
  const newOnly = codes.filter((code) => !reasonFitsCarer(code, true));
  const either = codes.filter((code) => !sameOnly.includes(code) && !newOnly.includes(code));
  return `${inWords(sameOnly)} only with the same carer; ${inWords(newOnly)} only with a new carer; ${inWords(either)} with either`;
}

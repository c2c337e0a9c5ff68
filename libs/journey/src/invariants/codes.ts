/** Codes must come from the national lists and be valid on the entry's effective date. */
import { type CodeListName, findCode, isValidCode } from '../code-lists';
import { violation } from '../errors';

const LIST_LABELS: Record<CodeListName, string> = {
  LS: 'legal status',
  RNE: 'reason for new episode',
  PLACE: 'placement type',
  PLACE_PROVIDER: 'placement provider',
  REC: 'reason episode ceased',
  CIN: 'category of need',
  REASON_PLACE_CHANGE: 'reason for placement change',
  REVIEW_CODE: 'review participation code',
  REASON_PLACED_CEASED: 'reason the adoption decision was reversed',
  PREV_PERM: 'previous permanence code',
  SEX_ADOPTR: 'adopters sex code',
  LS_ADOPTR: 'adopters legal status code',
  ETHNIC: 'ethnicity code',
  MISSING: 'missing kind',
  SDQ_REASON: 'reason for no SDQ score',
  IN_TOUCH: 'care leaver in-touch code',
  ACTIV: 'care leaver activity code',
  ACCOM: 'care leaver accommodation code',
};

/** `rule` is the caller's stable id, e.g. 'invalid-legal-status'. */
export function requireCode(
  list: CodeListName,
  code: unknown,
  onDate: string | undefined,
  field: string,
  rule: string,
): string {
  const label = LIST_LABELS[list];
  if (typeof code !== 'string' || !findCode(list, code)) {
    return violation(
      rule,
      `${field} ${JSON.stringify(code)} is not a ${label} in the national code list (${list}).`,
      field,
    );
  }
  if (!isValidCode(list, code, onDate)) {
    const def = findCode(list, code);
    const window = [def?.validFrom && `from ${def.validFrom}`, def?.validTo && `to ${def.validTo}`]
      .filter(Boolean)
      .join(' ');
    return violation(rule, `${field} ${code} is not a valid ${label} on ${onDate} (valid ${window}).`, field);
  }
  return code;
}

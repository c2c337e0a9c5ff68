/**
 * A re-import that meets a journey the store holds otherwise: which 903 columns of the row changed.
 * The event's data fields are named by the column they come from, where there is one.
 */
const COLUMN_OF: Record<string, string> = {
  legalStatus: 'LS',
  categoryOfNeed: 'CIN',
  placementType: 'PLACE',
  provider: 'PLACE_PROVIDER',
  postcode: 'PL_POST',
  urn: 'URN',
  reasonForChange: 'REASON_PLACE_CHANGE',
  reason: 'REC',
  participation: 'REVIEW_CODE',
  kind: 'MISSING',
  dateOfBirth: 'DOB',
  sex: 'SEX',
  ethnicity: 'ETHNIC',
  upn: 'UPN',
  homePostcode: 'HOME_POST',
  previousPermanence: 'PREV_PERM/LA_PERM/DATE_PERM',
  adoptedByFosterCarer: 'FOSTER_CARE',
  numberOfAdopters: 'NB_ADOPTR',
  adopterSex: 'SEX_ADOPTR',
  adopterLegalStatus: 'LS_ADOPTR',
};

const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The changed fields of two versions of one event's data, as 903 columns (else the field's name). */
export function changedColumns(held: unknown, planned: unknown): string[] {
  const a = isObject(held) ? held : {};
  const b = isObject(planned) ? planned : {};
  const out = new Set<string>();
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!differs(a[key], b[key])) continue;
    // A placement is several columns: name the ones that changed.
    const nested = isObject(a[key]) && isObject(b[key]) && key !== 'previousPermanence';
    const names = nested ? changedColumns(a[key], b[key]) : [COLUMN_OF[key] ?? key];
    names.forEach((n) => out.add(n));
  }
  return [...out];
}

/**
 * The shape of an ONS area code (a letter for the nation, E, W, S or N, then eight digits:
 * E10000003). One definition for the authority settings and the synthetic authority's `la`.
 */
const ONS_CODE = /^[EWSN]\d{8}$/;

export const isOnsCode = (value: unknown): value is string =>
  typeof value === 'string' && ONS_CODE.test(value);

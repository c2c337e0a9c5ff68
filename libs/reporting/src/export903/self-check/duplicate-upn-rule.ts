/**
 * DfE rule 444: a UPN is unique within the authority's return for the year. The unknown-UPN codes
 * UN1–UN5 say there is no UPN, so they may repeat. Compared upper-cased, as the validator reads every
 * text cell; every Header row of a shared UPN fails, as in the validator.
 */
import type { Return903 } from '../tables';
import type { CheckFailure } from './failure';

const UNKNOWN_UPN = new Set(['UN1', 'UN2', 'UN3', 'UN4', 'UN5']);

export function checkDuplicateUpns(tables: Pick<Return903, 'Header'>): CheckFailure[] {
  const children = new Map<string, string[]>();
  for (const h of tables.Header) {
    const upn = (h.UPN ?? '').toUpperCase();
    if (!upn || UNKNOWN_UPN.has(upn)) continue;
    children.set(upn, [...(children.get(upn) ?? []), h.CHILD]);
  }
  return [...children.values()]
    .filter((holders) => holders.length > 1)
    .flatMap((holders) =>
      holders.map((child) => ({
        rule: '444',
        table: 'Header' as const,
        child,
        field: 'UPN',
        message: `UPN is reported for ${holders.length} children (${holders.join(', ')}): a UPN belongs to one child`,
      })),
    );
}

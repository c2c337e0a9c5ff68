import type { FieldMessage } from '../html/components';

/**
 * The pages' side of the API's query rule (src/http/query-params.ts): a parameter in the address
 * that the page does not use is reported on the page, not silently ignored, so a mistyped
 * bookmark (`?asat=`) cannot pass for the view it meant. The page shows the rest as asked; the
 * message links to the page's form (`fieldId`), where the real settings are.
 */
export function unknownPageParams(
  query: Record<string, unknown>,
  uses: readonly string[],
  fieldId: string,
): FieldMessage[] {
  return Object.keys(query)
    .filter((name) => !uses.includes(name))
    .map((name) => ({
      fieldId,
      field: name,
      rule: 'whitelistValidation',
      message: `The address has “${name}”, which this page does not use: it uses ${uses.join(', ')}. Check its spelling`,
    }));
}

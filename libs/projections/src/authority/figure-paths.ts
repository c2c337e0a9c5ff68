/**
 * The figures a target may name: every number of a month's row (`threePlusPlacements.percentage`,
 * `placementMix.groups.in_house_fostering.count`, …), read off a row computed for no children
 * rather than listed by hand, so a figure added to the row can be named at once and a target can
 * never name one the row does not have. A figure that can be null (a percentage of nobody) is
 * still a figure: it is null in the empty row.
 */
import { DEFAULT_AUTHORITY_CONFIG } from './authority-config';
import { measuresRow } from './measures-row';

let paths: readonly string[] | undefined;

/** Every figure path of a month's row, sorted. */
export function figurePaths(): readonly string[] {
  if (!paths) {
    // Any month will do; the targets are what is checked against the figures, not figures.
    const { targets: _targets, ...row } = measuresRow(
      [],
      { month: '2024-01', from: '2024-01-01', to: '2024-01-31' },
      { ...DEFAULT_AUTHORITY_CONFIG, targets: [] },
      [],
    );
    paths = leaves(row, '').sort();
  }
  return paths;
}

export const isFigurePath = (path: string): boolean => figurePaths().includes(path);

/** The dotted paths of the number (or null) values below `value`. */
function leaves(value: unknown, at: string): string[] {
  if (typeof value === 'number' || value === null) return [at];
  if (typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, at ? `${at}.${key}` : key));
}

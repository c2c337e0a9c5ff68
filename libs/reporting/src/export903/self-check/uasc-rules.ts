/**
 * DfE rule 406: a child who is or was UASC has no placement distance. The validator derives
 * PL_DISTANCE from HOME_POST and PL_POST, so a UASC child's episode must not give HOME_POST.
 * "Was UASC" reads this return's UASC table: the journey keeps UASC as a status of the child, so a
 * child once UASC has a UASC row in every return.
 */
import type { Return903 } from '../tables';
import type { CheckFailure } from './failure';

export function checkUascDistance(tables: Pick<Return903, 'Episodes' | 'UASC'>): CheckFailure[] {
  const uasc = new Set(tables.UASC.map((u) => u.CHILD));
  return tables.Episodes.filter((e) => uasc.has(e.CHILD) && e.HOME_POST).map((e) => ({
    rule: '406',
    table: 'Episodes',
    child: e.CHILD,
    field: 'HOME_POST',
    message: `the child is or was UASC, so the placement distance must be blank: HOME_POST must be blank (episode from ${e.DECOM})`,
  }));
}

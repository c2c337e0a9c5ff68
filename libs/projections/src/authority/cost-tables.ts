/**
 * Unit costs looked up by day: the table in force on a day is the last one whose `from` is on or
 * before it. A cost for the placement's own provider kind wins over one for "any".
 */
import type { AuthorityConfig, CostTable } from './authority-config';
import { dayNumber } from './day-numbers';
import type { PlacementGroup, ProviderKind } from './placement-groups';

export interface CostVersion {
  fromDay: number;
  /** Up to (not including) this day; Infinity for the latest table. */
  toDay: number;
  weekly(group: PlacementGroup, provider: ProviderKind): number | undefined;
}

function version(table: CostTable, toDay: number): CostVersion {
  const rates = new Map<string, number>();
  for (const cost of table.costs) rates.set(`${cost.group}/${cost.provider}`, cost.weekly);
  return {
    fromDay: dayNumber(table.from),
    toDay,
    weekly: (group, provider) => rates.get(`${group}/${provider}`) ?? rates.get(`${group}/any`),
  };
}

export function costVersions(config: AuthorityConfig): CostVersion[] {
  const tables = config.costTables;
  return tables.map((table, i) =>
    version(table, i + 1 < tables.length ? dayNumber(tables[i + 1].from) : Infinity),
  );
}

export const versionOn = (versions: readonly CostVersion[], day: number): CostVersion | undefined =>
  versions.find((v) => v.fromDay <= day && day < v.toDay);

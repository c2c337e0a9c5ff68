/**
 * Builds the details of a placement of a given type: provider, postcode and Ofsted URN that fit
 * together the way the 903 rules expect (PR0 only with P1; own provision (PR1) inside the authority
 * unless fostering/adoption; no URN for P1/R1/R2/R5/P3/Z1; home and placement postcodes differ
 * unless the child is placed with parents). Semi-independent settings (H5) have a URN once Ofsted
 * registers them: from 28 April 2023 here (registration opened that day; it was required from
 * 28 October 2023, see care-timeline.ts for placements that span that day).
 */
import type { CalendarDate, PlacementDetails } from '@care-journey/journey';
import { postcodesIn, postcodesOutside } from './postcodes';
import type { Random } from './prng';

type Provider = 'PR0' | 'PR1' | 'PR2' | 'PR3' | 'PR4' | 'PR5';
type Mix<T> = readonly (readonly [T, number])[];

const PROVIDERS: Record<string, Mix<Provider>> = {
  U: [
    ['PR1', 62],
    ['PR4', 33],
    ['PR5', 5],
  ],
  A: [
    ['PR1', 55],
    ['PR2', 30],
    ['PR5', 15],
  ],
  K1: [
    ['PR2', 70],
    ['PR1', 30],
  ],
  K2: [
    ['PR4', 70],
    ['PR1', 20],
    ['PR5', 10],
  ],
  H5: [
    ['PR4', 70],
    ['PR5', 30],
  ],
  K3: [
    ['PR4', 70],
    ['PR5', 30],
  ],
  P2: [
    ['PR4', 60],
    ['PR5', 40],
  ],
  R3: [
    ['PR4', 60],
    ['PR5', 40],
  ],
  S1: [
    ['PR4', 60],
    ['PR5', 40],
  ],
  R5: [['PR3', 100]],
  R2: [['PR3', 100]],
  P1: [['PR0', 100]],
};

/** Placement types that never carry an Ofsted URN (903 rules 218/222). */
const NO_URN = new Set(['P1', 'P3', 'R1', 'R2', 'R5', 'Z1']);
/** Settings with no registration of their own: URN not applicable. */
const URN_NOT_APPLICABLE = new Set(['P2', 'S1']);
/** Ofsted began registering supported accommodation on 28 April 2023. */
export const OFSTED_SUPPORTED_ACCOMMODATION_REGISTRATION_OPENED = '2023-04-28';

const providerMix = (type: string): Mix<Provider> => PROVIDERS[type] ?? PROVIDERS[type[0]] ?? [['PR4', 100]];

/** A synthetic URN: 'SC' and six digits, the shape of Ofsted social-care URNs. */
export const syntheticUrn = (random: Random): string => `SC${String(random.int(100000, 999999))}`;

export interface PlacementContext {
  la: string;
  /** The child's home postcode (undefined for unaccompanied asylum-seeking children). */
  homePostcode?: string;
  /** The day the placement begins. */
  date: CalendarDate;
  /**
   * Draws supported-accommodation URNs: its own stream, so that giving H5 settings a URN leaves
   * every other draw of the authority as it was.
   */
  urns: Random;
}

export function makePlacement(type: string, random: Random, context: PlacementContext): PlacementDetails {
  const provider = random.weighted(providerMix(type));
  if (type === 'P1') {
    const postcode = context.homePostcode ?? random.pick(postcodesIn(context.la)).postcode;
    return { placementType: type, provider, postcode, inArea: true };
  }
  // Own provision outside the area is allowed only for fostering and adoption (903 rule 1015);
  // another authority's provision is, by definition, elsewhere.
  const mustBeIn = provider === 'PR1' && !/^[UA]/.test(type);
  const outOfArea = provider === 'PR2' || (!mustBeIn && random.chance(provider === 'PR1' ? 0.1 : 0.35));
  const candidates = (outOfArea ? postcodesOutside(context.la) : postcodesIn(context.la)).filter(
    (p) => p.postcode !== context.homePostcode,
  );
  const place = random.pick(candidates);
  const details: PlacementDetails = {
    placementType: type,
    provider,
    postcode: place.postcode,
    inArea: place.la === context.la,
  };
  if (NO_URN.has(type)) return details;
  if (type === 'H5') {
    const registered = context.date >= OFSTED_SUPPORTED_ACCOMMODATION_REGISTRATION_OPENED;
    return { ...details, urn: registered ? syntheticUrn(context.urns) : 'XXXXXXX' };
  }
  return { ...details, urn: URN_NOT_APPLICABLE.has(type) ? 'XXXXXXX' : syntheticUrn(random) };
}

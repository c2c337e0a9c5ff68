/**
 * 903 episodes from a child's resolved events (corrections already applied), over the child's
 * whole life. A new episode starts whenever the legal status and/or the placement changes; changes
 * on one day make one transition (an episode cannot start and end on the same day), so a legal
 * status and a placement change together give RNE B (new carer) or U (same carer).
 *
 * A move to another carer (`sameCarer: false`) is a change of placement even when its type,
 * provider, postcode and URN are those of the placement before (national definitions: RNE P is a
 * change of placement and carer); a same-carer change starts an episode (T, or U with a legal
 * status change) only when one of those details changes.
 */
import {
  isTemporaryPlacement,
  resolveCorrections,
  sortByEffectiveDate,
  type CalendarDate,
  type JourneyEvent,
  type PlacementDetails,
  type StoredJourneyEvent,
} from '@care-journey/journey';

export interface Episode {
  decom: CalendarDate;
  rne: 'S' | 'L' | 'P' | 'T' | 'B' | 'U';
  ls: string;
  cin: string;
  place: string;
  provider?: string;
  dec?: CalendarDate;
  rec?: string;
  reasonPlaceChange?: string;
  homePostcode?: string;
  placementPostcode?: string;
  urn?: string;
}

interface PlacementChange {
  placement: PlacementDetails;
  sameCarer: boolean;
  /**
   * The child moves to another carer: a new episode whatever the details. Not for a temporary
   * stay or the return from one, which start an episode because the placement type changes.
   */
  newCarer: boolean;
  reason?: string;
  temporary: boolean;
}

/** What one day changes. */
interface DayChanges {
  date: CalendarDate;
  start?: { ls: string; cin: string; placement: PlacementDetails };
  ls?: string;
  placement?: PlacementChange;
  end?: string;
}

/** Episodes of a child from resolved events, in date order. */
export function deriveEpisodes(resolved: readonly JourneyEvent[]): Episode[] {
  const episodes: Episode[] = [];
  let homePostcode: string | undefined;
  let usual: PlacementDetails | undefined;
  let current: Episode | undefined;

  for (const day of groupByDay(
    sortByEffectiveDate(resolved),
    (p) => (usual = p),
    () => usual,
  )) {
    if (day.homePostcode !== undefined) homePostcode = day.homePostcode;
    const change = day.changes;
    if (change.start) {
      // An end on the day care starts again closes the period before (the journey never ends a
      // period on the day it began: a period cannot start and end on the same day, 903 rule 355).
      if (change.end && current) close(current, change.date, change.end);
      current = {
        decom: change.date,
        rne: 'S',
        ls: change.ls ?? change.start.ls,
        cin: change.start.cin,
        ...placementFields(change.placement?.placement ?? change.start.placement),
        homePostcode,
      };
      episodes.push(current);
      continue;
    }
    if (!current) continue;
    const placementMoved =
      change.placement !== undefined &&
      (change.placement.newCarer || !samePlacement(change.placement.placement, current));
    const lsMoved = change.ls !== undefined && change.ls !== current.ls;
    if (placementMoved || lsMoved) {
      if (current.decom === change.date) {
        // Same day as the episode's start: the first change was superseded, not a new episode.
        Object.assign(
          current,
          lsMoved ? { ls: change.ls } : {},
          placementMoved ? placementFields(change.placement!.placement) : {},
        );
      } else {
        const next: Episode = {
          decom: change.date,
          rne: rneFor(lsMoved, placementMoved, change.placement?.sameCarer ?? false),
          ls: lsMoved ? change.ls! : current.ls,
          cin: current.cin,
          ...(placementMoved ? placementFields(change.placement!.placement) : placementOf(current)),
          homePostcode,
        };
        close(current, change.date, 'X1');
        const eitherTemporary = isTemporaryPlacement(current.place) || isTemporaryPlacement(next.place);
        if (placementMoved && !eitherTemporary)
          current.reasonPlaceChange = change.placement!.reason ?? 'OTHER';
        episodes.push(next);
        current = next;
      }
    }
    if (change.end) {
      close(current, change.date, change.end);
      current = undefined;
    }
  }
  return episodes;
}

/** Episodes straight from a stored stream: corrections resolved first. */
export const episodesOfStream = (events: readonly StoredJourneyEvent[]): Episode[] =>
  deriveEpisodes(resolveCorrections(events));

function close(episode: Episode, date: CalendarDate, rec: string): void {
  episode.dec = date;
  episode.rec = rec;
}

function rneFor(ls: boolean, placement: boolean, sameCarer: boolean): Episode['rne'] {
  if (ls && placement) return sameCarer ? 'U' : 'B';
  if (ls) return 'L';
  return sameCarer ? 'T' : 'P';
}

function placementFields(
  p: PlacementDetails,
): Pick<Episode, 'place' | 'provider' | 'placementPostcode' | 'urn'> {
  return { place: p.placementType, provider: p.provider, placementPostcode: p.postcode, urn: p.urn };
}

const placementOf = (e: Episode): Pick<Episode, 'place' | 'provider' | 'placementPostcode' | 'urn'> => ({
  place: e.place,
  provider: e.provider,
  placementPostcode: e.placementPostcode,
  urn: e.urn,
});

const samePlacement = (p: PlacementDetails, e: Episode): boolean =>
  p.placementType === e.place &&
  p.provider === e.provider &&
  p.postcode === e.placementPostcode &&
  p.urn === e.urn;

/** Folds the events of each day into one set of changes (last one of a kind wins). */
function* groupByDay(
  events: readonly JourneyEvent[],
  setUsual: (p: PlacementDetails) => void,
  getUsual: () => PlacementDetails | undefined,
): Generator<{ changes: DayChanges; homePostcode?: string }> {
  let day: DayChanges | undefined;
  let homePostcode: string | undefined;
  const flush = function* () {
    if (day) yield { changes: day, homePostcode };
    day = undefined;
    homePostcode = undefined;
  };
  for (const event of events) {
    if (event.type === 'ChildRegistered') {
      homePostcode = event.data.homePostcode ?? '';
      continue;
    }
    const date = event.data.effectiveDate;
    if (day && day.date !== date) yield* flush();
    day ??= { date };
    switch (event.type) {
      case 'PeriodOfCareStarted':
        day.start = {
          ls: event.data.legalStatus,
          cin: event.data.categoryOfNeed,
          placement: event.data.placement,
        };
        setUsual(event.data.placement);
        break;
      case 'LegalStatusChanged':
        day.ls = event.data.legalStatus;
        break;
      case 'PlacementOrderGranted':
        day.ls = 'E1';
        break;
      case 'PlacementChanged':
        day.placement = {
          placement: event.data.placement,
          sameCarer: event.data.sameCarer,
          newCarer: !event.data.sameCarer,
          reason: event.data.reasonForChange,
          temporary: false,
        };
        setUsual(event.data.placement);
        break;
      case 'PlacedForAdoption':
        day.placement = {
          placement: event.data.placement,
          sameCarer: event.data.sameCarer,
          newCarer: !event.data.sameCarer,
          reason: event.data.sameCarer ? 'PLACE' : 'CARPL',
          temporary: false,
        };
        setUsual(event.data.placement);
        break;
      case 'TemporaryPlacementStarted': {
        // The journey holds no address for a temporary stay; the 903 needs a placement postcode for
        // every looked-after episode (rule 392b), so the usual placement's postcode stands in.
        const postcode = getUsual()?.postcode;
        day.placement = {
          placement: { placementType: event.data.placementType, ...(postcode && { postcode }) },
          sameCarer: false,
          newCarer: false,
          temporary: true,
        };
        break;
      }
      case 'TemporaryPlacementEnded': {
        // Back to the usual placement: RNE P, the same PLACE as before (903 rule 383), or the same
        // setting in the type that replaced it while the child was away (H5 → K3 from 1 April 2025),
        // which is the usual placement from then on.
        const usual = getUsual();
        if (!usual) break;
        const { reRecordedAs } = event.data;
        const back = reRecordedAs === undefined ? usual : { ...usual, placementType: reRecordedAs };
        if (reRecordedAs !== undefined) setUsual(back);
        day.placement = { placement: back, sameCarer: false, newCarer: false, temporary: false };
        break;
      }
      case 'PeriodOfCareEnded':
        day.end = event.data.reason;
        break;
      default:
        break;
    }
  }
  yield* flush();
}

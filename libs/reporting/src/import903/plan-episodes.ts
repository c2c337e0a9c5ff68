/**
 * The episode chain of a child → commands: the first episode of a period starts care, each next
 * episode (the previous one ended X1 that day) changes the legal status and/or the placement as its
 * RNE says, and a non-X1 ending ends care. The inverse of export903's deriveEpisodes.
 */
import {
  CODE_LISTS,
  isAdoptionPlacement,
  isE8ForTurning18,
  isTemporaryPlacement,
  placementAgeBreach,
  reasonFitsCarer,
  type PlacementDetails,
} from '@care-journey/journey';
import type { ChildFacts, EpisodeFact, PrevPermFact } from './facts';
import { issueAt, where, type ImportIssue } from './issues';
import { PHASE, placementOf, samePlacement, type DraftCommand, type PlannedCommand } from './planned-command';

export interface EpisodeContext {
  childId: string;
  /** 1 April of the earliest return read: care seen running before it began earlier. */
  firstYearStart: string;
  issues: ImportIssue[];
  /** PrevPerm rows given to a period of care (the rest are reported). */
  usedPrevPerm: Set<PrevPermFact>;
}

/** The date falls in the collection year of the return the fact came from. */
export const inYearOf = (fact: { yearEnding: string }, date: string): boolean =>
  date <= fact.yearEnding && date > `${Number(fact.yearEnding.slice(0, 4)) - 1}-03-31`;

const RNE_NEEDS: Record<string, { ls: boolean; place: boolean }> = {
  L: { ls: true, place: false },
  P: { ls: false, place: true },
  T: { ls: false, place: true },
  B: { ls: true, place: true },
  U: { ls: true, place: true },
};

export function planEpisodes(facts: ChildFacts, ctx: EpisodeContext): PlannedCommand[] {
  const out: PlannedCommand[] = [];
  const { childId, issues } = ctx;
  const plan = (e: EpisodeFact, key: string, column: string, phase: number, draft: DraftCommand) =>
    out.push({ draft, key: `episode/${e.decom}/${key}`, src: e.src, column, phase });
  const error = (e: EpisodeFact, field: string, reason: string) =>
    issues.push(issueAt(e.src, e.child, field, reason));
  const warn = (e: EpisodeFact, field: string, reason: string) =>
    issues.push(issueAt(e.src, e.child, field, reason, 'warning'));

  let previous: EpisodeFact | undefined;
  let usual: PlacementDetails | undefined;
  const episodes = facts.episodes;
  episodes.forEach((e, index) => {
    const continuing = previous !== undefined && previous.rec === 'X1';
    if (previous && previous.dec === undefined) {
      error(
        e,
        'DECOM',
        `the previous episode (${where(previous.src)}) has no DEC, yet this one starts later`,
      );
    } else if (!continuing) {
      startOfCare(e, previous === undefined);
    } else if (previous && previous.dec !== e.decom) {
      error(
        e,
        'DECOM',
        `the previous episode (${where(previous.src)}) ended ${previous.dec} with REC X1, so this one must start that day`,
      );
    } else if (previous) {
      change(previous, e);
    }
    if (e.dec !== undefined && e.rec === 'X1' && index === episodes.length - 1) {
      error(e, 'REC', 'REC X1 says a new episode starts on DEC, but there is none');
    } else if (e.dec !== undefined && e.rec !== 'X1') {
      endOfCare(e);
    }
    previous = e;
  });
  return out;

  function startOfCare(e: EpisodeFact, first: boolean): void {
    if (e.rne !== 'S') {
      if (first && e.decom < ctx.firstYearStart) {
        warn(
          e,
          'RNE',
          `care began before the earliest return: the period of care is recorded from this episode (RNE ${e.rne} will export as S)`,
        );
      } else {
        return void error(
          e,
          'RNE',
          `RNE ${e.rne} but ${first ? 'no earlier episode' : 'the previous episode ended care'}: a period of care starts with RNE S`,
        );
      }
    }
    if (isTemporaryPlacement(e.place))
      return void error(e, 'PLACE', `care cannot start in a temporary placement (${e.place})`);
    if (isAdoptionPlacement(e.place)) return void error(e, 'PLACE', alreadyWithAdopters(e, first));
    usual = placementOf(e);
    const previousPermanence = prevPermFor(e);
    plan(e, 'start', 'DECOM', PHASE.startCare, {
      type: 'StartPeriodOfCare',
      childId,
      effectiveDate: e.decom,
      legalStatus: e.ls,
      categoryOfNeed: e.cin,
      placement: usual,
      ...(previousPermanence && { previousPermanence }),
      ...(keptUnderAge(e) && { asReturned: true }),
    });
  }

  function change(prev: EpisodeFact, e: EpisodeFact): void {
    const lsMoved = e.ls !== prev.ls;
    // RNE P/B is a change of carer: a new placement even when its details are the last one's.
    const newCarer =
      (e.rne === 'P' || e.rne === 'B') && !isTemporaryPlacement(e.place) && !isTemporaryPlacement(prev.place);
    const placeMoved = newCarer || !samePlacement(placementOf(e), placementOf(prev));
    const needs = RNE_NEEDS[e.rne];
    if (!needs)
      return void error(
        e,
        'RNE',
        `RNE ${e.rne} but care continues from the previous episode (${where(prev.src)}, REC X1)`,
      );
    if (needs.ls !== lsMoved || needs.place !== placeMoved) {
      return void error(
        e,
        'RNE',
        `RNE ${e.rne} does not match what changed from the previous episode (${where(prev.src)}): legal status ${lsMoved ? 'changed' : 'unchanged'}, placement ${placeMoved ? 'changed' : 'unchanged'}`,
      );
    }
    if (lsMoved) {
      const draft: DraftCommand =
        e.ls === 'E1'
          ? { type: 'GrantPlacementOrder', childId, effectiveDate: e.decom }
          : { type: 'ChangeLegalStatus', childId, effectiveDate: e.decom, legalStatus: e.ls };
      plan(e, 'legal-status', 'DECOM', PHASE.legalStatus, draft);
    }
    if (placeMoved) placementChange(prev, e);
  }

  function placementChange(prev: EpisodeFact, e: EpisodeFact): void {
    const sameCarer = e.rne === 'T' || e.rne === 'U';
    const placement = placementOf(e);
    if (isTemporaryPlacement(e.place)) {
      if (e.provider !== undefined || e.urn !== undefined || e.placementPostcode !== usual?.postcode) {
        warn(
          e,
          'PL_POST',
          "not kept: a temporary placement holds no provider, URN or postcode of its own (the export repeats the usual placement's postcode)",
        );
      }
      return void plan(e, 'placement', 'DECOM', PHASE.placement, {
        type: 'StartTemporaryPlacement',
        childId,
        effectiveDate: e.decom,
        placementType: e.place as 'T0',
      });
    }
    if (isTemporaryPlacement(prev.place)) {
      const reRecordedAs = usual && reRecordedOnReturn(usual, placement);
      if (usual && reRecordedAs) {
        usual = placement;
        return void plan(e, 'placement', 'DECOM', PHASE.endTemporary, {
          type: 'EndTemporaryPlacement',
          childId,
          effectiveDate: e.decom,
          reRecordedAs,
        });
      }
      if (!usual || !samePlacement(placement, usual)) {
        return void error(
          e,
          'PLACE',
          'after a temporary placement the journey records the return to the usual placement first; this episode moves somewhere else on the same day',
        );
      }
      usual = placement;
      return void plan(e, 'placement', 'DECOM', PHASE.endTemporary, {
        type: 'EndTemporaryPlacement',
        childId,
        effectiveDate: e.decom,
      });
    }
    usual = placement;
    if (isAdoptionPlacement(e.place)) {
      const implied = sameCarer ? 'PLACE' : 'CARPL';
      if (prev.reasonPlaceChange !== undefined && prev.reasonPlaceChange !== implied) {
        warn(prev, 'REASON_PLACE_CHANGE', `not kept: a move to adopters is exported with ${implied}`);
      }
      return void plan(e, 'placement', 'DECOM', PHASE.placement, {
        type: 'PlaceForAdoption',
        childId,
        effectiveDate: e.decom,
        placement,
        sameCarer,
      });
    }
    if (prev.reasonPlaceChange === undefined)
      warn(prev, 'REASON_PLACE_CHANGE', 'blank for a change of placement: recorded as OTHER');
    // The journey refuses a reason that contradicts the carer answer (national definitions §1.3, §3);
    // a return may still hold one (the DfE validator does not check it). The child is imported: RNE
    // decides whether the carer changed (the stability counts follow it), the reason becomes OTHER.
    const given = prev.reasonPlaceChange;
    const contradicts = given !== undefined && !reasonFitsCarer(given, sameCarer);
    if (contradicts)
      warn(
        prev,
        'REASON_PLACE_CHANGE',
        `not kept: ${given} contradicts the next episode's RNE ${e.rne} (${sameCarer ? 'same carer' : 'a new carer'}): recorded as OTHER`,
      );
    plan(e, 'placement', 'DECOM', PHASE.placement, {
      type: 'ChangePlacement',
      childId,
      effectiveDate: e.decom,
      placement,
      reasonForChange: contradicts ? 'OTHER' : (given ?? 'OTHER'),
      sameCarer,
      ...(keptUnderAge(e) && { asReturned: true }),
    });
  }

  /**
   * 903 rules 370/371: the journey refuses a P2, H5 or K3 begun under its minimum age (16 from
   * 2023/24), but the DfE validator tests only closed episodes in 2023/24 and K3 alone from 2024/25,
   * so an accepted return may hold one (an H5 begun at 15 in 2024/25). The placement is kept as
   * returned (`asReturned`, the import's alone), with a warning naming the child, row and rule.
   */
  function keptUnderAge(e: EpisodeFact): boolean {
    const dob = facts.headers[0]?.dob;
    const breach = dob === undefined ? undefined : placementAgeBreach(e.place, dob, e.decom);
    if (breach === undefined) return false;
    warn(
      e,
      'PLACE',
      `kept as returned: ${breach.message} A new placement like it is refused (${breach.code}): check the placement type`,
    );
    return true;
  }

  /**
   * National definitions §1.3: E8 is "never just for turning 18". The journey refuses it on the
   * 18th birthday with no missing episode open, but the DfE validator accepts it, so a return may
   * hold one: the child is kept with the REC as returned, and the report names the rule (no other
   * code is guessed: only the authority knows why care ended).
   */
  function warnIfE8ForTurning18(e: EpisodeFact, reason: string, date: string): void {
    const dob = facts.headers[0]?.dob;
    const missingOpen = facts.missing.some((m) => m.start <= date && (m.end === undefined || m.end > date));
    if (dob !== undefined && isE8ForTurning18(reason, dob, date, missingOpen))
      warn(
        e,
        'REC',
        'kept as returned: E8 on the 18th birthday with no missing episode open, which national definitions ' +
          '§1.3 rule out ("never just for turning 18"): check the reason care ended (E17, E5/E6 or E7?) and correct it',
      );
  }

  function endOfCare(e: EpisodeFact): void {
    const date = e.dec as string;
    const reason = e.rec as string;
    if (reason !== 'E11' && reason !== 'E12') {
      warnIfE8ForTurning18(e, reason, date);
      return void plan(e, 'end', 'DEC', PHASE.endCare, {
        type: 'EndPeriodOfCare',
        childId,
        effectiveDate: date,
        reason,
        // History as returned: the journey keeps an E8 on the 18th birthday it would refuse today.
        asReturned: true,
      });
    }
    const ad1 =
      facts.adoptions.find((f) => inYearOf(f, date)) ??
      (facts.adoptions.length === 1 ? facts.adoptions[0] : undefined);
    if (!ad1) return void error(e, 'REC', `REC ${reason} (adopted) needs the child's AD1 row for that year`);
    plan(e, 'end', 'DEC', PHASE.endCare, {
      type: 'GrantAdoptionOrder',
      childId,
      effectiveDate: date,
      adoptedByFosterCarer: ad1.fosterCarer,
      numberOfAdopters: ad1.adopters,
      adopterSex: ad1.adopterSex,
      adopterLegalStatus: ad1.adopterLegalStatus,
      application: reason === 'E11' ? 'unopposed' : 'consent_dispensed',
    });
  }

  /**
   * The journey records a move to adopters only as a step within care (PlaceForAdoption, after the
   * decision, the match and the authority to place), never as where care starts (rule
   * adoption-placement-via-change). Said here, on the row, with what the authority can do about it.
   */
  function alreadyWithAdopters(e: EpisodeFact, first: boolean): string {
    const rule = `rule adoption-placement-via-change: the journey cannot begin a period of care with the child already placed for adoption (${e.place}); a move to adopters is recorded within care, after the decision, the match and the authority to place`;
    return first && e.decom < ctx.firstYearStart
      ? `${rule}. Care began before the earliest return, and this child was already with the adopters when it began: import together the earlier return that holds the move to adopters (its RNE P/T episode)`
      : rule;
  }

  /** PrevPerm is returned for the latest period of care that started in that year. */
  function prevPermFor(e: EpisodeFact): { code: string; la?: string; date?: string } | undefined {
    const fact = facts.prevPerm.find((p) => inYearOf(p, e.decom));
    if (!fact) return undefined;
    const later = episodes.find((x) => x.rne === 'S' && x.decom > e.decom && x.decom <= fact.yearEnding);
    if (later) return undefined;
    ctx.usedPrevPerm.add(fact);
    return {
      code: fact.code,
      ...(fact.la !== undefined && { la: fact.la }),
      ...(fact.date !== undefined && { date: fact.date }),
    };
  }
}

/**
 * The return from a temporary placement to the same setting in the type that replaced the usual
 * one's (H5 → K3): its new type, or undefined. The decider checks the type was withdrawn that day.
 */
function reRecordedOnReturn(usual: PlacementDetails, back: PlacementDetails): string | undefined {
  if (back.placementType === usual.placementType) return undefined;
  if (!samePlacement({ ...back, placementType: usual.placementType }, usual)) return undefined;
  const replacedBy = CODE_LISTS.PLACE.find((d) => d.code === usual.placementType)?.replacedBy;
  return replacedBy?.includes(back.placementType) ? back.placementType : undefined;
}

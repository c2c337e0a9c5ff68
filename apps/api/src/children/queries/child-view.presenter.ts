import { Injectable } from '@nestjs/common';
import type { JourneyState } from '@care-journey/journey';
import { postcodeDistrict } from '@care-journey/reporting';
import type { PersonalDataView } from '../../auth/personal-data';
import type { ChildView } from './child-view';
import { NextReviewDue } from './next-review-due';
import { registrationWithdrawn } from './registration-withdrawn';

/** Shapes the domain state for GET /children/:id; no rule is decided here, only what to show. */
@Injectable()
export class ChildViewPresenter {
  constructor(private readonly nextReviewDue: NextReviewDue) {}

  /** `view`: how much personal data the caller's role sees (auth/personal-data.ts). */
  present(childId: string, revision: bigint, state: JourneyState, view: PersonalDataView): ChildView {
    const period = state.currentPeriodOfCare;
    const placement = state.currentPlacement;
    const lastReview = state.reviews.at(-1);
    return {
      childId,
      revision: revision.toString(),
      view: view === 'none' ? 'pseudonymised' : view,
      personalDataIncluded: view !== 'none',
      child: state.child ? presentChild(state.child, view) : null,
      allocation: state.allocation
        ? {
            team: state.allocation.team,
            socialWorker: state.allocation.socialWorker,
            since: state.allocation.since,
          }
        : null,
      inCare: state.inCare,
      legalStatus: state.inCare && period ? period.legalStatus : null,
      periodOfCare:
        period && state.inCare
          ? {
              startDate: period.startDate,
              categoryOfNeed: period.categoryOfNeed,
              legalStatus: period.legalStatus,
            }
          : null,
      currentPlacement:
        placement && state.inCare
          ? {
              placementType: placement.placementType,
              provider: placement.provider,
              // Where the child lives: the district only unless the role reads everything.
              postcode: postcodeFor(view, placement.postcode),
              // A home's URN names it (so its address): not for the panel; a reporting job files it in the 903.
              ...(view !== 'panel' && { urn: placement.urn }),
              inArea: placement.inArea,
              startDate: placement.startDate,
              kind: placement.kind,
            }
          : null,
      usualPlacement: state.usualPlacement
        ? { placementType: state.usualPlacement.placementType, startDate: state.usualPlacement.startDate }
        : null,
      permanencePlan: state.permanencePlan
        ? { route: state.permanencePlan.route, since: state.permanencePlan.date }
        : null,
      lastReview: lastReview ? { date: lastReview.date, participation: lastReview.participation } : null,
      nextReviewDue: this.nextReviewDue.of(state) ?? null,
      adoption: presentAdoption(state),
      missingEpisodeOpen: state.missingEpisodeOpen,
      registrationWithdrawn: registrationWithdrawn(state, view),
    };
  }
}

const postcodeFor = (view: PersonalDataView, postcode: string | undefined): string | undefined =>
  view === 'full' || postcode === undefined ? postcode : postcodeDistrict(postcode);

function presentChild(child: NonNullable<JourneyState['child']>, view: PersonalDataView): ChildView['child'] {
  const shared = {
    childRef: child.childRef,
    sex: child.sex,
    ethnicity: child.ethnicity,
    uasc: child.uasc,
    relinquishedAtBirth: child.relinquishedAtBirth,
    knownSince: child.knownSince,
  };
  if (view === 'none') return shared;
  // The panel knows who the child is and how old, and the home's district; not the UPN.
  const named = { ...shared, name: child.name, dateOfBirth: child.dateOfBirth };
  if (view === 'panel')
    return child.homePostcode === undefined
      ? named
      : { ...named, homePostcode: postcodeDistrict(child.homePostcode) };
  return { ...named, upn: child.upn, homePostcode: child.homePostcode };
}

function presentAdoption(state: JourneyState): ChildView['adoption'] {
  const { adoption, adoptionSteps } = state;
  if (adoptionSteps.length === 0) return null;
  const status = adoption.orderDate ? 'completed' : adoption.decisionOpen ? 'open' : 'reversed';
  return {
    status,
    steps: adoptionSteps.map(({ step, date, detail }) => ({
      step,
      date,
      ...(detail === undefined ? {} : { detail }),
    })),
  };
}

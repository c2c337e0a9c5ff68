/**
 * OC2 (children looked after 12 months at 31 March) and OC3 (care leavers) outcome fields: health,
 * SDQ, convictions, and care leavers' contact, activity and accommodation. The journey does not
 * record these yet, so the export asks an OutcomesSource. `noOutcomes` leaves them blank (a real
 * authority's truth until they are recorded); `syntheticOutcomes` makes plausible, deterministic
 * values for synthetic authorities only.
 */
import { ageInYearsOn } from '@care-journey/journey';
import { nameBasedUuid } from '../shared/deterministic-id';
import type { ChildRecord } from './child-record';
import type { CollectionYear } from './collection-year';

export interface Oc2Values {
  SDQ_SCORE: string;
  SDQ_REASON: string;
  CONVICTED: string;
  HEALTH_CHECK: string;
  IMMUNISATIONS: string;
  TEETH_CHECK: string;
  HEALTH_ASSESSMENT: string;
  SUBSTANCE_MISUSE: string;
  INTERVENTION_RECEIVED: string;
  INTERVENTION_OFFERED: string;
}

export interface OutcomesSource {
  oc2(child: ChildRecord, year: CollectionYear): Oc2Values;
}

const blank: Oc2Values = {
  SDQ_SCORE: '', SDQ_REASON: '', CONVICTED: '', HEALTH_CHECK: '', IMMUNISATIONS: '', TEETH_CHECK: '',
  HEALTH_ASSESSMENT: '', SUBSTANCE_MISUSE: '', INTERVENTION_RECEIVED: '', INTERVENTION_OFFERED: '',
};

export const noOutcomes: OutcomesSource = { oc2: () => ({ ...blank }) };

/** A number in [0, 1) fixed by the child and the question. */
const draw = (child: ChildRecord, question: string): number => parseInt(nameBasedUuid(`${child.childId}/${question}`).slice(0, 8), 16) / 2 ** 32;
const flag = (child: ChildRecord, question: string, p: number): string => (draw(child, question) < p ? '1' : '0');

export const syntheticOutcomes: OutcomesSource = {
  oc2(child, year) {
    const dob = child.registration.dateOfBirth;
    const ageAtStart = ageInYearsOn(dob, year.start);
    const ageAtEnd = ageInYearsOn(dob, year.end);
    // Due for children who are 4 to 16 at some point in the year (903 rules 186, 188, 189, 197B).
    const sdqDue = ageAtEnd >= 4 && ageAtStart < 17;
    const noSdq = draw(child, 'sdq') < 0.12;
    const substance = flag(child, 'substance', ageAtEnd >= 12 ? 0.06 : 0);
    const received = substance === '1' ? flag(child, 'intervention-received', 0.6) : '';
    return {
      SDQ_SCORE: sdqDue && !noSdq ? String(Math.floor(draw(child, 'sdq-score') * 35)) : '',
      SDQ_REASON: sdqDue && noSdq ? `SDQ${2 + Math.floor(draw(child, 'sdq-reason') * 4)}` : '',
      CONVICTED: ageAtEnd >= 10 ? flag(child, 'convicted', 0.03) : '',
      HEALTH_CHECK: ageAtEnd < 5 ? flag(child, 'health-check', 0.9) : '',
      IMMUNISATIONS: flag(child, 'immunisations', 0.85),
      TEETH_CHECK: flag(child, 'teeth', 0.8),
      HEALTH_ASSESSMENT: flag(child, 'health-assessment', 0.9),
      SUBSTANCE_MISUSE: substance,
      INTERVENTION_RECEIVED: received,
      INTERVENTION_OFFERED: received === '0' ? flag(child, 'intervention-offered', 0.7) : '',
    };
  },
};

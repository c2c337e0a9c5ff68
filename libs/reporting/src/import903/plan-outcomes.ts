/**
 * OC2 rows → RecordAnnualHealthOutcomes on the return's 31 March; OC3 rows →
 * RecordCareLeaverContact on the 17th–21st birthday in the return's year (the 903 holds no contact
 * date: the birthday stands in for it). Whether the child qualifies is the decider's rule.
 */
import { careLeaverBirthdayInYear } from '@care-journey/journey';
import type { ChildFacts } from './facts';
import { issueAt, type ImportIssue } from './issues';
import { PHASE, type PlannedCommand } from './planned-command';

export function planOutcomes(
  facts: ChildFacts,
  childId: string,
  dob: string,
  issues: ImportIssue[],
): PlannedCommand[] {
  const planned: PlannedCommand[] = [];
  for (const h of facts.health) {
    planned.push({
      key: `outcomes/${h.yearEnding}`,
      src: h.src,
      column: 'CHILD',
      phase: PHASE.outcomes,
      draft: { type: 'RecordAnnualHealthOutcomes', childId, effectiveDate: h.yearEnding, ...h.outcomes },
    });
  }
  for (const c of facts.contacts) {
    const birthday = careLeaverBirthdayInYear(dob, c.yearEnding);
    if (!birthday) {
      issues.push(
        issueAt(
          c.src,
          facts.child,
          'DOB',
          `care leaver information is for the 17th to 21st birthdays; none falls in the year ending ${c.yearEnding}`,
        ),
      );
      continue;
    }
    planned.push({
      key: `contact/${c.yearEnding}`,
      src: c.src,
      column: 'IN_TOUCH',
      phase: PHASE.outcomes,
      draft: {
        type: 'RecordCareLeaverContact',
        childId,
        effectiveDate: birthday.date,
        inTouch: c.inTouch,
        activity: c.activity,
        accommodation: c.accommodation,
      },
    });
  }
  return planned;
}

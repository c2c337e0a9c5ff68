/**
 * A child's planned commands through the real decider (decide, then evolve), giving each event an
 * id derived from the child reference and the 903 fact. A rejection stops the child: it is reported
 * with the rule, the source row and column, and nothing of the child is imported.
 */
import type { NewEvent } from '@care-journey/event-store';
import {
  DomainRuleViolation,
  journeyDecider,
  type JourneyCommand,
  type StoredJourneyEvent,
  journeyEnvelope,
} from '@care-journey/journey';
import { nameBasedUuid } from '@care-journey/registrations';
import { issueAt, type ImportIssue } from './issues';
import type { PlannedCommand } from './planned-command';
import { withFields } from './with-fields';

export const IMPORT_RECORDED_BY = 'import-903';

export const importedChildId = (childRef: string): string => nameBasedUuid(`import903/child/${childRef}`);
export const importedEventId = (childRef: string, key: string, index: number): string =>
  nameBasedUuid(`import903/${childRef}/${key}/${index}`);

/** Where each envelope came from: the 903 row and column of the command that gave it. */
export interface EnvelopeOrigin {
  src: PlannedCommand['src'];
  column: string;
}

export type ChildRun =
  { ok: true; envelopes: NewEvent[]; origins: EnvelopeOrigin[] } | { ok: false; issue: ImportIssue };

export function runChild(childRef: string, planned: readonly PlannedCommand[], now: string): ChildRun {
  let state = journeyDecider.initialState;
  const envelopes: NewEvent[] = [];
  const origins: EnvelopeOrigin[] = [];
  for (const [stepIndex, step] of planned.entries()) {
    // The state is only read by the next decide: the last step's events need no fold.
    const decidesAgain = stepIndex < planned.length - 1;
    const command = withFields(step.draft, { now, recordedBy: IMPORT_RECORDED_BY }) as JourneyCommand;
    let events;
    try {
      events = journeyDecider.decide(command, state);
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
      const field =
        error.field === undefined || error.field === 'effectiveDate'
          ? step.column
          : `${step.column} (${error.field})`;
      return {
        ok: false,
        issue: issueAt(
          step.src,
          childRef,
          field,
          `${command.type} rejected by rule ${error.rule}: ${error.message}`,
        ),
      };
    }
    events.forEach((event, index) => {
      const envelope = journeyEnvelope(event, importedEventId(childRef, step.key, index), {
        now,
        recordedBy: IMPORT_RECORDED_BY,
      });
      envelopes.push(envelope);
      origins.push({ src: step.src, column: step.column });
      if (!decidesAgain) return;
      state = journeyDecider.evolve(
        state,
        withFields(event, {
          id: envelope.id,
          recordedAt: now,
          recordedBy: IMPORT_RECORDED_BY,
        }) as StoredJourneyEvent,
      );
    });
  }
  return { ok: true, envelopes, origins };
}

import { BadRequestException } from '@nestjs/common';
import { amendableEntryType, type JourneyCommand, type JourneyState } from '@care-journey/journey';
import { badRequestBody } from '../../http/field-errors';
import { amendedDataErrors } from '../dto/corrections.amended-data';

/**
 * An amendment's `amendedData` must keep the corrected entry's own field rules (400 naming
 * `amendedData.<field>` and the rule, nothing recorded). Which rules those are depends on the
 * entry, known only once the journey is read, so this runs before deciding rather than in the
 * route's pipe. A target that is not a live entry is left to the decider, which says why (422).
 * The decider holds the amendment's field rules for every writer (libs/journey
 * amendment-field-rules.ts); this stage answers first, with every error at once in the route's
 * own rule names (a superset of the decider's), so the API's 400s stay as they were.
 */
export function checkAmendedData(command: JourneyCommand, state: JourneyState): void {
  if (command.type !== 'AmendEntry') return;
  const { amendedData, correctedEventId } = command;
  if (amendedData === null || typeof amendedData !== 'object' || Array.isArray(amendedData)) return;
  const entryType = amendableEntryType(state, correctedEventId);
  if (!entryType) return;
  const errors = amendedDataErrors(entryType, amendedData);
  if (errors.length > 0) throw new BadRequestException(badRequestBody(errors));
}

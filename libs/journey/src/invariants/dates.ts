/** Every date in a child's life falls between their birth and the moment it is recorded. */
import { violation } from '../errors';
import type { JourneyState } from '../state';

export function notAfterRecording(date: string, today: string, field: string): void {
  if (date > today)
    violation('date-in-future', `${field} ${date} is after the date it is being recorded (${today}).`, field);
}

export function notBeforeBirth(state: JourneyState, date: string, field: string): void {
  const dob = state.child?.dateOfBirth;
  if (dob !== undefined && date < dob) {
    violation('date-before-birth', `${field} ${date} is before the child's date of birth (${dob}).`, field);
  }
}

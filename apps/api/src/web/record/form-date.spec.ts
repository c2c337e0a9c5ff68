import type { AuthenticatedUser } from '../../auth/authenticated-user';
import type { JourneyCommandSender } from '../../children/commands/journey-command.sender';
import { formToBody } from './form-body';
import { RECORD_FORMS } from './form-definitions';
import { inFormWords } from './form-error-words';
import { normaliseFormDate } from './form-date';
import { FormCommandSender } from './validate-and-send';

const review = RECORD_FORMS.find((f) => f.slug === 'review')!;
const user: AuthenticatedUser = { id: 'sw', name: 'Sam Worker', role: 'social_worker' };

/** The review form as sent with the date typed `typed`: what the form would show, nothing recorded. */
async function shownFor(typed: string): Promise<string[]> {
  const sent: unknown[] = [];
  const sender = new FormCommandSender({
    send: (...args: unknown[]) => {
      sent.push(args);
      return Promise.resolve({ globalPosition: '1' });
    },
  } as unknown as JourneyCommandSender);
  const body = formToBody(review.fields, { effectiveDate: typed, participation: 'PN1' });
  const outcome = await sender.send(
    review,
    'child-1',
    body,
    { kind: 'revision', revision: 3n },
    user,
    'key-1',
  );
  // The sender gets (command, childId, body, …): the body is what the API would have received.
  if (outcome.ok) return [`recorded ${JSON.stringify((sent[0] as unknown[])[2])}`];
  return 'errors' in outcome ? outcome.errors.map((e) => inFormWords(review, e).message) : [];
}

describe('dates typed into the record forms', () => {
  it.each([
    ['24/11/2026', '2026-11-24'],
    ['24-11-2026', '2026-11-24'],
    ['5/3/2026', '2026-03-05'],
    ['2026-11-5', '2026-11-05'],
    ['2026-11-24', '2026-11-24'],
    ['24.11.2026', '24.11.2026'],
    ['11/2026', '11/2026'],
  ])('Given %j typed, When the form is turned into the API body, Then the date is %j', (typed, sent) =>
    expect(normaliseFormDate(typed)).toBe(sent),
  );

  it('Given a date typed the British way, When the review form is sent, Then it is recorded as YYYY-MM-DD', async () => {
    expect(await shownFor('24/11/2026')).toEqual([
      'recorded {"effectiveDate":"2026-11-24","participation":"PN1"}',
    ]);
  });

  it('Given a date in no form the forms read, When sent, Then the refusal says how to write a date', async () => {
    expect(await shownFor('24.11.2026')).toEqual([
      'Date of the review: enter the date as 2026-11-24 (year-month-day)',
    ]);
  });

  it('Given a date written right that does not exist, When sent, Then the refusal says it is not a real date', async () => {
    expect(await shownFor('30/02/2026')).toEqual([
      'Date of the review must be a real calendar date, YYYY-MM-DD',
    ]);
  });
});

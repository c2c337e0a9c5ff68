import { DomainRuleViolation } from '@care-journey/journey';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { UpnInUse } from '../../child-refs/upn-in-use';
import { ChildRefInUse } from '../../children/application-errors';
import type { JourneyCommandSender } from '../../children/commands/journey-command.sender';
import { CORRECTION_FORMS } from './correction-forms';
import { FormCommandSender } from './validate-and-send';

const withdraw = CORRECTION_FORMS.find((f) => f.slug === 'withdraw')!;
const user: AuthenticatedUser = { id: 'sw', name: 'Sam Worker', role: 'social_worker' };
const body = {
  retractedEventId: '7dbb12fd-74fb-58cb-abd6-30100d247c35',
  reason: 'Recorded for the wrong child',
};

/** The form's sender with a journey that refuses with `refusal`. */
const refusedWith = (refusal: Error) =>
  new FormCommandSender({
    send: () => Promise.reject(refusal),
  } as unknown as JourneyCommandSender).send(
    withdraw,
    'child-1',
    body,
    { kind: 'revision', revision: 3n },
    user,
    'key-1',
  );

describe('a refused withdrawal, as the form shows it', () => {
  it('Given a refusal naming no field, When the withdraw form is sent, Then it is about the entry as a whole, not the reason box', async () => {
    const outcome = await refusedWith(
      new DomainRuleViolation(
        'permanence-plan-outside-period-of-care',
        'The start of care … cannot be withdrawn: …',
      ),
    );
    expect(outcome).toEqual({
      ok: false,
      status: 422,
      errors: [{ message: 'The start of care … cannot be withdrawn: …' }],
    });
  });

  it('Given a refusal naming the hidden field that carries the entry, When sent, Then it too is about the entry, not a field the form shows', async () => {
    const outcome = await refusedWith(
      new DomainRuleViolation(
        'correction-target-retracted',
        'The statutory review on 1 June 2026 has been withdrawn.',
        'retractedEventId',
      ),
    );
    expect(outcome).toMatchObject({
      errors: [{ message: 'The statutory review on 1 June 2026 has been withdrawn.' }],
    });
    expect((outcome as { errors: { field?: string }[] }).errors[0]).not.toHaveProperty('field');
  });

  it('Given a refusal naming a field of the form, When sent, Then it stays beside that field', async () => {
    const outcome = await refusedWith(
      new DomainRuleViolation('required-field', 'reason is required', 'reason'),
    );
    expect(outcome).toMatchObject({ errors: [{ field: 'reason', message: 'reason is required' }] });
  });
});

describe('a 903 value another child holds, as the form shows it', () => {
  it('Given a corrected reference another child holds, When sent, Then 409 beside its field, with the rule for the trail', async () => {
    const outcome = await refusedWith(new ChildRefInUse('LA-9', 'amendedData.childRef'));
    expect(outcome).toMatchObject({
      ok: false,
      status: 409,
      errors: [{ field: 'amendedData.childRef', message: expect.stringContaining('another child') }],
      uniqueness: 'child-ref-in-use',
    });
  });

  it('Given a corrected UPN another child holds, When sent, Then 409 beside its field (not an error page), with the rule', async () => {
    const outcome = await refusedWith(new UpnInUse('amendedData.upn'));
    expect(outcome).toMatchObject({
      ok: false,
      status: 409,
      errors: [{ field: 'amendedData.upn', message: expect.stringContaining('another child') }],
      uniqueness: 'upn-in-use',
    });
  });
});

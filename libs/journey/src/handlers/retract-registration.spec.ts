import type { RegisterChild, RetractRegistration } from '../commands';
import { given } from '../testing/decider-specification';
import { careStarted, CHILD, meta, registered } from '../testing/fixtures';
import type { JourneyEvent } from '../events';
import { journeyDecider } from '../decider';
import { evolveAll } from '../evolve';
import { stored } from '../testing/decider-specification';
import { resolveCorrections } from '../resolve-corrections';

const retract = (changes: Partial<RetractRegistration> = {}): RetractRegistration => ({
  type: 'RetractRegistration',
  childId: CHILD,
  reason: 'Registered twice: the same child as LA-2024-0042',
  ...meta(),
  ...changes,
});

const retracted: JourneyEvent = {
  type: 'RegistrationRetracted',
  data: {
    childId: CHILD,
    effectiveDate: '2024-05-01',
    retractedEventId: 'e1',
    reason: 'Registered twice: the same child as LA-2024-0042',
  },
};

const amendedName: JourneyEvent = {
  type: 'EntryAmended',
  data: {
    childId: CHILD,
    effectiveDate: '2024-05-01',
    correctedEventId: 'e1',
    reason: 'typo',
    amendedData: { name: 'Amira Hasan' },
  },
};

describe('RetractRegistration (registered in error)', () => {
  it('given only the registration, when it is retracted, then RegistrationRetracted names it and the reason', () =>
    given([registered]).when(retract()).then([retracted]));

  it('given the registration and an amendment of it, when it is retracted, then it is withdrawn', () =>
    given([registered, amendedName]).when(retract()).then([retracted]));

  it('given a start of care after the registration, when it is retracted, then it is refused naming the entry', () =>
    given([registered, careStarted()]).when(retract()).thenThrows('registration-has-entries', 'childId'));

  it('given only the registration, when no reason is given, then it is refused on reason', () =>
    given([registered])
      .when(retract({ reason: '  ' }))
      .thenThrows('required-field', 'reason'));

  it('given nothing, when a registration is retracted, then the child is not registered', () =>
    given([]).when(retract()).thenThrows('child-not-registered'));

  it('given a retracted registration, when it is retracted again, then it is refused as retracted', () =>
    given([registered, retracted]).when(retract()).thenThrows('registration-retracted', 'childId'));

  it('given a retracted registration, when anything else is recorded, then it is refused as retracted', () =>
    given([registered, retracted])
      .when({
        type: 'ChangeAllocation',
        childId: CHILD,
        effectiveDate: '2025-01-01',
        team: 'Children in Care North',
        socialWorker: 'sw-jones',
        ...meta(),
      })
      .thenThrows('registration-retracted', 'childId'));

  it('given a retracted registration, when the same id is registered again, then it is refused as retracted', () =>
    given([registered, retracted])
      .when({ ...(registered.data as RegisterChild), type: 'RegisterChild', ...meta() })
      .thenThrows('registration-retracted', 'childId'));

  it('given a retracted registration, then the journey reads as empty but the stream keeps both events', () => {
    const events = stored([registered, retracted]);
    const state = evolveAll(events);
    expect(state.registered).toBe(false);
    expect(state.child).toBeUndefined();
    expect(resolveCorrections(events)).toEqual([]);
    expect(state.history.map((e) => e.type)).toEqual(['ChildRegistered', 'RegistrationRetracted']);
    expect(state.events['e1']?.retracted).toBe(true);
  });

  // Review s14 F11: the message counted the withdrawal as an entry ("2 entries") and told the admin to
  // withdraw the start of care they had already withdrawn.
  describe('the registration-has-entries message', () => {
    const messageOf = (events: JourneyEvent[]): string => {
      try {
        journeyDecider.decide(retract(), evolveAll(stored(events)));
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('the retraction was not refused');
    };
    const withdrawnCare: JourneyEvent = {
      type: 'EntryRetracted',
      data: { childId: CHILD, effectiveDate: '2024-05-02', retractedEventId: 'e2', reason: 'wrong child' },
    };

    it('Given a start of care recorded then withdrawn, When the registration is retracted, Then the refusal counts one entry, says it is withdrawn and still counts, and asks to withdraw nothing', () => {
      const message = messageOf([registered, careStarted(), withdrawnCare]);
      expect(message).toMatch(/this child has one entry, withdrawn \(the first: the start of care/);
      expect(message).toContain('an entry withdrawn as a mistake still counts');
      expect(message).not.toMatch(/withdraw what was recorded/i);
    });

    it("Given a start of care not withdrawn, When the registration is retracted, Then the refusal names it and says to correct it on the child's page", () => {
      const message = messageOf([registered, careStarted()]);
      expect(message).toMatch(/this child has one entry \(the first: the start of care/);
      expect(message).toContain("Correct what was recorded on the child's page instead.");
    });
  });
});

import type { RecordedEvent } from '@care-journey/event-store';
import { redactEvent } from './redact-event';

const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  id: 'e1',
  type,
  data,
  metadata: { recordedAt: '2024-05-02T09:00:00Z', recordedBy: 'alice', schemaVersion: 1 },
  streamId: 'journey-c1',
  revision: 0n,
  globalPosition: 1n,
});

const registration = {
  childId: 'c1',
  effectiveDate: '2024-05-01',
  childRef: 'LA-7',
  name: 'Zephyrine Quillfeather',
  dateOfBirth: '2016-07-23',
  sex: '2',
  ethnicity: 'WBRI',
  upn: 'K802193746015',
  homePostcode: 'YO17 9QZ',
  uasc: false,
  relinquishedAtBirth: false,
  team: 'North',
  socialWorker: 'alice',
};

const amendment = (amendedData: Record<string, unknown>) =>
  recorded('EntryAmended', {
    childId: 'c1',
    effectiveDate: '2024-05-01',
    correctedEventId: 'e0',
    reason: 'Zephyrine asked for her name to be spelt this way',
    amendedData,
  });

describe('redactEvent (what a reporting job sees on /events)', () => {
  it('Given a registration, Then names and UPNs go, the date of birth keeps its month, the postcode its district', () =>
    expect(redactEvent(recorded('ChildRegistered', registration)).data).toEqual({
      ...Object.fromEntries(Object.entries(registration).filter(([k]) => k !== 'name' && k !== 'upn')),
      dateOfBirth: '2016-07',
      homePostcode: 'YO17',
    }));

  it('Given an amendment of the registration, Then its data is redacted exactly as the registration is', () =>
    expect(redactEvent(amendment(registration)).data['amendedData']).toEqual(
      redactEvent(recorded('ChildRegistered', registration)).data,
    ));

  it('Given a going-home audit, or an amendment of one, Then its findings and next action are withheld', () => {
    const audit = {
      childId: 'c1',
      effectiveDate: '2024-05-01',
      outcome: "Mum's partner still at home",
      nextAction: 'Visit with Zephyrine',
    };
    expect(redactEvent(recorded('GoingHomeAuditCompleted', audit)).data).toEqual({
      ...audit,
      outcome: '[withheld]',
      nextAction: '[withheld]',
    });
    expect(redactEvent(amendment({ outcome: 'Safe to return' })).data['amendedData']).toEqual({
      outcome: '[withheld]',
    });
  });

  it('Given a statutory visit, or an amendment of one, Then its note is withheld and whether the child was seen alone kept', () => {
    const visit = {
      childId: 'c1',
      effectiveDate: '2024-05-01',
      seenAlone: false,
      visitNote: 'Zephyrine upset',
    };
    expect(redactEvent(recorded('StatutoryVisitRecorded', visit)).data).toEqual({
      ...visit,
      visitNote: '[withheld]',
    });
    expect(redactEvent(amendment({ visitNote: 'Carer Jo present' })).data['amendedData']).toEqual({
      visitNote: '[withheld]',
    });
  });

  it('Given annual health outcomes, or an amendment of them, Then no health or offending item is shown, the entry and its date are', () => {
    const outcomes = {
      childId: 'c1',
      effectiveDate: '2025-03-31',
      sdqScore: 22,
      convicted: true,
      immunisations: true,
      teethCheck: false,
      healthAssessment: true,
      substanceMisuse: true,
      interventionReceived: false,
      interventionOffered: true,
    };
    const shown = redactEvent(recorded('AnnualHealthOutcomesRecorded', outcomes));
    expect(shown).toMatchObject({ type: 'AnnualHealthOutcomesRecorded' });
    expect(shown.data).toEqual({ childId: 'c1', effectiveDate: '2025-03-31' });
    expect(redactEvent(amendment({ sdqReason: 'SDQ1', convicted: false })).data['amendedData']).toEqual({});
  });

  it('Given an amendment, Then its reason is withheld', () =>
    expect(redactEvent(amendment({ participation: 'PN2' })).data).toMatchObject({
      reason: '[withheld]',
      amendedData: { participation: 'PN2' },
    }));

  it('Given an amendment stored with fields no entry holds, Then those fields are dropped, the entry fields kept', () =>
    expect(
      redactEvent(
        amendment({ effectiveDate: '2025-12-20', participation: 'PN1', notes: 'x'.repeat(5000), bogus: 'y' }),
      ).data['amendedData'],
    ).toEqual({ effectiveDate: '2025-12-20', participation: 'PN1' }));

  it('Given an amendment whose amendedData is not an object, Then nothing of it is shown', () =>
    expect(redactEvent(amendment('free text' as never)).data['amendedData']).toEqual({}));

  it('Given a keyed registration (idempotency key and request hash in its metadata), Then the metadata shown has no idempotency, the rest unchanged, and the stored event is untouched', () => {
    const metadata = {
      recordedAt: '2024-05-02T09:00:00Z',
      recordedBy: 'alice',
      schemaVersion: 1,
      idempotency: { key: 'form-1', requestHash: 'hmac-sha256:5047d670' },
    };
    const keyed = { ...recorded('ChildRegistered', registration), metadata };
    const shown = redactEvent(keyed);
    expect(shown.metadata).toEqual({
      recordedAt: '2024-05-02T09:00:00Z',
      recordedBy: 'alice',
      schemaVersion: 1,
    });
    expect(keyed.metadata.idempotency).toEqual({ key: 'form-1', requestHash: 'hmac-sha256:5047d670' });
  });
});

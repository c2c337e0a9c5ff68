import type { RecordedEvent } from '@care-journey/event-store';
import { eventsSeenBy, panelViewOfEvent, WITHHELD } from './events-seen-by';
import { mayReadPersonalData, personalDataViewOf } from './personal-data';

const event = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  id: `${type}-1`,
  type,
  data,
  metadata: { recordedAt: '2024-05-01T09:00:00.000Z', recordedBy: 'sw', schemaVersion: 1 },
  streamId: 'journey-c1',
  revision: 0n,
  globalPosition: 0n,
});

const registeredEvent = event('ChildRegistered', {
  childId: 'c1',
  name: 'Amira Hassan',
  dateOfBirth: '2015-03-02',
  upn: 'A123456789012',
  homePostcode: 'LS8 3QQ',
});

describe('what each role reads of a child', () => {
  it('Given the roles, then only reporting jobs lose names, and only full readers see everything', () => {
    expect(['social_worker', 'auditor', 'admin'].map((r) => personalDataViewOf(r as never))).toEqual([
      'full',
      'full',
      'full',
    ]);
    expect(personalDataViewOf('panel_member')).toBe('panel');
    expect(personalDataViewOf('reporting_job')).toBe('none');
    expect(mayReadPersonalData('panel_member')).toBe(true);
    expect(mayReadPersonalData('reporting_job')).toBe(false);
  });

  it('Given a registration, when the panel reads it, then name and date of birth stay, the UPN goes and the postcode is its district', () => {
    expect(panelViewOfEvent(registeredEvent).data).toEqual({
      childId: 'c1',
      name: 'Amira Hassan',
      dateOfBirth: '2015-03-02',
      homePostcode: 'LS8',
    });
  });

  it('Given a going-home audit and corrections, when the panel reads them, then the free text is withheld at any depth', () => {
    const audit = event('GoingHomeAuditCompleted', {
      effectiveDate: '2024-05-01',
      outcome: 'Mum ...',
      nextAction: 'Call ...',
    });
    const amended = event('EntryAmended', {
      correctedEventId: 'a',
      reason: 'Spoke to Mr Smith',
      amendedData: { outcome: 'Dad ...', placement: { postcode: 'CB1 2AB' }, upn: 'B123456789012' },
    });
    const retracted = event('EntryRetracted', { retractedEventId: 'a', reason: 'wrong child, Jo Bloggs' });
    expect(panelViewOfEvent(audit).data).toEqual({
      effectiveDate: '2024-05-01',
      outcome: WITHHELD,
      nextAction: WITHHELD,
    });
    expect(panelViewOfEvent(amended).data).toEqual({
      correctedEventId: 'a',
      reason: WITHHELD,
      amendedData: { outcome: WITHHELD, placement: { postcode: 'CB1' } },
    });
    expect(panelViewOfEvent(retracted).data.reason).toBe(WITHHELD);
  });

  it('Given a registration withdrawn in error, when the panel or a reporting job reads it, then its reason is withheld; full readers keep it', () => {
    const withdrawn = event('RegistrationRetracted', {
      retractedEventId: 'r1',
      reason: 'Registered twice: the same child as Jo Bloggs',
    });
    expect(panelViewOfEvent(withdrawn).data).toEqual({ retractedEventId: 'r1', reason: WITHHELD });
    expect(eventsSeenBy('reporting_job', [withdrawn])[0].data.reason).toBe(WITHHELD);
    expect(eventsSeenBy('auditor', [withdrawn])[0].data.reason).toBe(
      'Registered twice: the same child as Jo Bloggs',
    );
  });

  it('Given a code-list reason (not free text), when the panel reads it, then it stays', () => {
    expect(panelViewOfEvent(event('PeriodOfCareEnded', { reason: 'E11' })).data).toEqual({ reason: 'E11' });
  });

  it('Given full readers, then the events are as stored; the stored events are never changed', () => {
    expect(eventsSeenBy('auditor', [registeredEvent])[0]).toBe(registeredEvent);
    expect(eventsSeenBy('panel_member', [registeredEvent])[0].data).not.toHaveProperty('upn');
    expect(registeredEvent.data).toHaveProperty('upn', 'A123456789012');
  });

  it('Given a move to a children’s home with its Ofsted URN, When each role reads it, Then the panel gets no URN (it names the home, so its address), the reporting job keeps it (its 903 names it), full readers everything', () => {
    const moved = event('PlacementChanged', {
      childId: 'c1',
      effectiveDate: '2024-05-01',
      placement: { placementType: 'K2', urn: 'SC725329', postcode: 'PE17 4QX', provider: 'PR1' },
    });
    const placementOf = (role: string) =>
      (eventsSeenBy(role as never, [moved])[0].data as { placement: Record<string, unknown> }).placement;
    expect(placementOf('panel_member')).toEqual({ placementType: 'K2', postcode: 'PE17', provider: 'PR1' });
    expect(placementOf('reporting_job')).toEqual({
      placementType: 'K2',
      urn: 'SC725329',
      postcode: 'PE17',
      provider: 'PR1',
    });
    expect(placementOf('social_worker')).toEqual(moved.data['placement']);
  });

  it('Given annual health outcomes, When a reporting job reads them (its child page, history), Then no health or offending item is shown; the panel and full readers see them', () => {
    const outcomes = event('AnnualHealthOutcomesRecorded', {
      childId: 'c1',
      effectiveDate: '2024-03-31',
      sdqScore: 22,
      convicted: false,
      substanceMisuse: true,
      immunisations: true,
    });
    expect(eventsSeenBy('reporting_job', [outcomes])[0].data).toEqual({
      childId: 'c1',
      effectiveDate: '2024-03-31',
    });
    expect(eventsSeenBy('panel_member', [outcomes])[0].data).toEqual(outcomes.data);
    expect(eventsSeenBy('auditor', [outcomes])[0].data).toEqual(outcomes.data);
  });
});

describe('identity values a correction replaced (review s15 F3)', () => {
  const registered = event('ChildRegistered', {
    childId: 'c1',
    childRef: 'C1',
    name: 'Ruby Example',
    dateOfBirth: '2019-03-02',
    homePostcode: 'CB1 2AB',
  });
  const firstFix = {
    ...event('EntryAmended', {
      childId: 'c1',
      correctedEventId: registered.id,
      reason: 'wrong child',
      amendedData: { ...registered.data, name: 'Rubina Exampel', dateOfBirth: '2019-04-02' },
    }),
    id: 'fix-1',
  };
  const secondFix = {
    ...event('EntryAmended', {
      childId: 'c1',
      correctedEventId: registered.id,
      reason: 'typo',
      amendedData: { name: 'Rubina Example' },
    }),
    id: 'fix-2',
  };
  const stored = [registered, firstFix, secondFix];
  const dataOf = (role: string) => eventsSeenBy(role as never, stored).map((e) => e.data);

  it('Given a registration whose name and date of birth were corrected twice, When the panel reads it, Then every replaced name reads [corrected], a replaced date of birth the corrected one, and the current values stay', () => {
    const [original, first, second] = dataOf('panel_member');
    expect(original).toMatchObject({ name: '[corrected]', dateOfBirth: '2019-04-02', homePostcode: 'CB1' });
    expect(first['amendedData']).toMatchObject({ name: '[corrected]', dateOfBirth: '2019-04-02' });
    expect(second['amendedData']).toEqual({ name: 'Rubina Example' });
    expect(JSON.stringify([original, first, second])).not.toMatch(/Ruby|2019-03-02|Exampel/);
  });

  it('Given the same, When a reporting job reads it, Then no replaced value is left either', () =>
    expect(JSON.stringify(dataOf('reporting_job'))).not.toMatch(/Ruby|2019-03-02|Exampel/));

  it.each(['social_worker', 'auditor', 'admin'])(
    'Given the same, When %s reads it, Then the events are as stored, replaced values included',
    (role) => expect(dataOf(role)).toEqual(stored.map((e) => e.data)),
  );

  it('Given a correction that left the identity as it was, When the panel reads it, Then nothing is withheld', () => {
    const sameName = {
      ...event('EntryAmended', {
        correctedEventId: registered.id,
        reason: 'sex',
        amendedData: { name: 'Ruby Example', sex: '2' },
      }),
      id: 'fix-3',
    };
    expect(eventsSeenBy('panel_member', [registered, sameName])[0].data).toMatchObject({
      name: 'Ruby Example',
      dateOfBirth: '2019-03-02',
    });
  });
});

import { RegistryCrossCheck } from './registry-cross-check';
import { upnStream } from './upn-registry';

const now = new Date('2026-01-05T12:00:00.000Z');
const longAgo = '2026-01-01T09:00:00.000Z';
const metadata = { recordedAt: longAgo, recordedBy: 'spec', schemaVersion: 1 };

let position = 0n;
const at = (streamId: string, type: string, data: Record<string, unknown>, id = `e${position + 1n}`) => {
  position += 1n;
  // Revisions are not what the check reads: every event at 0.
  return { id, streamId, type, data, metadata, globalPosition: position, revision: 0n };
};
const reserved = (ref: string, childId: string) =>
  at(`child-ref-${ref}`, 'ChildRefReserved', { childRef: ref, childId });
const released = (ref: string, childId: string) =>
  at(`child-ref-${ref}`, 'ChildRefReleased', { childRef: ref, childId, reason: 'never registered' });
const upnHeld = (upn: string, childId: string) => at(upnStream(upn), 'UpnReserved', { childId });
const upnReleased = (upn: string, childId: string) =>
  at(upnStream(upn), 'UpnReleased', { childId, reason: 'amendment refused after reserving' });
const registered = (childId: string, childRef: string, upn?: string) =>
  at(`journey-${childId}`, 'ChildRegistered', { childId, childRef, ...(upn && { upn }) }, `reg-${childId}`);
const amended = (childId: string, amendedData: Record<string, unknown>) =>
  at(`journey-${childId}`, 'EntryAmended', { childId, correctedEventId: `reg-${childId}`, amendedData });

/** A child registered as every writer does: reference reserved, UPN reserved, then the journey. */
const child = (childId: string, ref: string, upn: string) => [
  reserved(ref, childId),
  upnHeld(upn, childId),
  registered(childId, ref, upn),
];

/** The same event, recorded a minute before `now` (inside the settle window). */
const justNow = (event: ReturnType<typeof at>) => ({
  ...event,
  metadata: { ...metadata, recordedAt: '2026-01-05T11:59:00.000Z' },
});

const mismatchesOf = (...events: ReturnType<typeof at>[]) => {
  const check = new RegistryCrossCheck();
  for (const event of events) check.see(event);
  return check.mismatches(now).map(({ rule, stream, childId }) => `${rule} ${stream} ${childId}`);
};

describe('RegistryCrossCheck (the 903-reference and UPN registries against the journeys, review s18-es F4)', () => {
  it('Given children registered as the writers do, Then nothing disagrees', () => {
    expect(mismatchesOf(...child('a', 'C1', 'A123'), ...child('b', 'C2', 'B456'))).toEqual([]);
  });

  it("Given a reference's holder moved to another registered child, Then the reference is named both ways", () => {
    const moved = { ...reserved('C1', 'b') }; // what a one-row UPDATE of child-ref-C1 leaves
    expect(mismatchesOf(...child('a', 'C1', 'A123'), ...child('b', 'C2', 'B456'), moved)).toEqual([
      'carried-but-not-held child-ref-C1 a',
      'held-but-never-carried child-ref-C1 b',
    ]);
  });

  it('Given an amendment’s reference and UPN released after its append was refused, Then nothing disagrees; a UPN the journey carries turned into a release is named', () => {
    const refused = [
      reserved('C9', 'a'),
      upnHeld('Z999', 'a'),
      released('C9', 'a'),
      upnReleased('Z999', 'a'),
    ];
    expect(mismatchesOf(...child('a', 'C1', 'A123'), ...refused)).toEqual([]);
    expect(mismatchesOf(...child('b', 'C2', 'B456'), upnReleased('B456', 'b'))).toEqual([
      `carried-but-not-held ${upnStream('B456')} b`,
    ]);
  });

  it("Given a registered child's reservation turned into a release, Then its journey's reference is named", () => {
    expect(mismatchesOf(...child('a', 'C1', 'A123'), released('C1', 'a'))).toEqual([
      'carried-but-not-held child-ref-C1 a',
    ]);
  });

  it("Given the log's first reservation edited into a release (in place), Then its child is still expected to hold it", () => {
    expect(mismatchesOf(released('C1', 'a'), upnHeld('A123', 'a'), registered('a', 'C1', 'A123'))).toEqual([
      'carried-but-not-held child-ref-C1 a',
    ]);
  });

  it("Given a UPN's holder moved to another child, or to an id that never registered, Then the UPN's stream is named", () => {
    const stream = upnStream('A123');
    expect(
      mismatchesOf(...child('a', 'C1', 'A123'), ...child('b', 'C2', 'B456'), upnHeld('A123', 'b')),
    ).toEqual([`carried-but-not-held ${stream} a`, `held-but-never-carried ${stream} b`]);
    expect(mismatchesOf(...child('a', 'C1', 'A123'), upnHeld('A123', 'ghost'))).toEqual([
      `carried-but-not-held ${stream} a`,
      `held-by-no-child ${stream} ghost`,
    ]);
  });

  it('Given a registration that never completed (reference reserved then released, UPN still held), Then nothing disagrees', () => {
    expect(mismatchesOf(reserved('C9', 'ghost'), upnHeld('Z999', 'ghost'), released('C9', 'ghost'))).toEqual(
      [],
    );
  });

  it('Given a registration that never completed, When its released reference is later reserved by another child (with or without a UPN), Then the UPN left held by the first id is still not a mismatch (review s19-diff F1)', () => {
    const ghost = [reserved('C9', 'ghost'), upnHeld('Z999', 'ghost'), released('C9', 'ghost')];
    expect(mismatchesOf(...ghost, ...child('b', 'C9', 'B111'))).toEqual([]);
    expect(mismatchesOf(...ghost, reserved('C9', 'b'), registered('b', 'C9'))).toEqual([]);
    // An id no reference event ever named is still refused.
    expect(mismatchesOf(...ghost, ...child('b', 'C9', 'B111'), upnHeld('Y888', 'nobody'))).toEqual([
      `held-by-no-child ${upnStream('Y888')} nobody`,
    ]);
  });

  it('Given an amendment that reserved its reference and UPN a minute ago and has not yet recorded its journey event, Then nothing disagrees; once settled, both are named (review s19-diff F3)', () => {
    const a = child('a', 'C1', 'A123');
    expect(mismatchesOf(...a, justNow(reserved('C7', 'a')), justNow(upnHeld('A777', 'a')))).toEqual([]);
    expect(mismatchesOf(...a, reserved('C7', 'a'), upnHeld('A777', 'a'))).toEqual([
      'held-but-never-carried child-ref-C7 a',
      `held-but-never-carried ${upnStream('A777')} a`,
    ]);
  });

  it('Given a registration amended to another reference and UPN, Then the child holds both old and new and nothing disagrees', () => {
    expect(
      mismatchesOf(
        ...child('a', 'C1', 'A123'),
        reserved('C7', 'a'),
        upnHeld('A777', 'a'),
        amended('a', { childRef: 'c7', upn: 'a777' }),
      ),
    ).toEqual([]);
  });

  it('Given an amendment to a reference that was never reserved, Then the journey is named', () => {
    expect(mismatchesOf(...child('a', 'C1', 'A123'), amended('a', { childRef: 'C7' }))).toEqual([
      'carried-but-not-held child-ref-C7 a',
    ]);
  });

  it('Given unknown-UPN codes, Then they are never expected to be held', () => {
    expect(mismatchesOf(reserved('C1', 'a'), registered('a', 'C1', 'UN1'))).toEqual([]);
  });

  it('Given journeys registered before the first reservation of the log (a store from before the registries), Then they need none', () => {
    expect(mismatchesOf(registered('old', 'C0', 'O000'), ...child('a', 'C1', 'A123'))).toEqual([]);
    // The same journey registered after reservations existed must have both.
    expect(mismatchesOf(...child('a', 'C1', 'A123'), registered('new', 'C0', 'O000'))).toEqual([
      'carried-but-not-held child-ref-C0 new',
      `carried-but-not-held ${upnStream('O000')} new`,
    ]);
  });

  it('says what is wrong in words, naming the stream and the child', () => {
    const check = new RegistryCrossCheck();
    for (const event of [...child('a', 'C1', 'A123'), ...child('b', 'C2', 'B456'), reserved('C1', 'b')])
      check.see(event);
    expect(check.mismatches(now).map((m) => m.message)).toEqual([
      'journey-a carries 903 reference C1, but child-ref-C1 is held by child b: the registry no longer holds it for this child',
      'child-ref-C1 is held by child b, whose journey never carried that 903 reference (not at its registration, ' +
        'nor by an amendment of it): the reservation was edited, or an amendment reserved it and was never recorded',
    ]);
  });
});

import { readWholeStream } from '../reading/read-stream';
import { verifyChain } from '../integrity/verify-chain';
import type { AuditKey } from '../bundle/audit-key';
import type { HeadAnchor } from './anchor-format';
import { signAnchor } from './anchor-signature';
import { isChainedFromStart } from './chained-streams';
import { LogCut } from './log-cut';
import { useTempStore } from './anchor-store.spec-helper';
import { checkHeadAnchor } from './check-anchor';
import { readHeadAnchor } from './read-anchor';
import { headAnchorOf, takeHeadAnchor } from './take-anchor';

const KEY: AuditKey = { keyId: 'spec-key', secret: Buffer.from('s'.repeat(40)) };
const take = (store: Parameters<typeof takeHeadAnchor>[0], withTips = true) =>
  takeHeadAnchor(store, { takenAt: '2026-01-06T09:00:00.000Z', takenBy: 'auditor.one', withTips, key: KEY });
/** Anchors cross a file as JSON: the check reads what the file holds. */
const throughFile = (anchor: HeadAnchor): HeadAnchor => {
  const read = readHeadAnchor(JSON.parse(JSON.stringify(anchor)));
  if ('problems' in read) throw new Error(read.problems.join('; '));
  return read.anchor;
};
const kinds = (check: { problems: { kind: string; streamId?: string }[] }) =>
  check.problems.map((p) => (p.streamId ? `${p.kind} ${p.streamId}` : p.kind));

describe('head anchors: what a hash chain alone cannot show', () => {
  const temp = useTempStore('cj-anchor-');

  /** journey-c1 (positions 1–4), an unchained stream (5), journey-c2 (6–10), a trail day (11–12), journey-c3 (13–15). */
  const writeAuthority = async (): Promise<void> => {
    const t = temp();
    await t.append('journey-c1', 4);
    await t.append('child-refs-migrated', 1);
    await t.append('journey-c2', 5);
    await t.append('access-log-2026-01-05', 2);
    await t.append('journey-c3', 3);
  };

  it('Given an anchor, When only more events are appended after it, Then the check passes', async () => {
    await writeAuthority();
    const anchor = throughFile(await take(temp().store));
    expect(anchor).toMatchObject({
      position: '15',
      events: 15,
      streams: 4,
      signature: { keyId: 'spec-key' },
    });
    expect(anchor.tips).toEqual([
      ['access-log-2026-01-05', '1', expect.stringMatching(/^[0-9a-f]{64}$/)],
      ['journey-c1', '3', expect.any(String)],
      ['journey-c2', '4', expect.any(String)],
      ['journey-c3', '2', expect.any(String)],
    ]);

    await temp().append('journey-c2', 2);
    await temp().append('journey-c9', 3);
    await temp().append('child-refs-migrated', 1);

    const check = await checkHeadAnchor(temp().store, anchor, KEY);
    expect(check).toMatchObject({
      ok: true,
      problems: [],
      anchor: { position: '15', tips: 4, signature: 'valid' },
      now: { head: '21', eventsUpToAnchor: 15, streamsUpToAnchor: 4 },
    });
  });

  it("Given an anchor, When a stream's last events are deleted from the file, Then the check names that stream and the revisions missing, though its chain still verifies", async () => {
    await writeAuthority();
    const anchor = throughFile(await take(temp().store));
    await temp().append('journey-c1', 1);

    const deleted = await temp().tamper(
      "DELETE FROM events WHERE stream_id = 'journey-c2' AND revision >= 3",
    );
    expect(deleted).toBe(2);

    expect(verifyChain((await readWholeStream(temp().store, 'journey-c2')) ?? [])).toMatchObject({
      ok: true,
    });
    const check = await checkHeadAnchor(temp().store, anchor, KEY);
    expect(check.ok).toBe(false);
    expect(kinds(check)).toEqual(['events-removed', 'digest-differs', 'stream-truncated journey-c2']);
    expect(check.problems[0].message).toBe(
      'the anchor counted 15 events at or before position 15; the log holds 13 there now: 2 removed',
    );
    expect(check.problems[2].message).toBe(
      'journey-c2: ends at revision 2; the anchor saw up to revision 4: revisions 3–4 are missing',
    );
  });

  it('Given an anchor, When the last events of the whole log are deleted, Then the check reports the log cut short and each stream that lost its end', async () => {
    await writeAuthority();
    const anchor = throughFile(await take(temp().store));

    // Positions 11–15: the trail day's two reads and all of journey-c3.
    expect(await temp().tamper('DELETE FROM events WHERE global_position > 10')).toBe(5);

    const check = await checkHeadAnchor(temp().store, anchor, KEY);
    expect(kinds(check)).toEqual([
      'log-truncated',
      'events-removed',
      'digest-differs',
      'stream-missing access-log-2026-01-05',
      'stream-missing journey-c3',
    ]);
    expect(check.problems[0].message).toBe(
      "the log ends at position 10, before the anchor's position 15: events were cut off its end",
    );
    expect(check.problems[4].message).toBe(
      'journey-c3: not in the log any more; the anchor saw revisions 0–2',
    );
  });

  it('Given the log cut short, When new events then take the freed positions, Then the count matches but the lost stream ends and the stream written into the past are named', async () => {
    await writeAuthority();
    const anchor = throughFile(await take(temp().store));
    await temp().tamper("DELETE FROM events WHERE stream_id = 'journey-c3' AND revision >= 1");

    // SQLite hands out the freed rowids 14 and 15 again.
    expect(await temp().append('journey-c7', 2)).toBe(15n);

    const check = await checkHeadAnchor(temp().store, anchor, KEY);
    expect(kinds(check)).toEqual([
      'digest-differs',
      'stream-truncated journey-c3',
      'stream-not-in-anchor journey-c7',
    ]);
  });

  it('Given an anchor, When a stream is rewritten with a fresh, valid chain, Then the check reports the different hash at the anchored revision', async () => {
    await writeAuthority();
    const anchor = throughFile(await take(temp().store));
    await temp().tamper("DELETE FROM events WHERE stream_id = 'journey-c1'");
    await temp().append('journey-c1', 5);

    expect(verifyChain((await readWholeStream(temp().store, 'journey-c1')) ?? [])).toMatchObject({
      ok: true,
    });
    const check = await checkHeadAnchor(temp().store, anchor, KEY);
    expect(kinds(check)).toEqual(['events-removed', 'digest-differs', 'stream-rewritten journey-c1']);
    expect(check.problems[2].message).toMatch(
      /^journey-c1: the event at revision 3 has chain hash [0-9a-f]{64}, the anchor has [0-9a-f]{64}: the stream was rewritten$/,
    );
  });

  it('Given an anchor without tips, When a stream loses its end, Then the count and the digest still show it, without naming the stream', async () => {
    await writeAuthority();
    const anchor = throughFile(await take(temp().store, false));
    expect(anchor.tips).toBeUndefined();
    await temp().tamper("DELETE FROM events WHERE stream_id = 'journey-c1' AND revision = 3");

    const check = await checkHeadAnchor(temp().store, anchor, KEY);
    expect(kinds(check)).toEqual(['events-removed', 'digest-differs']);
    expect(check.problems[1].message).toContain('this anchor holds no tips to name the streams');
  });

  it('Given an anchor without tips, When only an unchained stream loses its last event, Then the count shows it', async () => {
    await writeAuthority();
    const anchor = throughFile(await take(temp().store, false));
    await temp().tamper("DELETE FROM events WHERE stream_id = 'child-refs-migrated'");
    expect(kinds(await checkHeadAnchor(temp().store, anchor, KEY))).toEqual(['events-removed']);
  });

  it('Given the anchor of an empty log, Then any later log passes it', async () => {
    const anchor = throughFile(await take(temp().store));
    expect(anchor).toMatchObject({ position: null, events: 0, streams: 0, tips: [] });
    await writeAuthority();
    expect(await checkHeadAnchor(temp().store, anchor, KEY)).toMatchObject({ ok: true, problems: [] });
  });

  describe('the registries, chained since session 19 (review s18-es F4)', () => {
    /** As `writeAuthority`, with a 903 reference's and a UPN's reservation streams in between. */
    const writeWithRegistries = async (): Promise<void> => {
      await writeAuthority();
      await temp().append('child-ref-C1', 2);
      await temp().append('upn-0a1b', 1);
    };

    it("Given registry streams, When an anchor is taken, Then it holds their tips, and a reservation cut off a reference's stream is named", async () => {
      await writeWithRegistries();
      const anchor = throughFile(await take(temp().store));
      expect(anchor).toMatchObject({ version: 2, position: '18', streams: 6 });
      expect(anchor.tips?.map(([id, revision]) => `${id}@${revision}`)).toEqual([
        'access-log-2026-01-05@1',
        'child-ref-C1@1',
        'journey-c1@3',
        'journey-c2@4',
        'journey-c3@2',
        'upn-0a1b@0',
      ]);

      await temp().tamper("DELETE FROM events WHERE stream_id = 'child-ref-C1' AND revision = 1");
      expect(kinds(await checkHeadAnchor(temp().store, anchor, KEY))).toEqual([
        'events-removed',
        'digest-differs',
        'stream-truncated child-ref-C1',
      ]);
    });

    it('Given a version 1 anchor (taken before the registries were chained), When the same log is checked, Then it passes: it is held to the streams it covered', async () => {
      await writeWithRegistries();
      const head = await temp().store.headPosition();
      const cut = new LogCut(head, isChainedFromStart);
      for await (const event of temp().store.readAll()) cut.add(event);
      const taken = headAnchorOf(cut, head, {
        takenAt: '2026-01-06T09:00:00.000Z',
        takenBy: 'a',
        withTips: true,
      });
      const v1 = throughFile(signAnchor({ ...taken, version: 1 }, KEY));
      expect(v1).toMatchObject({ version: 1, streams: 4 });

      expect(await checkHeadAnchor(temp().store, v1, KEY)).toMatchObject({ ok: true, problems: [] });
      await temp().tamper("DELETE FROM events WHERE stream_id = 'journey-c3' AND revision = 2");
      expect(kinds(await checkHeadAnchor(temp().store, v1, KEY))).toEqual([
        'events-removed',
        'digest-differs',
        'stream-truncated journey-c3',
      ]);
    });
  });

  describe('the signature', () => {
    it('catches an anchor edited after signing, and names a key that is not the one supplied', async () => {
      await writeAuthority();
      const anchor = throughFile(await take(temp().store));
      // Edited to hide the truncation: an older position and count, consistent with each other.
      const edited = { ...anchor, position: '10', events: 10 };
      expect(kinds(await checkHeadAnchor(temp().store, edited, KEY))[0]).toBe('signature');

      const other: AuditKey = { keyId: 'other-key', secret: Buffer.from('o'.repeat(40)) };
      const check = await checkHeadAnchor(temp().store, anchor, other);
      expect(check.anchor.signature).toBe('wrong-key');
      expect(check.problems).toEqual([
        { kind: 'signature', message: 'signed with key "spec-key", not the key supplied' },
      ]);
      expect((await checkHeadAnchor(temp().store, anchor)).anchor.signature).toBe('not-checked');
    });
  });
});

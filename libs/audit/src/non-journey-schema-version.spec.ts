import { UnreadableEventSchema } from '@care-journey/journey';
import { toAccessLogEntry } from './access-log/case-history-read';
import { ReservedJourneys } from './store-check/journeys-reserved';
import { readIssuedTokens } from './token-issue/read-issued-tokens';
import { readSessionEnds } from './token-issue/read-session-ends';
import { SESSION_ENDED, sessionStream } from './token-issue/session-ended';
import { TOKEN_ISSUED, TOKENS_ISSUED_STREAM } from './token-issue/token-issued';
import { useTempSqliteStore } from '../../event-store/src/testing/temp-sqlite-store.spec-helper';

/**
 * Review s18-es F7: the events that are not journey events (the read-access trail, the record of
 * issued tokens, the reservations verify-db.store reads) go through the one version check
 * (libs/journey stored-event-version.ts): one of a newer version is refused by name, as a journey
 * event is, never read as if it were version 1.
 */
describe('non-journey events of a version this build does not know', () => {
  const newer = (type: string, data: Record<string, unknown>) => ({
    id: 'newer-1',
    type,
    streamId: 'some-stream',
    data,
    metadata: { recordedAt: '2026-01-01T09:00:00.000Z', recordedBy: 'newer-build', schemaVersion: 2 },
  });
  const refusedAsNewer = (type: string) =>
    expect.objectContaining({
      name: 'UnreadableEventSchema',
      reason: 'newer',
      schemaVersion: 2,
      knownVersion: 1,
      message: expect.stringContaining(
        `Event ${type} (id newer-1, stream some-stream): metadata.schemaVersion 2 is newer than this code knows for ${type} (1)`,
      ),
    });

  it('Given a trail entry of version 2, When it is read back, Then UnreadableEventSchema names its type and version', () => {
    const entry = newer('CaseHistoryRead', { childId: 'c1', role: 'auditor', view: 'history' });
    expect(() => toAccessLogEntry(entry)).toThrow(refusedAsNewer('CaseHistoryRead'));
    // Version 1 (and an entry from before versions, none) still reads.
    expect(toAccessLogEntry({ ...entry, metadata: { ...entry.metadata, schemaVersion: 1 } }).childId).toBe(
      'c1',
    );
  });

  it('Given a reservation of version 2, When verify-store looks for missing journeys, Then UnreadableEventSchema names it', () => {
    const check = new ReservedJourneys();
    check.see({ ...newer('ChildRefReserved', { childRef: 'C1', childId: 'a' }), streamId: 'child-ref-C1' });
    expect(() => check.missing(() => false, new Date('2026-02-01T00:00:00Z'))).toThrow(UnreadableEventSchema);
  });

  it('Given a malformed version, Then it is refused as malformed, not read', () => {
    const entry = newer('CaseHistoryRead', { childId: 'c1', role: 'auditor', view: 'history' });
    expect(() =>
      toAccessLogEntry({
        ...entry,
        metadata: { ...entry.metadata, schemaVersion: '2' as unknown as number },
      }),
    ).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });

  describe('the record of issued tokens', () => {
    const db = useTempSqliteStore('non-journey-version-', { synchronous: 'NORMAL' });

    it('Given a TokenIssued of version 2, When the tokens are listed, Then UnreadableEventSchema names it', async () => {
      const event = newer(TOKEN_ISSUED, {
        tokenId: 't1',
        userId: 'u',
        role: 'admin',
        issuedAt: '2026-01-01T09:00:00Z',
      });
      await db.store.appendToStream(
        TOKENS_ISSUED_STREAM,
        [{ ...event, id: 'a0b1c2d3-0000-4000-8000-000000000001' }],
        {
          expectedRevision: 'no_stream',
        },
      );
      await expect(readIssuedTokens(db.store)).rejects.toThrow(
        expect.objectContaining({ name: 'UnreadableEventSchema', reason: 'newer', schemaVersion: 2 }),
      );
    });

    it('Given a SessionEnded of version 2, When audit tokens lists the ends, Then UnreadableEventSchema names it', async () => {
      const event = newer(SESSION_ENDED, { sessionId: 's1', userId: 'u', endedAt: '2026-01-01T09:00:00Z' });
      await db.store.appendToStream(
        sessionStream('s1'),
        [{ ...event, id: 'a0b1c2d3-0000-4000-8000-000000000002' }],
        { expectedRevision: 'no_stream' },
      );
      await expect(readSessionEnds(db.store)).rejects.toThrow(
        expect.objectContaining({ name: 'UnreadableEventSchema', reason: 'newer', schemaVersion: 2 }),
      );
    });
  });
});

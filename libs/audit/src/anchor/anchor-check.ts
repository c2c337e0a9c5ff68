import type { RecordedEvent } from '../store';
import type { HeadAnchor, StreamTip } from './anchor-format';
import type { AnchorSignatureStatus } from './anchor-signature';
import { streamsAnchoredBy } from './chained-streams';
import { chainHashOf, LogCut } from './log-cut';
import { tipsDigest } from './tips-digest';

export type AnchorProblemKind =
  | 'signature'
  | 'log-truncated'
  | 'events-removed'
  | 'events-added'
  | 'digest-differs'
  | 'stream-missing'
  | 'stream-truncated'
  | 'revision-missing'
  | 'stream-rewritten'
  | 'stream-not-in-anchor';

export interface AnchorProblem {
  kind: AnchorProblemKind;
  /** The stream concerned; absent for a problem of the whole log. */
  streamId?: string;
  message: string;
}

export interface AnchorCheck {
  ok: boolean;
  anchor: {
    takenAt: string;
    position: string | null;
    events: number;
    streams: number;
    /** Streams the anchor names (its tips); 0 when it holds only the digest. */
    tips: number;
    signature: AnchorSignatureStatus | 'not-checked';
  };
  /** The log as read now. */
  now: { head: string | null; eventsUpToAnchor: number; streamsUpToAnchor: number };
  problems: AnchorProblem[];
}

type ObservedEvent = Pick<RecordedEvent, 'streamId' | 'revision' | 'globalPosition' | 'metadata'>;

interface AnchoredStream {
  revision: bigint;
  hash: string | null;
  /** The stream's last revision now, anywhere in the log. */
  last?: bigint;
  /** The chain hash of the event now at the anchored revision (null: it has no stamp). */
  atRevision?: string | null;
}

/**
 * Compares the log, fed in global order, with an anchor taken earlier. Everything the anchor saw
 * must still be there: the log still reaches its position with as many events at or before it,
 * and its streams' tips there hash to its digest; with tips, each stream still holds the anchored
 * revision with the same chain hash. Events appended after the anchor are expected, not a problem.
 * Pure: the caller reads the store (`checkHeadAnchor`).
 */
export class AnchorObservation {
  private readonly position: bigint | undefined;
  private readonly cut: LogCut;
  private readonly anchored = new Map<string, AnchoredStream>();
  private head: bigint | undefined;

  constructor(private readonly anchor: HeadAnchor) {
    this.position = anchor.position === null ? undefined : BigInt(anchor.position);
    this.cut = new LogCut(this.position, streamsAnchoredBy(anchor.version));
    for (const [streamId, revision, hash] of anchor.tips ?? [])
      this.anchored.set(streamId, { revision: BigInt(revision), hash });
  }

  add(event: ObservedEvent): void {
    if (this.head === undefined || event.globalPosition > this.head) this.head = event.globalPosition;
    this.cut.add(event);
    const stream = this.anchored.get(event.streamId);
    if (!stream) return;
    if (stream.last === undefined || event.revision > stream.last) stream.last = event.revision;
    if (event.revision === stream.revision) stream.atRevision = chainHashOf(event);
  }

  check(signature: AnchorCheck['anchor']['signature']): AnchorCheck {
    const tipsNow = this.cut.tips();
    const problems = [
      ...signatureProblems(signature, this.anchor),
      ...this.logProblems(tipsNow),
      ...this.streamProblems(),
      ...this.unanchoredStreams(tipsNow),
    ];
    return {
      ok: problems.length === 0,
      anchor: {
        takenAt: this.anchor.takenAt,
        position: this.anchor.position,
        events: this.anchor.events,
        streams: this.anchor.streams,
        tips: this.anchor.tips?.length ?? 0,
        signature,
      },
      now: {
        head: this.head === undefined ? null : this.head.toString(10),
        eventsUpToAnchor: this.cut.events,
        streamsUpToAnchor: tipsNow.length,
      },
      problems,
    };
  }

  private logProblems(tipsNow: StreamTip[]): AnchorProblem[] {
    const problems: AnchorProblem[] = [];
    const at = this.anchor.position;
    if (this.position !== undefined && (this.head === undefined || this.head < this.position))
      problems.push({
        kind: 'log-truncated',
        message: `the log ends at ${this.head === undefined ? 'nothing (it is empty)' : `position ${this.head}`}, before the anchor's position ${at}: events were cut off its end`,
      });
    const was = this.anchor.events;
    const now = this.cut.events;
    if (now < was)
      problems.push({
        kind: 'events-removed',
        message: `the anchor counted ${was} events at or before position ${at}; the log holds ${now} there now: ${was - now} removed`,
      });
    if (now > was)
      problems.push({
        kind: 'events-added',
        message: `the anchor counted ${was} events at or before position ${at}; the log holds ${now} there now: ${now - was} written where the anchor had already seen the log`,
      });
    if (tipsDigest(tipsNow) !== this.anchor.digest.value)
      problems.push({
        kind: 'digest-differs',
        message: `the chained streams' tips at or before position ${at ?? '(none)'} do not hash to the anchor's digest${this.anchor.tips ? '' : ': this anchor holds no tips to name the streams (take anchors with --tips)'}`,
      });
    return problems;
  }

  private streamProblems(): AnchorProblem[] {
    const problems: AnchorProblem[] = [];
    for (const [streamId, s] of this.anchored) {
      const problem = (kind: AnchorProblemKind, message: string) =>
        problems.push({ kind, streamId, message: `${streamId}: ${message}` });
      if (s.last === undefined)
        problem('stream-missing', `not in the log any more; the anchor saw revisions 0–${s.revision}`);
      else if (s.last < s.revision)
        problem(
          'stream-truncated',
          `ends at revision ${s.last}; the anchor saw up to revision ${s.revision}: ${revisionsBetween(s.last + 1n, s.revision)} missing`,
        );
      else if (s.atRevision === undefined)
        problem(
          'revision-missing',
          `revision ${s.revision}, the anchor's tip, is missing (the stream now ends at ${s.last})`,
        );
      else if (s.atRevision !== s.hash)
        problem(
          'stream-rewritten',
          `the event at revision ${s.revision} has chain hash ${s.atRevision ?? '(no stamp)'}, the anchor has ${s.hash ?? '(no stamp)'}: the stream was rewritten`,
        );
    }
    return problems;
  }

  /** With tips: chained streams at or before the anchor's position that it did not see (written into the past). */
  private unanchoredStreams(tipsNow: StreamTip[]): AnchorProblem[] {
    if (!this.anchor.tips) return [];
    return tipsNow
      .filter(([streamId]) => !this.anchored.has(streamId))
      .map(([streamId, revision]) => ({
        kind: 'stream-not-in-anchor' as const,
        streamId,
        message: `${streamId}: has events up to revision ${revision} at or before position ${this.anchor.position}, which the anchor did not see`,
      }));
  }
}

const revisionsBetween = (from: bigint, to: bigint): string =>
  from === to ? `revision ${from} is` : `revisions ${from}–${to} are`;

function signatureProblems(status: AnchorCheck['anchor']['signature'], anchor: HeadAnchor): AnchorProblem[] {
  const message = {
    valid: undefined,
    unsigned: undefined,
    'not-checked': undefined,
    invalid: 'the signature does not match the anchor: it was changed after it was signed',
    'wrong-key': `signed with key ${JSON.stringify(anchor.signature?.keyId)}, not the key supplied`,
    unsupported: `signature.alg ${JSON.stringify(anchor.signature?.alg)} is not HMAC-SHA256`,
  }[status];
  return message ? [{ kind: 'signature', message }] : [];
}

import type { AuditKey } from '../bundle/audit-key';
import type { EventStore } from '../store';
import { ANCHOR_FORMAT, ANCHOR_VERSION, type HeadAnchor } from './anchor-format';
import { signAnchor } from './anchor-signature';
import { LogCut } from './log-cut';
import { tipsDigest } from './tips-digest';

export interface TakeAnchorOptions {
  takenAt: string;
  takenBy: string;
  /** Include every chained stream's tip (about 120 bytes a stream), so a check can name the streams. */
  withTips: boolean;
  /** Sign with the audit key (as bundles are). */
  key?: AuditKey;
}

/**
 * Anchors the log as it stands: its head position is read first and the log is read up to it,
 * so appends made meanwhile (by a running API) are simply after the anchor. Reads through the
 * port, so either adapter works; the log is streamed, never held whole.
 */
export async function takeHeadAnchor(store: EventStore, options: TakeAnchorOptions): Promise<HeadAnchor> {
  const head = await store.headPosition();
  const cut = new LogCut(head);
  if (head !== undefined)
    for await (const event of store.readAll()) {
      if (event.globalPosition > head) break;
      cut.add(event);
    }
  return headAnchorOf(cut, head, options);
}

/** The anchor of a cut (pure). */
export function headAnchorOf(cut: LogCut, head: bigint | undefined, options: TakeAnchorOptions): HeadAnchor {
  const tips = cut.tips();
  const anchor: HeadAnchor = {
    format: ANCHOR_FORMAT,
    version: ANCHOR_VERSION,
    takenAt: options.takenAt,
    takenBy: options.takenBy,
    position: head === undefined ? null : head.toString(10),
    events: cut.events,
    streams: tips.length,
    digest: { alg: 'sha256', value: tipsDigest(tips) },
    ...(options.withTips && { tips }),
  };
  return options.key ? signAnchor(anchor, options.key) : anchor;
}

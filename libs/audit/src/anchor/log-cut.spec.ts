import { stampedStream } from '../testing/stamped-stream';
import type { RecordedEvent } from '../store';
import { LogCut } from './log-cut';
import { tipsDigest } from './tips-digest';

const meta = { recordedAt: '2026-01-05T10:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 };
const events = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({ id: `${tag}${i}`, type: 'Noted', data: { i }, metadata: meta }));
const cutOf = (position: bigint | undefined, log: RecordedEvent[]): LogCut => {
  const cut = new LogCut(position);
  for (const event of log) cut.add(event);
  return cut;
};

describe('the log cut at an anchor position', () => {
  // journey-b at positions 1–3, an unchained stream at 4, journey-a at 5–6.
  const b = stampedStream('journey-b', events(3, 'b'), 1n);
  const note = { ...stampedStream('child-refs-migrated', events(1, 'n'), 4n)[0], metadata: meta };
  const a = stampedStream('journey-a', events(2, 'a'), 5n);
  const log = [...b, note, ...a];

  it('counts every event at or before the position, but keeps tips of chained streams only, in streamId order', () => {
    const cut = cutOf(6n, log);
    expect(cut.events).toBe(6);
    expect(cut.tips()).toEqual([
      ['journey-a', '1', (a[1].metadata['integrity'] as { hash: string }).hash],
      ['journey-b', '2', (b[2].metadata['integrity'] as { hash: string }).hash],
    ]);
  });

  it('ignores what was appended after the position', () => {
    const cut = cutOf(4n, log);
    expect(cut.events).toBe(4);
    expect(cut.tips().map(([id, revision]) => `${id}@${revision}`)).toEqual(['journey-b@2']);
  });

  it('holds nothing for an empty log', () => {
    const cut = cutOf(undefined, log);
    expect([cut.events, cut.tips()]).toEqual([0, []]);
  });

  it("gives a digest that depends on every tip, not on the order the streams' events came in", () => {
    const digest = tipsDigest(cutOf(6n, log).tips());
    const interleaved = [b[0], a[0], b[1], note, a[1], b[2]].map((e, i) => ({
      ...e,
      globalPosition: BigInt(i + 1),
    }));
    expect(tipsDigest(cutOf(6n, interleaved).tips())).toBe(digest);
    expect(tipsDigest(cutOf(5n, log).tips())).not.toBe(digest);
  });
});

import type { ChangeRecord } from './change-record';
import { parseFeedCheckpoint, type FeedCheckpoint } from './feed-checkpoint';
import { feedPage, type ChangeLogReader, type LoggedChange } from './feed-page';

const change = (position: number, index: number): LoggedChange => ({
  position: BigInt(position),
  index,
  eventId: `e${position}`,
  change: {
    kind: 'care.started',
    childId: 'c',
    childRef: 'R',
    asAt: '2024-01-01',
    key: `${position}`,
    data: {},
  } as ChangeRecord,
});

/** An in-memory log: changes at positions 2 (two of them) and 5; the read models are at 7. */
const log = [change(2, 0), change(2, 1), change(5, 0)];
const reader = (checkpoint: bigint | undefined = 7n): ChangeLogReader => ({
  changesAfter: (after: FeedCheckpoint | undefined, limit: number) => ({
    changes: log
      .filter(
        (c) =>
          after === undefined ||
          c.position > after.position ||
          (c.position === after.position && after.index !== undefined && c.index > after.index),
      )
      .slice(0, limit),
    checkpoint,
  }),
});
const parse = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('feedPage', () => {
  it('pages inside an event with "<position>.<index>", and ends a short page at the read models checkpoint', () => {
    const first = feedPage(reader(), { limit: 1 });
    expect(first.checkpoint).toBe('2.0');
    expect(parse(first.lines)).toEqual([
      expect.objectContaining({
        checkpoint: '2.0',
        position: '2',
        index: 0,
        eventId: 'e2',
        kind: 'care.started',
      }),
      { checkpoint: '2.0' },
    ]);
    const second = feedPage(reader(), { after: first.checkpoint, limit: 10 });
    expect(parse(second.lines).map((line) => line.checkpoint)).toEqual(['2.1', '5.0', '7']);
    expect(second.checkpoint).toBe('7');
    const none = feedPage(reader(), { after: '7', limit: 10 });
    expect(none).toMatchObject({ count: 0, checkpoint: '7' });
  });

  it('keeps the checkpoint when nothing is projected or it is ahead of the read models', () => {
    const unprojected: ChangeLogReader = {
      changesAfter: (a, l) => ({ ...reader().changesAfter(a, l), checkpoint: undefined }),
    };
    expect(feedPage(unprojected, { limit: 10 }).checkpoint).toBe('5.0');
    expect(feedPage(reader(3n), { after: '9', limit: 10 }).checkpoint).toBe('9');
  });

  // Review s14 F4: this gave "", which `after` refuses (400), so a job started on an empty store failed.
  it('Given nothing projected (an empty store), Then the checkpoint is "0", the start, which after takes back', () => {
    const empty = feedPage({ changesAfter: () => ({ changes: [], checkpoint: undefined }) }, { limit: 5 });
    expect(empty.checkpoint).toBe('0');
    expect(
      feedPage(
        { changesAfter: () => ({ changes: [], checkpoint: undefined }) },
        { after: empty.checkpoint, limit: 5 },
      ).checkpoint,
    ).toBe('0');
  });

  it('applies the transform to each line', () => {
    const page = feedPage(reader(), { limit: 1, transform: ({ kind }) => ({ kind }) });
    expect(page.lines[0]).toBe('{"kind":"care.started"}');
  });

  it('refuses a checkpoint that is not one, naming the field', () => {
    expect(() => parseFeedCheckpoint('12.x')).toThrow(/after must be a feed checkpoint/);
    expect(parseFeedCheckpoint('12.3')).toEqual({ position: 12n, index: 3 });
  });
});

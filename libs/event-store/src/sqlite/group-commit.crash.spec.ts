import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTs, waitForExit, waitForLine } from '../testing/spawn-ts';
import { SqliteEventStore } from './sqlite-event-store';

const WRITER = join(__dirname, 'testing', 'group-writer.fixture.ts');
const GROUPS = 40;
const PER_GROUP = 25;
const PER_APPEND = 40;

/** Crash safety with group commit: a killed writer loses no acknowledged append, and no group is half-written. */
describe.each(['same-thread', 'thread'])('SQLite group commit after a crash, %s writer', (writer) => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cj-group-crash-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged append and whole groups only', async () => {
    const killedMidway: boolean[] = [];
    for (let run = 0; run < 4; run++) {
      const file = join(dir, `run-${run}.db`);
      const child = spawnTs(WRITER, [file, String(GROUPS), String(PER_GROUP), String(PER_APPEND), writer]);
      const acked: string[] = [];
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith('acked ')) acked.push(line.slice(6));
      });
      await waitForLine(child, /^appending$/);
      await new Promise((resolve) => setTimeout(resolve, 30 + run * 60));
      child.kill('SIGKILL');
      await waitForExit(child);

      const store = new SqliteEventStore({ file });
      const perStream = new Map<string, number>();
      for await (const event of store.readAll())
        perStream.set(event.streamId, (perStream.get(event.streamId) ?? 0) + 1);
      await store.close();
      for (const stream of acked) expect(perStream.get(stream)).toBe(PER_APPEND);
      const groups = new Map<string, number>();
      for (const [stream, count] of perStream) {
        expect(count).toBe(PER_APPEND); // an append is whole or absent
        const group = stream.split('-')[0];
        groups.set(group, (groups.get(group) ?? 0) + 1);
      }
      for (const appends of groups.values()) expect(appends).toBe(PER_GROUP); // a group is whole or absent
      killedMidway.push(acked.length > 0 && groups.size < GROUPS);
    }
    // The spec means something only if some kill landed after acknowledgements and before the end.
    expect(killedMidway).toContain(true);
  }, 120_000);
});

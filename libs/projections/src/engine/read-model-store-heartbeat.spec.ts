import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectorHeartbeat } from './projector-heartbeat';
import { ReadModelStore } from './read-model-store';
import { readHeartbeatFromFile } from './read-model-store-heartbeat';

const HEARTBEAT: ProjectorHeartbeat = {
  pid: 4242,
  host: 'projector-1',
  state: 'running',
  generation: 1,
  intervalMs: 1000,
  updatedAt: '2026-11-28T08:00:00.000Z',
};

describe('the projector heartbeat read from the read-model file by another process', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cj-heartbeat-file-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a read-model file a projector wrote its heartbeat to, When read from the file, Then that heartbeat, and the file is unchanged', () => {
    const file = join(dir, 'read-models.db');
    const store = new ReadModelStore(file);
    store.recordProjectorHeartbeat(HEARTBEAT);
    store.close();
    const before = readFileSync(file);
    expect(readHeartbeatFromFile(file)).toEqual(HEARTBEAT);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('Given a read-model file no projector wrote a heartbeat to, When read from the file, Then none', () => {
    const file = join(dir, 'read-models.db');
    new ReadModelStore(file).close();
    expect(readHeartbeatFromFile(file)).toBeUndefined();
  });

  it('Given no file at the path, When read, Then it throws and creates nothing', () => {
    const file = join(dir, 'missing.db');
    expect(() => readHeartbeatFromFile(file)).toThrow();
    expect(existsSync(file)).toBe(false);
  });
});

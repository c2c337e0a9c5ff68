import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreConfig } from '@care-journey/event-store';
import { leftSharedReadModelFile, loadReadModelConfig } from './read-model-config';

const sqlite = (file: string): StoreConfig => ({ kind: 'sqlite', file, synchronous: 'FULL' });

/** Review s12-ops F2: the default was `read-models.db` per directory, so two stores there fought over it. */
describe('the default read-model file belongs to one store', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'rm-per-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a live and a training store in one directory, When each derives its read-model file, Then the files differ and are named after each store', () => {
    const live = loadReadModelConfig({}, sqlite(join(dir, 'live.db'))).file;
    const training = loadReadModelConfig({}, sqlite(join(dir, 'training.db'))).file;
    expect(live).toBe(join(dir, 'live.db.read-models.db'));
    expect(training).toBe(join(dir, 'training.db.read-models.db'));
  });

  it('Given CARE_JOURNEY_READMODEL_FILE, When derived, Then the setting wins', () => {
    const file = join(dir, 'elsewhere.db');
    expect(
      loadReadModelConfig({ CARE_JOURNEY_READMODEL_FILE: file }, sqlite(join(dir, 'live.db'))).file,
    ).toBe(file);
  });

  it('Given an older version’s shared read-models.db beside the store and no file of its own yet, When started, Then the shared file is named (to be logged) and not used', () => {
    const store = sqlite(join(dir, 'live.db'));
    writeFileSync(join(dir, 'read-models.db'), '');
    expect(leftSharedReadModelFile({}, store)).toBe(join(dir, 'read-models.db'));
    expect(loadReadModelConfig({}, store).file).not.toBe(join(dir, 'read-models.db'));
  });

  it('Given the store’s own file exists already, or the file is set explicitly, When started, Then nothing is said about the shared file', () => {
    const store = sqlite(join(dir, 'live.db'));
    writeFileSync(join(dir, 'read-models.db'), '');
    expect(
      leftSharedReadModelFile({ CARE_JOURNEY_READMODEL_FILE: join(dir, 'read-models.db') }, store),
    ).toBeUndefined();
    writeFileSync(join(dir, 'live.db.read-models.db'), '');
    expect(leftSharedReadModelFile({}, store)).toBeUndefined();
  });
});

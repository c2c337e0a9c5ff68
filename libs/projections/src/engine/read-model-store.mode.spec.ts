import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadModelStore } from './read-model-store';

describe('the read-model file is owner-only, as the event store', () => {
  it('Given no read-model file yet, When the store opens it, Then the file is 0600 and a folder it makes 0700', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cj-rm-mode-'));
    try {
      const file = join(dir, 'models', 'read-models.sqlite');
      new ReadModelStore(file).close();
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'models')).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

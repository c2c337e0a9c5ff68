/** Integration: the measures kept up to date from a real SQLite event log. */
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store';
import { appendEvents, tempDir } from '../testing/log-fixtures';
import { loadAuthorityConfig } from './authority-config-env';
import { AuthorityConfigError } from './authority-config-overrides';
import { AuthorityLog } from './authority-log';
import { child, placed } from './testing/authority-journey';

describe('authority measures from the event log', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;

  beforeEach(() => {
    temp = tempDir('cj-authority-');
    store = new SqliteEventStore({ file: join(temp.dir, 'events.db'), pollIntervalMs: 5 });
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('reads every journey, then only what was appended since, re-preparing just those children', async () => {
    const a = child('a')
      .child('2010-01-01')
      .startsIn('2024-01-10', placed('U6', 'PR4', 'PE1 4LW'));
    const b = child('b').child('2010-01-01').startsIn('2024-01-20', placed('U4', 'PR1'));
    await appendEvents(store, 'a', a.events);
    await appendEvents(store, 'b', b.events);
    const log = new AuthorityLog(store, loadAuthorityConfig({}));

    const first = await log.measures();
    expect(first.asAt('2024-01-31').lookedAfter.count).toBe(2);
    expect(await log.measures()).toBe(first); // nothing new: the same prepared measures

    const before = first.children.find((c) => c.childId === 'b');
    a.endCare('2024-02-15', 'E4A');
    await appendEvents(store, 'a', a.events.slice(-1));
    const [second, concurrent] = await Promise.all([log.measures(), log.measures()]);
    expect(concurrent).toBe(second);
    const [, february] = second.monthlySeries('2024-01', '2024-02');
    expect(february.flows.ceasedByRoute.return_home_planned).toBe(1);
    expect(february.lookedAfter.count).toBe(1);
    expect(second.children.find((c) => c.childId === 'b')).toBe(before);
  });
});

describe('authority settings from the environment', () => {
  it('lays the inline JSON over the file, and names the variable of a bad one', () => {
    const files: Record<string, string> = {
      '/etc/cj.json': '{"childPopulation": 150000, "distanceMiles": 25}',
    };
    const config = loadAuthorityConfig(
      { CARE_JOURNEY_AUTHORITY_FILE: '/etc/cj.json', CARE_JOURNEY_AUTHORITY: '{"distanceMiles": 30}' },
      (p) => files[p],
    );
    expect(config).toMatchObject({ childPopulation: 150000, distanceMiles: 30, la: 'E10000003' });
    expect(() => loadAuthorityConfig({ CARE_JOURNEY_AUTHORITY: '{nope' })).toThrow(AuthorityConfigError);
    expect(() => loadAuthorityConfig({ CARE_JOURNEY_AUTHORITY: '{nope' })).toThrow(
      /^CARE_JOURNEY_AUTHORITY: must be JSON/,
    );
    expect(() =>
      loadAuthorityConfig({ CARE_JOURNEY_AUTHORITY_FILE: '/missing.json' }, () => {
        throw new Error('ENOENT');
      }),
    ).toThrow(/^CARE_JOURNEY_AUTHORITY_FILE: cannot read \/missing.json/);
  });
});

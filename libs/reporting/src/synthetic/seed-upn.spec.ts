import { readLastEvent } from '@care-journey/event-store';
import { childRefStream, journeyStream } from '@care-journey/journey';
import { UpnRegistry } from '@care-journey/registrations';
import { generateAuthority } from './generate-authority';
import { seedStore } from './seed-store';
import { useTempSqliteStore } from '../../../event-store/src/testing/temp-sqlite-store.spec-helper';

/** One real UPN, one child (903 rule 444): the seeder checks and reserves UPNs as the API does. */
describe('seedStore: a UPN belongs to one child', () => {
  const options = { children: 12, seed: 'seed-upn', years: 3, yearEnding: '2025-03-31' };
  const children = [...generateAuthority(options)];
  const withUpn = children.filter((child) => !/^UN\d$/.test(child.profile.upn));

  const db = useTempSqliteStore('cj-seed-upn-', { synchronous: 'NORMAL' });

  it('Given a child registered through the API with the UPN a seeded child would have, When seeded, Then that child is refused and nothing of it is written; the others are seeded', async () => {
    const taken = withUpn[1].profile;
    await db.store.appendToStream(
      journeyStream('api-child'),
      [
        {
          id: 'api-child-registered',
          type: 'ChildRegistered',
          data: { childId: 'api-child', childRef: 'API1', upn: taken.upn.toLowerCase() },
          metadata: { recordedAt: '2025-05-01T09:00:00Z', recordedBy: 'sw.demo', schemaVersion: 1 },
        },
      ],
      { expectedRevision: 'no_stream' },
    );

    const result = await seedStore(db.store, options);

    expect(result).toMatchObject({ children: 12, upnRefused: 1, refused: 0, skipped: 0 });
    expect(await readLastEvent(db.store, journeyStream(taken.childId))).toBeUndefined();
    expect(await readLastEvent(db.store, childRefStream(taken.childRef))).toBeUndefined();
    for (const child of children.filter((c) => c.profile.childId !== taken.childId))
      expect(await readLastEvent(db.store, journeyStream(child.profile.childId))).toBeDefined();
  });

  it('Given a seeded store, When the API asks for a seeded child’s UPN for another child, Then it is held (reserved, so a racing registration loses too)', async () => {
    await seedStore(db.store, options);
    const { upn, childId } = withUpn[0].profile;
    const upns = new UpnRegistry(db.store);
    expect(await upns.isFree(upn, 'api-child')).toBe(false);
    expect(await upns.hold(upn, 'api-child', { recordedAt: '2025-06-01T09:00:00Z', recordedBy: 'sw' })).toBe(
      false,
    );
    expect(await upns.isFree(upn, childId)).toBe(true);
    // Seeded again: the same children, skipped, none refused.
    expect(await seedStore(db.store, options)).toMatchObject({ skipped: 12, refused: 0, upnRefused: 0 });
  });
});

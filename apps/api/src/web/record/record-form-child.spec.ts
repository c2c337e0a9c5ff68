import type { StoredJourneyEvent } from '@care-journey/journey';
import type { JourneyQueries } from '../../projections/journey-queries';
import { formChild } from './record-form-child';

/** Read models that hold the child only once they have been waited for up to `heldFrom`. */
function queriesLagging(events: readonly Partial<StoredJourneyEvent>[] | undefined, heldFrom: string) {
  const waited: string[] = [];
  let held = false;
  const queries = {
    events: () => Promise.resolve(events),
    waitFor: (position: string) => {
      waited.push(position);
      held = BigInt(position) >= BigInt(heldFrom);
      return Promise.resolve();
    },
    summary: () => (held ? { name: 'Cora Form', childRef: 'REF1' } : undefined),
  } as unknown as JourneyQueries;
  return { queries, waited };
}

describe('formChild: the child a record form is about', () => {
  it('Given a child recorded a moment ago (read models behind), When its form opens, Then it waits for the stream’s last position and names the child', async () => {
    const { queries, waited } = queriesLagging([{ globalPosition: 41n }, { globalPosition: 57n }], '57');
    await expect(formChild(queries, 'c1')).resolves.toMatchObject({
      childLabel: 'Cora Form (REF1)',
      revision: '1',
    });
    expect(waited).toEqual(['57']);
  });

  it('Given no stream, Then a 404 naming the child, and no wait', async () => {
    const { queries, waited } = queriesLagging(undefined, '1');
    await expect(formChild(queries, 'nobody')).rejects.toThrow('No child with id nobody');
    expect(waited).toEqual([]);
  });
});

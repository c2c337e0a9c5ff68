/**
 * Review 8's adoption cases over HTTP, on a real SQLite file: a disrupted adoption (RV8O) is measured
 * against the family who adopted and the match on the current path, and fostering for adoption (U5)
 * sent as "placed for adoption" is refused (it is a change of placement) and records nothing.
 */
import { childRecorder, placement } from './support/child-recorder';
import { eventCount } from './support/journey-setup';
import { useTestApi } from './support/test-app';
import { tokenFor } from './support/tokens';

const foster = placement('U6', 'PR1');
const adopters = { ...foster, placementType: 'A6' };
const order = {
  adoptedByFosterCarer: false,
  numberOfAdopters: 2,
  adopterSex: 'MF',
  adopterLegalStatus: 'L11',
  application: 'unopposed',
};

describe('adoption paths and fostering for adoption over HTTP', () => {
  const api = useTestApi();
  const worker = { token: tokenFor('social_worker', 'alice') };
  const panel = { token: tokenFor('panel_member') };

  const children = childRecorder(() => api, worker);
  const record = children.record;
  const inCare = async (childRef: string): Promise<string> => {
    const childId = await children.register({
      childRef,
      effectiveDate: '2023-01-01',
      dateOfBirth: '2022-02-02',
      upn: 'UN1',
    });
    await children.startCare(childId, '2023-02-06', foster);
    await record(childId, 'adoption/decision', { effectiveDate: '2023-05-02' });
    await record(childId, 'adoption/placement-order', { effectiveDate: '2023-07-03' });
    await record(childId, 'adoption/match', { effectiveDate: '2023-09-01' });
    return childId;
  };

  it('Given RV8O (moved in, disrupted, reversed, new decision, match and family), When the scorecard and flags are read, Then A1 456, A3 no, A2 273, and DR06/DR07 kept their breaches', async () => {
    const childId = await inCare('RV8O');
    await record(childId, 'adoption/placement', {
      effectiveDate: '2023-10-02',
      placement: adopters,
      sameCarer: false,
    });
    await record(childId, 'placement-changes', {
      effectiveDate: '2024-01-08',
      placement: foster,
      reasonForChange: 'CREQO',
      sameCarer: false,
    });
    await record(childId, 'adoption/reversal', { effectiveDate: '2024-01-08', reason: 'RD4' });
    await record(childId, 'adoption/decision', { effectiveDate: '2024-02-05' });
    await record(childId, 'adoption/match', { effectiveDate: '2024-04-01' });
    await record(childId, 'adoption/placement', {
      effectiveDate: '2024-05-07',
      placement: adopters,
      sameCarer: false,
    });
    await record(childId, 'adoption/order', { effectiveDate: '2024-11-04', ...order });

    const card = await api.get<
      Record<string, { numerator: number; denominator: number }> & { children: object[] }
    >(`/scorecard?periodEnding=2025-03-31&minPosition=${children.position}`, panel);
    expect(card.status).toBe(200);
    expect(card.body.children).toEqual([
      expect.objectContaining({
        movedIn: '2024-05-07',
        a1Days: 456,
        under14Months: false,
        matched: '2024-04-01',
        a2Days: 273,
      }),
    ]);
    expect(card.body.A3).toMatchObject({ numerator: 0, denominator: 1 });

    const flags = await api.get<{ history: { ruleId: string; openedOn: string; closedOn?: string }[] }>(
      `/children/${childId}/flags?asAt=2024-12-01&minPosition=${children.position}`,
      panel,
    );
    expect(flags.status).toBe(200);
    const breaches = flags.body.history
      .filter((entry) => entry.ruleId === 'DR06' || entry.ruleId === 'DR07')
      .map(({ ruleId, openedOn, closedOn }) => ({ ruleId, openedOn, closedOn }));
    expect(breaches).toEqual(
      expect.arrayContaining([
        { ruleId: 'DR06', openedOn: '2024-02-05', closedOn: '2024-04-01' },
        { ruleId: 'DR07', openedOn: '2024-04-08', closedOn: '2024-05-07' },
      ]),
    );
  });

  it('Given a match, When U5 is sent as placed for adoption, Then 400 names placement.placementType and points to placement changes; as a placement change then A5 with the same carers, the child is adopted', async () => {
    const childId = await inCare('FFA-1');
    const before = await eventCount(api, childId);
    const refused = await api.post<{ errors: { field: string; message: string }[] }>(
      `/children/${childId}/adoption/placement`,
      { effectiveDate: '2023-10-02', placement: { ...foster, placementType: 'U5' }, sameCarer: false },
      worker,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        field: 'placement.placementType',
        message: expect.stringContaining('placement-changes'),
      }),
    ]);
    expect(await eventCount(api, childId)).toBe(before);

    await record(childId, 'placement-changes', {
      effectiveDate: '2023-10-02',
      placement: { ...foster, placementType: 'U5', provider: 'PR2' },
      reasonForChange: 'CARPL',
      sameCarer: false,
    });
    await record(childId, 'adoption/placement', {
      effectiveDate: '2024-01-08',
      placement: { ...foster, placementType: 'A5', provider: 'PR2' },
      sameCarer: true,
    });
    await record(childId, 'adoption/order', {
      effectiveDate: '2024-06-03',
      ...order,
      adoptedByFosterCarer: true,
    });

    const moveIns = await api.get<{ rows: { childRef?: string; milestone: string; date: string }[] }>(
      `/permanence?from=2023-01-01&to=2025-03-31&minPosition=${children.position}`,
      panel,
    );
    expect(moveIns.status).toBe(200);
    expect(
      moveIns.body.rows.filter((row) => row.childRef === 'FFA-1' && row.milestone === 'adoption_move_in'),
    ).toEqual([expect.objectContaining({ date: '2024-01-08' })]);
  });
});

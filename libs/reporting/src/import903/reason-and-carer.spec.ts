import { episode, header } from './testing/return-files';
import { importSandbox } from './testing/import-sandbox';

/**
 * The journey refuses a placement change whose reason contradicts whether the carer changed
 * (national definitions §1.3, §3). A return may hold one (the DfE validator does not check it), so
 * the import keeps the child: RNE says whether the carer changed, and the reason becomes OTHER, with
 * a warning naming the reason it did not keep.
 */
describe('import-903: a placement reason that contradicts the next episode’s RNE', () => {
  const sandbox = importSandbox('cj-import-reason-');
  const importTables = sandbox.importTables;

  /** The placement changes the import recorded, from every stream it wrote. */
  async function placementChanges(): Promise<{ reasonForChange: string; sameCarer: boolean }[]> {
    const changes: { reasonForChange: string; sameCarer: boolean }[] = [];
    for await (const event of sandbox.store().readAll())
      if (event.type === 'PlacementChanged') changes.push(event.data as never);
    return changes.map(({ reasonForChange, sameCarer }) => ({ reasonForChange, sameCarer }));
  }

  it('Given CREQB (the carer asked for an end) before an RNE T episode (same carer), When imported, Then the child is imported with the same carer, reason OTHER, and a warning naming CREQB', async () => {
    const result = await importTables({
      Header: [header('R1')],
      Episodes: [
        episode('R1', { DEC: '01/09/2024', REC: 'X1', REASON_PLACE_CHANGE: 'CREQB' }),
        episode('R1', { DECOM: '01/09/2024', RNE: 'T', PLACE: 'U6' }),
      ],
    });
    expect(result.children).toMatchObject({ rejected: 0 });
    expect(result.issues.filter((i) => i.child === 'R1' && i.field === 'REASON_PLACE_CHANGE')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        reason: "not kept: CREQB contradicts the next episode's RNE T (same carer): recorded as OTHER",
      }),
    ]);
    expect(await placementChanges()).toEqual([{ reasonForChange: 'OTHER', sameCarer: true }]);
  });

  it('Given PLACE (status only, same carer) before an RNE P episode (new carer), When imported, Then a new carer, reason OTHER, and a warning naming PLACE', async () => {
    const result = await importTables({
      Header: [header('R2')],
      Episodes: [
        episode('R2', { DEC: '01/09/2024', REC: 'X1', REASON_PLACE_CHANGE: 'PLACE' }),
        episode('R2', { DECOM: '01/09/2024', RNE: 'P', PLACE: 'U6' }),
      ],
    });
    expect(result.children).toMatchObject({ rejected: 0 });
    expect(result.issues.filter((i) => i.field === 'REASON_PLACE_CHANGE').map((i) => i.reason)).toEqual([
      "not kept: PLACE contradicts the next episode's RNE P (a new carer): recorded as OTHER",
    ]);
    expect(await placementChanges()).toEqual([{ reasonForChange: 'OTHER', sameCarer: false }]);
  });

  it('Given a reason that fits (CREQB before RNE P), When imported, Then it is kept and nothing is warned', async () => {
    const result = await importTables({
      Header: [header('R3')],
      Episodes: [
        episode('R3', { DEC: '01/09/2024', REC: 'X1', REASON_PLACE_CHANGE: 'CREQB' }),
        episode('R3', { DECOM: '01/09/2024', RNE: 'P', PLACE: 'U6' }),
      ],
    });
    expect(result.issues.filter((i) => i.field === 'REASON_PLACE_CHANGE')).toEqual([]);
    expect(await placementChanges()).toEqual([{ reasonForChange: 'CREQB', sameCarer: false }]);
  });
});

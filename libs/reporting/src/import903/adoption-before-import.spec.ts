import { journeyStream } from '@care-journey/journey';
import { importedChildId } from './run-child';
import { episode, header } from './testing/return-files';
import { importSandbox } from './testing/import-sandbox';

/**
 * A child already on an adoption path when the earliest imported return begins: the decision
 * (PlacedAdoption DATE_PLACED) predates the first imported episode. The child is imported with the
 * decision on that episode's start (where the imported period of care begins), and the report says
 * so with the 903's own date (docs/reporting.md).
 */
describe('import-903: an adoption decision made before the first imported episode', () => {
  const sandbox = importSandbox('cj-import-adoption-');
  const importTables = sandbox.importTables;
  const stepsOf = async (child: string): Promise<string[]> => {
    const out: string[] = [];
    for await (const e of sandbox.store().readStream(journeyStream(importedChildId(child)))) {
      const { effectiveDate } = e.data as { effectiveDate: string };
      out.push(`${e.type} ${effectiveDate}`);
    }
    return out;
  };
  const toddler = (child: string) => header(child, { DOB: '01/02/2022' });
  const decision = (child: string, placed: string, ceased = '', reason = '') => ({
    CHILD: child,
    DOB: '01/02/2022',
    DATE_PLACED: placed,
    DATE_PLACED_CEASED: ceased,
    REASON_PLACED_CEASED: reason,
  });

  it('Given a decision before care as first imported, When imported, Then it is recorded on the first episode with a warning', async () => {
    const result = await importTables({
      Header: [toddler('P1')],
      Episodes: [
        episode('P1', { DECOM: '01/03/2024', RNE: 'L', LS: 'C2', DEC: '01/05/2024', REC: 'X1' }),
        episode('P1', { DECOM: '01/05/2024', RNE: 'L', LS: 'E1' }),
      ],
      PlacedAdoption: [decision('P1', '15/01/2024')],
    });

    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.children).toMatchObject({ written: 1, rejected: 0 });
    expect(await stepsOf('P1')).toEqual(
      expect.arrayContaining(['AdoptionDecisionMade 2024-03-01', 'PlacementOrderGranted 2024-05-01']),
    );
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        child: 'P1',
        file: '2024-25/placed_for_adoption.csv',
        field: 'DATE_PLACED',
        reason: expect.stringMatching(
          /adoption decision made on 2024-01-15, before the first imported episode \(2024-03-01\): recorded on 2024-03-01/,
        ),
      }),
    );
  });

  it('Given care first imported under a placement order (E1) and a decision before it, When imported, Then the child is matched and placed on that order', async () => {
    const result = await importTables({
      Header: [toddler('P2')],
      Episodes: [
        episode('P2', { DECOM: '01/03/2024', RNE: 'L', LS: 'E1', DEC: '01/06/2024', REC: 'X1' }),
        episode('P2', { DECOM: '01/06/2024', RNE: 'T', LS: 'E1', PLACE: 'A5' }),
      ],
      PlacedAdoption: [decision('P2', '15/01/2024')],
    });

    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.children).toMatchObject({ written: 1, rejected: 0 });
    expect(await stepsOf('P2')).toEqual(
      expect.arrayContaining([
        'AdoptionDecisionMade 2024-03-01',
        'MatchedWithAdopters 2024-06-01',
        'PlacedForAdoption 2024-06-01',
      ]),
    );
    const warnings = result.issues.filter((i) => i.child === 'P2').map((i) => `${i.field}: ${i.reason}`);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DATE_PLACED: adoption decision made on 2024-01-15/),
        expect.stringMatching(
          /^LS: the placement order was granted before the first imported episode \(LS E1 on 2024-03-01\)/,
        ),
      ]),
    );
  });

  it('Given a decision made and reversed before the first imported episode, When imported, Then it is not recorded and the report says so', async () => {
    const result = await importTables({
      Header: [toddler('P3')],
      Episodes: [episode('P3', { DECOM: '01/03/2024', RNE: 'L', LS: 'C2' })],
      PlacedAdoption: [decision('P3', '10/01/2024', '20/02/2024', 'RD1')],
    });

    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.children).toMatchObject({ written: 1, rejected: 0 });
    expect((await stepsOf('P3')).filter((s) => s.startsWith('Adoption'))).toEqual([]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        child: 'P3',
        field: 'DATE_PLACED',
        reason: expect.stringMatching(
          /made on 2024-01-10 and reversed on 2024-02-20 \(RD1\), both before the first imported episode \(2024-03-01\): not recorded/,
        ),
      }),
    );
  });
});

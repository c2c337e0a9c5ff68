import { episode, header } from './testing/return-files';
import { importSandbox } from './testing/import-sandbox';

/**
 * A child whose first imported episode is already with adopters (A3–A6): the journey records a move
 * to adopters only within care, so the child cannot be imported from this return alone. The report
 * says so on the episode's PLACE, with the rule, and says what to import (review M2).
 */
describe('import-903: a child already placed for adoption when the earliest return begins', () => {
  const sandbox = importSandbox('cj-import-adopters-');
  const importTables = sandbox.importTables;
  const toddler = (child: string) => header(child, { DOB: '12/07/2022' });

  it('Given a first episode in A6 under E1 begun before the return, When imported, Then one error on its PLACE names the rule and the earlier return to import, and not the API command', async () => {
    const result = await importTables({
      Header: [toddler('C4'), toddler('C5')],
      Episodes: [
        episode('C4', { DECOM: '03/02/2024', RNE: 'P', LS: 'E1', PLACE: 'A6', URN: '' }),
        episode('C5'),
      ],
      PlacedAdoption: [
        {
          CHILD: 'C4',
          DOB: '12/07/2022',
          DATE_PLACED: '05/10/2023',
          DATE_PLACED_CEASED: '',
          REASON_PLACED_CEASED: '',
        },
      ],
    });
    const errors = result.issues.filter((i) => i.severity === 'error' && i.field !== '(child)');
    expect(errors).toEqual([
      expect.objectContaining({
        file: '2024-25/episodes.csv',
        line: 2,
        child: 'C4',
        field: 'PLACE',
        reason: expect.stringMatching(
          /^rule adoption-placement-via-change: .*already placed for adoption \(A6\).*import together the earlier return that holds the move to adopters/,
        ),
      }),
    ]);
    expect(errors[0].reason).not.toMatch(/record it with PlaceForAdoption/);
    expect(result.children).toMatchObject({ written: 1, rejected: 1 });
  });
});

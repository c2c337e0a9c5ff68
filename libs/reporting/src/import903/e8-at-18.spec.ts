import { episode, header } from './testing/return-files';
import { importSandbox } from './testing/import-sandbox';

/**
 * Since session 12 the journey refuses E8 on the 18th birthday with no missing episode open
 * (national definitions §1.3: "never just for turning 18"); the DfE validator accepts it, so a
 * real return may hold one. The import keeps the child with the REC as returned (`asReturned`)
 * and a warning names the child and the rule; no other code is guessed. Born 10/09/2006: 18 on
 * 10/09/2024.
 */
describe('import-903: E8 on the 18th birthday', () => {
  const sandbox = importSandbox('cj-import-e8-');
  const importTables = sandbox.importTables;
  const endsOfCare = async () => {
    const ends: unknown[] = [];
    for await (const event of sandbox.store().readAll())
      if (event.type === 'PeriodOfCareEnded') ends.push(event.data);
    return ends;
  };
  const leftAt18 = (child: string) => [episode(child, { DECOM: '01/05/2024', DEC: '10/09/2024', REC: 'E8' })];

  it('Given a return whose E8 ends care on the 18th birthday, no missing episode open, When imported, Then the child is kept, E8 as returned, and a warning names the child and the rule', async () => {
    const result = await importTables({
      Header: [header('Y1', { DOB: '10/09/2006' })],
      Episodes: leftAt18('Y1'),
    });
    expect(result.children).toMatchObject({ rejected: 0 });
    expect(result.issues.filter((i) => i.field === 'REC')).toEqual([
      expect.objectContaining({
        child: 'Y1',
        severity: 'warning',
        reason: expect.stringContaining(
          'kept as returned: E8 on the 18th birthday with no missing episode open, which national definitions §1.3 rule out',
        ),
      }),
    ]);
    const ends = await endsOfCare();
    expect(ends).toEqual([expect.objectContaining({ effectiveDate: '2024-09-10', reason: 'E8' })]);
    expect(ends[0]).not.toHaveProperty('asReturned');
  });

  it('Given the same E8 while the young person is missing (a Missing row open), When imported, Then it is kept without a warning (E8 is right then)', async () => {
    const result = await importTables({
      Header: [header('Y2', { DOB: '10/09/2006' })],
      Episodes: leftAt18('Y2'),
      Missing: [{ CHILD: 'Y2', DOB: '10/09/2006', MISSING: 'M', MIS_START: '01/09/2024', MIS_END: '' }],
    });
    expect(result.children).toMatchObject({ rejected: 0 });
    expect(result.issues.filter((i) => i.field === 'REC')).toEqual([]);
    expect(await endsOfCare()).toEqual([expect.objectContaining({ reason: 'E8' })]);
  });
});

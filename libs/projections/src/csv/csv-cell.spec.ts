import { csvCell, csvText } from './csv-cell';

describe('csvCell / csvText (the CSV-injection guard)', () => {
  it('Given text a spreadsheet would run as a formula, When written, Then it is kept as text behind a quote', () => {
    for (const formula of ['=HYPERLINK("http://x")', '+cmd|calc!A1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvText(formula)).toBe(`'${formula}`);
  });

  it('Given ordinary values, When written, Then they are unchanged (numbers stay numbers)', () => {
    expect(csvText('North Leeds CiC')).toBe('North Leeds CiC');
    expect(csvText('a=b')).toBe('a=b');
    expect(csvCell(-3)).toBe(-3);
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('=1')).toBe("'=1");
  });
});

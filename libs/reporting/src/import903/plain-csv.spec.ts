import { parse } from 'csv-parse/sync';
import { seededRandom } from '../synthetic/prng';
import { parsePlainCsv } from './plain-csv';

/** csv-parse with read-returns' options, keeping only what read-returns uses. */
const byCsvParse = (text: string) =>
  (
    parse(text, { info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[]
  ).map(({ record, info }) => ({ record, info: { lines: info.lines } }));

describe('parsePlainCsv', () => {
  it('given a plain file, then the records and line numbers csv-parse gives', () => {
    const text = 'CHILD,SEX,DOB\nA1,1,01/02/2010\nB2,2,\n,,\nC3,1,03/04/2011,extra\n';
    expect(parsePlainCsv(text)).toEqual(byCsvParse(text));
    expect(parsePlainCsv(text.slice(0, -1))).toEqual(byCsvParse(text.slice(0, -1)));
    expect(parsePlainCsv('')).toEqual(byCsvParse(''));
  });

  it.each([
    ['a quote', 'A,"B,C"\n'],
    ['a carriage return', 'A,B\r\nC,D\r\n'],
    ['a blank line', 'A,B\n\nC,D\n'],
    ['a space to trim', 'A, B\n'],
    ['a tab at the end of a line', 'A,B\t\n'],
    ['a byte order mark', '\uFEFFA,B\n'],
  ])('given %s, then it leaves the file to csv-parse', (_label, text) => {
    expect(parsePlainCsv(text)).toBeUndefined();
  });

  it('given random text, then whenever it answers, it answers as csv-parse does', () => {
    const random = seededRandom('plain-csv');
    const alphabet = ['a', 'B', '1', ',', ',', '\n', '\n', ' ', '\t', 'é', '"', '\r', '/', '-', '\u00a0'];
    let answered = 0;
    for (let n = 0; n < 10_000; n++) {
      const length = random.int(0, 40);
      let text = '';
      for (let i = 0; i < length; i++) text += random.pick(alphabet);
      const plain = parsePlainCsv(text);
      if (plain === undefined) continue;
      answered++;
      expect(plain).toEqual(byCsvParse(text));
    }
    expect(answered).toBeGreaterThan(500);
  });
});

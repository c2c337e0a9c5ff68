import { isValidCalendarDate } from '@care-journey/journey';
import { realDate } from './field-reader';

/** What realDate gave when it matched a regex (the reference its character-code reading must equal). */
function byRegex(text: string | undefined): string | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text ?? '');
  const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
  return iso !== undefined && isValidCalendarDate(iso) ? iso : undefined;
}

/** A small deterministic generator (mulberry32), so a failure names a reproducible case. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters near the shape's edges: digits, the separator, look-alikes and line ends.
const ALPHABET = ['0', '1', '2', '3', '9', '/', '-', '.', ' ', '\n', '\r', 'a', '٣', '０', '\u0000', ':'];

describe('realDate: dd/mm/YYYY read by character codes', () => {
  it('Given dates and near-dates, When read, Then each gives what the regex reading gave', () => {
    const cases = [
      '01/04/2024',
      '29/02/2024',
      '29/02/2023',
      '31/04/2024',
      '00/01/2024',
      '01/13/2024',
      '1/04/2024',
      '01/04/24',
      '01-04-2024',
      '01/04/2024\n',
      '\n01/04/2024',
      ' 01/04/2024',
      '01/04/2024 ',
      '０1/04/2024',
      '01/04/２024',
      '01/04/20245',
      '',
      undefined,
    ];
    for (const text of cases) expect([text, realDate(text)]).toEqual([text, byRegex(text)]);
    expect(realDate('29/02/2024')).toBe('2024-02-29');
  });

  it('Given 20,000 generated texts around the shape, When read, Then each gives what the regex reading gave', () => {
    const next = random(903);
    const differing: [string, string | undefined, string | undefined][] = [];
    for (let i = 0; i < 20_000; i++) {
      // Mostly valid dates with one character changed, some fully random texts of length 8–12.
      const day = String(1 + Math.floor(next() * 31)).padStart(2, '0');
      const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
      const year = String(1990 + Math.floor(next() * 40));
      let text = `${day}/${month}/${year}`;
      if (next() < 0.5) {
        const at = Math.floor(next() * text.length);
        const char = ALPHABET[Math.floor(next() * ALPHABET.length)];
        text = text.slice(0, at) + char + text.slice(at + (next() < 0.7 ? 1 : 0));
      }
      if (next() < 0.1)
        text = Array.from(
          { length: 8 + Math.floor(next() * 5) },
          () => ALPHABET[Math.floor(next() * ALPHABET.length)],
        ).join('');
      if (realDate(text) !== byRegex(text)) differing.push([text, realDate(text), byRegex(text)]);
    }
    expect(differing).toEqual([]);
  });
});

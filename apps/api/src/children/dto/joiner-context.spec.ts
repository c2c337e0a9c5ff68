import { joinerOutOfContext } from './joiner-context';

const ZWNJ = '\u200c';
const ZWJ = '\u200d';

describe('zero-width joiners only where Unicode says a script needs them (UAX #31 A1, A2, B)', () => {
  describe('Given names that need them, Then they are taken', () => {
    it.each([
      ['Persian "می‌خواهم": ZWNJ between Farsi yeh and khah (A1)', `می${ZWNJ}خواهم`],
      ['Persian name "علی‌رضا": yeh, ZWNJ, reh (right-joining) (A1)', `علی${ZWNJ}رضا`],
      ['Persian surname "مهدی‌زاده" (A1)', `مهدی${ZWNJ}زاده`],
      ['a harakah (transparent) between the letter and the ZWNJ (A1, $T*)', `علیِ${ZWNJ}رضا`],
      ['Devanagari "विद्‍या": a half form, ZWJ after the virama (B)', `विद्${ZWJ}या`],
      ['Devanagari "क्‌ष": an explicit virama, ZWNJ after it (A2)', `क्${ZWNJ}ष`],
      ['Malayalam "അന്‍വര്‍" (Anvar), chillus in the older spelling, one at the end (B)', `അന്${ZWJ}വര്${ZWJ}`],
      ['Sinhala "ශ්‍රී" (Shri) (B)', `ශ්${ZWJ}රී`],
      ['a nukta between the letter and the virama (B, $M*)', `क\u093c्${ZWJ}ष`],
    ])('%s', (_, text) => expect(joinerOutOfContext(text)).toBeUndefined());
  });

  describe('Given a joiner anywhere else, Then it is the character refused', () => {
    it.each([
      ['leading', `${ZWNJ}علی`, ZWNJ],
      ['trailing after a Persian letter', `علی${ZWNJ}`, ZWNJ],
      ['trailing after a Latin letter', `Sam${ZWJ}`, ZWJ],
      ['between ASCII letters (a spoof: "pay<ZWNJ>pal")', `pay${ZWNJ}pal`, ZWNJ],
      ['ZWJ between ASCII letters', `Sa${ZWJ}m`, ZWJ],
      ['doubled between Persian letters', `می${ZWNJ}${ZWNJ}خواهم`, ZWNJ],
      ['doubled after a virama', `क्${ZWJ}${ZWJ}ष`, ZWJ],
      ['after alef, which never joins the next letter', `ا${ZWNJ}ب`, ZWNJ],
      ['before a space', `علی${ZWNJ} رضا`, ZWNJ],
      ['ZWJ between Arabic letters (not B: only after a virama)', `می${ZWJ}خواهم`, ZWJ],
      ['after a virama with no letter before it', `\u094d${ZWJ}ष`, ZWJ],
      ['after a virama put on a Latin letter', `a\u094d${ZWJ}b`, ZWJ],
      ['after a Devanagari virama on a Malayalam letter', `ന\u094d${ZWJ}`, ZWJ],
      ['after a vowel sign, not a virama', `कि${ZWJ}ष`, ZWJ],
    ])('%s', (_, text, refused) => expect(joinerOutOfContext(text)).toBe(refused));
  });

  it('Given a text without joiners, Then nothing to refuse', () =>
    expect(joinerOutOfContext('Zoë O’Brien-Nowak')).toBeUndefined());
});

import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../http/validation-pipe';
import { AmendEntryDto } from './corrections.dto';
import { RegisterChildDto } from './register-child.dto';
import { CompleteGoingHomeAuditDto } from './review-and-plan.dto';

const registration = (overrides: Record<string, unknown>) => ({
  effectiveDate: '2024-05-01',
  childRef: 'LA-000123',
  name: 'Sam Taylor',
  dateOfBirth: '2019-06-14',
  sex: '2',
  ethnicity: 'WBRI',
  upn: 'A123456789012',
  homePostcode: 'LS6 2AB',
  uasc: false,
  relinquishedAtBirth: false,
  team: 'North',
  socialWorker: 'alice',
  ...overrides,
});

const errorsOf = (type: new () => object, body: object) =>
  flattenValidationErrors(
    validateSync(plainToInstance(type, body), { whitelist: true, forbidNonWhitelisted: true }),
  );
const rulesFor = (overrides: Record<string, unknown>) =>
  errorsOf(RegisterChildDto, registration(overrides)).map(({ field, rule }) => `${field} ${rule}`);

describe('free text holds no control, bidirectional-override or zero-width character', () => {
  it.each([
    ['a bidi override and a zero-width space', { name: 'Ruby \u202eyrreB\u202c \u200bSmith' }, 'name'],
    ['NUL, CR and LF', { socialWorker: 'a\u0000b\r\n=1+1' }, 'socialWorker'],
    ['an isolate', { team: 'North \u2066CiC\u2069' }, 'team'],
    ['a byte-order mark', { name: '\ufeffSam Taylor' }, 'name'],
    ['a word joiner', { team: 'North\u2060CiC' }, 'team'],
    ['a C1 control', { name: 'Sam\u0085Taylor' }, 'name'],
    ['DEL', { socialWorker: 'alice\u007f' }, 'socialWorker'],
    ['a line break in a one-line field', { name: 'Sam\nTaylor' }, 'name'],
    ['a tab', { team: 'North\tCiC' }, 'team'],
  ])('Given %s, Then the field is refused by name with rule isPlainText', (_, overrides, field) =>
    expect(rulesFor(overrides)).toEqual([`${field} isPlainText`]),
  );

  it('Given a refused character, Then the message names the field, the rule and the character by code point', () =>
    expect(errorsOf(RegisterChildDto, registration({ name: 'Ruby \u202eyrreB' }))[0].message).toBe(
      'name must not contain control characters, bidirectional overrides or zero-width characters (one line): found U+202E',
    ));

  it.each([
    ['a ZWNJ between Latin letters', { name: 'Sam Tay\u200clor' }, 'name'],
    ['a leading ZWNJ', { name: '\u200cعلی' }, 'name'],
    ['a ZWJ between Latin letters', { team: 'No\u200drth' }, 'team'],
    ['a doubled ZWNJ in a Persian name', { name: 'علی\u200c\u200cرضا' }, 'name'],
    ['a bidi override beside a well-placed ZWNJ', { name: 'علی\u200cرضا \u202e' }, 'name'],
  ])('Given %s, Then the field is refused by name with rule isPlainText', (_, overrides, field) =>
    expect(rulesFor(overrides)).toEqual([`${field} isPlainText`]),
  );

  it('Given a joiner out of place, Then the message names it and where one is taken', () =>
    expect(errorsOf(RegisterChildDto, registration({ name: 'Sam Tay\u200clor' }))[0].message).toBe(
      'name must not contain control characters, bidirectional overrides or zero-width characters (one line): found U+200C, ' +
        'a zero-width joiner or non-joiner is taken only between letters that would join (Persian, Arabic) or straight after a virama (Indic scripts)',
    ));

  it('Given Persian, Devanagari, Malayalam and Sinhala names spelt with ZWNJ or ZWJ, Then they are taken', () =>
    expect(
      rulesFor({
        name: 'علی\u200cرضا مهدی\u200cزاده',
        team: 'विद्\u200dया क्\u200cष',
        socialWorker: 'അന്\u200dവര്\u200d ශ්\u200dරී',
      }),
    ).toEqual([]));

  it('Given names in other scripts and with accents, apostrophes and hyphens, Then they are taken', () =>
    expect(rulesFor({ name: 'Zoë O’Brien-Nowak', team: 'فريق الشمال', socialWorker: 'Ålesund 李' })).toEqual(
      [],
    ));

  it('Given a multi-line reason or finding, Then line breaks (LF or a textarea’s CRLF) are taken, other controls not', () => {
    const amend = (reason: string) =>
      errorsOf(AmendEntryDto, {
        correctedEventId: '0b8e2c1a-7c55-4b7e-a0a4-0f3a5d2b9c11',
        reason,
        amendedData: { name: 'x' },
      }).map(({ field, rule }) => `${field} ${rule}`);
    expect(amend('Wrong date keyed.\r\nChecked with the team.\nSee the file.')).toEqual([]);
    expect(amend('Wrong date\r keyed')).toEqual(['reason isPlainText']);
    expect(amend('Wrong \u202edate')).toEqual(['reason isPlainText']);
    const audit = errorsOf(CompleteGoingHomeAuditDto, {
      effectiveDate: '2024-06-01',
      outcome: 'Not yet safe\r\nReview in a month',
      nextAction: 'Review\u0000',
    }).map(({ field, rule }) => `${field} ${rule}`);
    expect(audit).toEqual(['nextAction isPlainText']);
  });
});

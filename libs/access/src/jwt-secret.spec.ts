import { DEV_JWT_SECRET } from './jwt-settings';
import { JwtSecretError, readJwtSecret } from './jwt-secret';

const LONG_ENOUGH = 'x'.repeat(32);

describe('the token secret, one rule for the API and the CLI', () => {
  it('Given no secret outside production, When read, Then the development secret is used and said to be', () => {
    expect(readJwtSecret({ NODE_ENV: 'test' })).toEqual({
      jwtSecret: DEV_JWT_SECRET,
      usingDevJwtSecret: true,
    });
  });

  it('Given production with no secret or the development one, When read, Then it is refused naming the variable', () => {
    for (const secret of [undefined, '  ', DEV_JWT_SECRET]) {
      const read = () => readJwtSecret({ NODE_ENV: 'production', CARE_JOURNEY_JWT_SECRET: secret });
      expect(read).toThrow(JwtSecretError);
      expect(read).toThrow(
        /^CARE_JOURNEY_JWT_SECRET: must be set to a private secret when NODE_ENV=production/,
      );
    }
  });

  it('Given a secret one character short, When read, Then it is refused; at 32 characters it is taken', () => {
    expect(() => readJwtSecret({ CARE_JOURNEY_JWT_SECRET: LONG_ENOUGH.slice(1) })).toThrow(
      'CARE_JOURNEY_JWT_SECRET: must be at least 32 characters (it signs HS256 tokens)',
    );
    expect(readJwtSecret({ CARE_JOURNEY_JWT_SECRET: ` ${LONG_ENOUGH} `, NODE_ENV: 'production' })).toEqual({
      jwtSecret: LONG_ENOUGH,
      usingDevJwtSecret: false,
    });
  });

  describe('CARE_JOURNEY_JWT_SECRET_PREVIOUS (a rotation, review s12-ops F5)', () => {
    const NEW = 'n'.repeat(32);
    const read = (previous: string) =>
      readJwtSecret({ CARE_JOURNEY_JWT_SECRET: NEW, CARE_JOURNEY_JWT_SECRET_PREVIOUS: previous });

    it('Given an old secret as long as a secret, When read, Then it is kept to verify with', () => {
      expect(read(` ${LONG_ENOUGH} `)).toEqual({
        jwtSecret: NEW,
        usingDevJwtSecret: false,
        previousJwtSecret: LONG_ENOUGH,
      });
    });

    it.each([
      [LONG_ENOUGH.slice(1), 'must be at least 32 characters, as CARE_JOURNEY_JWT_SECRET'],
      [NEW, 'is the same as CARE_JOURNEY_JWT_SECRET'],
      [DEV_JWT_SECRET, 'must not be the development secret'],
    ])('Given %s, When read, Then it is refused naming the variable', (previous, rule) => {
      expect(() => read(previous)).toThrow(JwtSecretError);
      expect(() => read(previous)).toThrow(`CARE_JOURNEY_JWT_SECRET_PREVIOUS: ${rule}`);
    });
  });
});

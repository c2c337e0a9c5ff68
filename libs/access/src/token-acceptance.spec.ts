import { tokenAcceptance, TokenAcceptanceError } from './token-acceptance';

describe('which bearer tokens the API accepts (CARE_JOURNEY_TOKENS)', () => {
  it('Given CARE_JOURNEY_TOKENS unset or blank in production, When read, Then only recorded tokens are accepted', () => {
    expect(tokenAcceptance({ NODE_ENV: 'production' })).toBe('recorded');
    expect(tokenAcceptance({ NODE_ENV: 'production', CARE_JOURNEY_TOKENS: ' ' })).toBe('recorded');
  });

  it.each([{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }])(
    'Given CARE_JOURNEY_TOKENS unset outside production (%j), When read, Then any signed token is accepted',
    (env) => {
      expect(tokenAcceptance(env)).toBe('signed');
    },
  );

  it('Given an explicit value, When read, Then it wins over the environment kind (surrounding spaces ignored)', () => {
    expect(tokenAcceptance({ NODE_ENV: 'production', CARE_JOURNEY_TOKENS: 'signed' })).toBe('signed');
    expect(tokenAcceptance({ CARE_JOURNEY_TOKENS: ' recorded\t' })).toBe('recorded');
  });

  it.each(['Recorded', 'on', 'all', 'true'])(
    'Given CARE_JOURNEY_TOKENS=%s, When read, Then it is refused naming the variable and the allowed values',
    (raw) => {
      const read = () => tokenAcceptance({ CARE_JOURNEY_TOKENS: raw });
      expect(read).toThrow(TokenAcceptanceError);
      expect(read).toThrow(`CARE_JOURNEY_TOKENS: allowed values are 'recorded'`);
      expect(read).toThrow(`got "${raw}"`);
    },
  );
});

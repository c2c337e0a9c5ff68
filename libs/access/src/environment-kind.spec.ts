import { environmentKind, EnvironmentKindError, isProduction } from './environment-kind';

describe('the environment kind (NODE_ENV, read in one place)', () => {
  it('Given NODE_ENV unset or blank, When read, Then it is development', () => {
    expect(environmentKind({})).toBe('development');
    expect(environmentKind({ NODE_ENV: '  ' })).toBe('development');
  });

  it.each([
    ['production', 'production'],
    ['production ', 'production'],
    [' production\t', 'production'],
    ['development', 'development'],
    ['test', 'test'],
  ] as const)('Given NODE_ENV=%j, When read, Then it is %s (surrounding spaces ignored)', (raw, kind) => {
    expect(environmentKind({ NODE_ENV: raw })).toBe(kind);
  });

  it('Given NODE_ENV="production " (a trailing space from a .env file), When asked, Then it is production', () => {
    expect(isProduction({ NODE_ENV: 'production ' })).toBe(true);
  });

  it.each(['prod', 'Production', 'staging', 'dev'])(
    'Given NODE_ENV=%s, When read, Then it is refused naming NODE_ENV and the allowed values',
    (raw) => {
      const read = () => environmentKind({ NODE_ENV: raw });
      expect(read).toThrow(EnvironmentKindError);
      expect(read).toThrow(
        `NODE_ENV: allowed values are 'production', 'development', 'test' (unset means 'development'), got "${raw}"`,
      );
    },
  );
});

import { parseOptions } from './options';

describe('bench options', () => {
  it('given --profile-api with a folder, when parsed, then the HTTP figure is told where to write the profile', () => {
    expect(parseOptions(['--quick', '--profile-api', '/tmp/p']).profileApiDir).toBe('/tmp/p');
    expect(parseOptions(['--quick']).profileApiDir).toBeUndefined();
  });

  it('given --profile-api without a folder, when parsed, then it is refused by name', () => {
    expect(() => parseOptions(['--profile-api'])).toThrow(/--profile-api takes a folder/);
    expect(() => parseOptions(['--profile-api', '--quick'])).toThrow(/--profile-api takes a folder/);
  });
});

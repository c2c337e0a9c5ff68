import { BenchArgumentError, parseOptions, readBenchArgs } from './options';

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

describe('bench command line (commander)', () => {
  it('given --help or -h, when read, then the usage is given and no run is asked for', () => {
    for (const flag of ['--help', '-h']) {
      const args = readBenchArgs(['--quick', flag]);
      expect(args).toEqual({ help: expect.stringContaining('Usage: run-bench [options]') });
      if ('help' in args) expect(args.help).toMatch(/--only <figures>.*append-batched/s);
    }
  });

  it('given an unknown flag or a stray argument, when read, then it is refused by name', () => {
    expect(() => readBenchArgs(['--quik'])).toThrow(/unknown option '--quik'.*--help lists the options/s);
    expect(() => readBenchArgs(['quick'])).toThrow(/too many arguments/);
    expect(() => readBenchArgs(['--frobnicate'])).toThrow(BenchArgumentError);
  });

  it('given the options a run takes, when read, then each is as before', () => {
    expect(readBenchArgs([])).toEqual({
      options: {
        quick: false,
        events: 1_000_000,
        scale: false,
        scaleRounds: 2,
        http: true,
        peer: true,
        only: undefined,
        profileApiDir: undefined,
      },
    });
    expect(
      parseOptions([
        '--quick',
        '--scale',
        '--scale-rounds',
        '3',
        '--no-http',
        '--no-peer',
        '--only',
        'rebuild,drift',
      ]),
    ).toEqual({
      quick: true,
      events: 22_000,
      scale: true,
      scaleRounds: 3,
      http: false,
      peer: false,
      only: new Set(['rebuild', 'drift']),
      profileApiDir: undefined,
    });
    expect(parseOptions(['--events', '5000']).events).toBe(5000);
  });

  it('given a bad value, when read, then the option and the rule are named', () => {
    expect(() => parseOptions(['--events', '10'])).toThrow('--events must be a whole number ≥ 1000, got 10');
    expect(() => parseOptions(['--events'])).toThrow('--events takes a whole number, got nothing');
    expect(() => parseOptions(['--only', 'rebuild,speed'])).toThrow(
      /--only takes a comma list of append-batched/,
    );
  });
});

import { join } from 'node:path';
import { tempDir } from '../../../../libs/projections/src/testing/log-fixtures';
import { buildProgram } from '../program';

/** The CLI reads the authority settings as the API does: a bad field stops it, naming the field. */
describe('care-journey measures with bad authority settings', () => {
  let temp: ReturnType<typeof tempDir>;
  let env: NodeJS.ProcessEnv;
  let output: string;

  beforeEach(() => {
    temp = tempDir('cj-measures-settings-');
    env = process.env;
    process.env = {
      ...env,
      CARE_JOURNEY_STORE: 'sqlite',
      CARE_JOURNEY_SQLITE_FILE: join(temp.dir, 'events.db'),
    };
    output = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
  });

  afterEach(() => {
    process.env = env;
    jest.restoreAllMocks();
    temp.remove();
  });

  it.each([
    [
      '{"childPopulaton":140000}',
      /^childPopulaton: is not a field of the authority settings; it takes childPopulation, /,
    ],
    ['{"la":"E1"}', /^la: must be an ONS code/],
    [
      '{"targets":[{"id":"t1","label":"x","measure":"nope","kind":"ceiling","value":3}]}',
      /^targets\[0\]\.measure: nope is not a figure of a month's measures/,
    ],
  ])(
    'CARE_JOURNEY_AUTHORITY=%s stops the command, naming the field, and prints no figures',
    async (settings, message) => {
      process.env.CARE_JOURNEY_AUTHORITY = settings;
      await expect(
        buildProgram().parseAsync([
          'node',
          'care-journey',
          'measures',
          '--from',
          '2024-01',
          '--to',
          '2024-01',
        ]),
      ).rejects.toThrow(message);
      expect(output).toBe('');
    },
  );
});

import { authorityConfig } from './authority-config-overrides';

describe('authority settings: socialWorkerScope', () => {
  it('Given no setting, When the authority is configured, Then social workers are scoped to their teams', () => {
    expect(authorityConfig({}).socialWorkerScope).toBe('team');
  });

  it('Given "authority", When configured, Then every social worker reads every child (the explicit opt-out)', () => {
    expect(authorityConfig({ socialWorkerScope: 'authority' }).socialWorkerScope).toBe('authority');
  });

  it.each([['caseload'], ['Team'], [true], [null]])(
    'Given %j, When configured, Then it is refused naming the field and the two choices',
    (value) => {
      expect(() => authorityConfig({ socialWorkerScope: value })).toThrow(
        /^socialWorkerScope: must be "team" \(a social worker sees their teams' children\) or "authority" \(every child\), not /,
      );
    },
  );
});

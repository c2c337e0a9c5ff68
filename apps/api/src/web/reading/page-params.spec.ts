import { unknownPageParams } from './page-params';

describe('unknownPageParams', () => {
  it('Given a mistyped parameter, then it is named with the ones the page uses, linked to the page’s form', () => {
    expect(
      unknownPageParams({ asat: '2024-01-01', knownAt: '' }, ['asAt', 'knownAt'], 'replay-form'),
    ).toEqual([
      {
        fieldId: 'replay-form',
        field: 'asat',
        rule: 'whitelistValidation',
        message:
          'The address has “asat”, which this page does not use: it uses asAt, knownAt. Check its spelling',
      },
    ]);
  });

  it('Given only the page’s own parameters, then there is nothing to say', () => {
    expect(unknownPageParams({ asAt: '2024-01-01' }, ['asAt', 'knownAt'], 'replay-form')).toEqual([]);
    expect(unknownPageParams({}, ['asAt'], 'replay-form')).toEqual([]);
  });
});

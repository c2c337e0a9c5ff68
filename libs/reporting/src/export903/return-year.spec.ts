import { inProgressWarning, notBegunMessage, returnYearStatus } from './return-year';

describe('returnYearStatus', () => {
  it('Given today in the year, then the return is in progress, up to and including 31 March', () => {
    expect(returnYearStatus('2027-03-31', '2026-11-27')).toBe('in-progress');
    expect(returnYearStatus('2027-03-31', '2026-04-01')).toBe('in-progress');
    expect(returnYearStatus('2027-03-31', '2027-03-31')).toBe('in-progress');
  });
  it('Given a year that has ended, then its return is complete', () =>
    expect(returnYearStatus('2026-03-31', '2026-11-27')).toBe('complete'));
  it('Given a year that has not begun, then there is no return', () => {
    expect(returnYearStatus('2028-03-31', '2026-11-27')).toBe('not-begun');
    expect(returnYearStatus('2027-03-31', '2026-03-31')).toBe('not-begun');
  });
  it('says which dates decide it', () => {
    expect(notBegunMessage('2036-03-31', '2026-11-27')).toContain('begins on 2035-04-01');
    expect(inProgressWarning('2027-03-31', '2026-11-27')).toContain('still running');
  });
});

import { afterRecording, positionParam } from './position-param';

describe('read-your-writes position on the redirect', () => {
  it('keeps a decimal position and ignores anything else', () => {
    expect(positionParam('1042')).toBe('1042');
    expect(positionParam('0')).toBe('0');
    for (const value of [undefined, '', '-1', '1e3', '01', ['1'], '12345678901234567890'])
      expect(positionParam(value)).toBeUndefined();
  });

  it('sends the browser to the child page with the form and the position', () => {
    expect(afterRecording('c 1', 'review', '17')).toBe('/panel/children/c%201?recorded=review&position=17');
    expect(afterRecording('c1', 'review', null)).toBe('/panel/children/c1?recorded=review');
  });
});

import { commitsNote, scalingMet } from './scaling';

describe('the scaling goal', () => {
  it('Given CPU 4.1× and wall 4.3×, Then it is met (both within 4.4×)', () => {
    expect(scalingMet(4.1, 4.3, 4.4)).toBe(true);
  });

  it('Given CPU 4.1× but wall 5.0× (I/O wait grew with the data), Then it is not met', () => {
    expect(scalingMet(4.1, 5.0, 4.4)).toBe(false);
    expect(scalingMet(4.6, 4.0, 4.4)).toBe(false);
  });
});

describe('the child-shaped runs’ note', () => {
  it('Given a run that committed 22,014 appends in 40 commits, Then the note says so, with appends per commit', () => {
    expect(commitsNote({ appends: 22014, transactions: 40 })).toBe(
      ', 22014 appends in 40 commits (550 per commit)',
    );
  });

  it('Given a run that does not count commits (the batched append, the rebuild), Then nothing', () => {
    expect(commitsNote({})).toBe('');
    expect(commitsNote(undefined)).toBe('');
  });
});

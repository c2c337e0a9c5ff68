import { lowerOwnPriority, ownThreadId } from './thread-priority';

describe('the projector thread’s priority (CARE_JOURNEY_PROJECTOR_NICE)', () => {
  it('Given /proc/thread-self, Then the thread id is the task it links to; given none, undefined', () => {
    expect(ownThreadId(() => '4242/task/4250')).toBe(4250);
    expect(
      ownThreadId(() => {
        throw new Error('ENOENT');
      }),
    ).toBeUndefined();
  });

  it('Given nice 10 and a thread id, Then that thread alone is set to 10', () => {
    const set = jest.fn();
    expect(lowerOwnPriority(10, { threadId: () => 4250, set })).toBe('nice 10');
    expect(set).toHaveBeenCalledWith(4250, 10);
  });

  it('Given nice 0, Then nothing is set', () => {
    const set = jest.fn();
    expect(lowerOwnPriority(0, { threadId: () => 4250, set })).toBe('default priority');
    expect(set).not.toHaveBeenCalled();
  });

  it('Given no per-thread ids, or a refusal, Then the default priority, said why, and no throw', () => {
    expect(lowerOwnPriority(10, { threadId: () => undefined })).toMatch(/no per-thread priority/);
    const refuse = () => {
      throw new Error('EACCES');
    };
    expect(lowerOwnPriority(10, { threadId: () => 4250, set: refuse })).toBe(
      'default priority (setting nice 10 failed: EACCES)',
    );
  });
});

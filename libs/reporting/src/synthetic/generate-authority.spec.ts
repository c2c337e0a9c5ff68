import { generateAuthority } from './generate-authority';
import { generateChild } from './generate-child';
import { authorityOptions } from './authority-options';
import { runJourney } from './journey-runner';
import { syntheticEventId } from './generate-child';

describe('generateAuthority', () => {
  const options = { children: 400, seed: 'spec', years: 4, yearEnding: '2025-03-31' };

  it('makes journeys that the domain decider accepts in full', () => {
    for (const child of generateAuthority(options)) {
      const { childId } = child.profile;
      expect(() => runJourney(childId, child.commands, (n) => syntheticEventId(childId, n))).not.toThrow();
    }
  });

  it('is deterministic for a seed, and child n does not depend on how many are made', () => {
    const a = generateChild(authorityOptions(options), 17);
    const b = generateChild(authorityOptions({ ...options, children: 5000 }), 17);
    expect(b).toEqual(a);
    const c = generateChild(authorityOptions({ ...options, seed: 'other' }), 17);
    expect(c.profile.childId).not.toEqual(a.profile.childId);
  });

  it('records every command on or after its effective date, and in recording order', () => {
    for (const child of generateAuthority({ ...options, children: 100 })) {
      let previous = '';
      for (const command of child.commands) {
        expect(command.now >= previous).toBe(true);
        previous = command.now;
        if ('effectiveDate' in command) expect(command.now.slice(0, 10) >= (command.effectiveDate as string)).toBe(true);
      }
    }
  });
});

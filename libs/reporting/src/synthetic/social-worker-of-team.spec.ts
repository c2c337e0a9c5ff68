import type { JourneyCommand } from '@care-journey/journey';
import { authorityOptions } from './authority-options';
import { generateChild } from './generate-child';
import { SYNTHETIC_TEAMS } from './teams';

describe('a synthetic authority whose teams name their social worker (the demo)', () => {
  const base = { children: 30, seed: 'sw-of-team', years: 3, yearEnding: '2025-03-31' };
  const socialWorkerOfTeam = { [SYNTHETIC_TEAMS[0]]: 'sw.demo', [SYNTHETIC_TEAMS[1]]: 'sw.other.demo' };
  const registration = (child: ReturnType<typeof generateChild>) =>
    child.commands.find((c) => c.type === 'RegisterChild') as { team: string; socialWorker: string };

  it('Given a social worker for some teams, When children are drawn, Then those teams’ children are allocated to (and recorded by) them, the others to sw-NNN, and nothing else changes', () => {
    for (let index = 0; index < base.children; index++) {
      const drawn = generateChild(authorityOptions(base), index);
      const named = generateChild(authorityOptions({ ...base, socialWorkerOfTeam }), index);
      const { team, socialWorker } = registration(named);
      expect(team).toBe(registration(drawn).team);
      const given = socialWorkerOfTeam[team];
      if (given === undefined) {
        expect(named).toEqual(drawn);
        expect(socialWorker).toMatch(/^sw-\d{3}$/);
        continue;
      }
      expect(socialWorker).toBe(given);
      expect(new Set(named.commands.map((c) => c.recordedBy))).toEqual(new Set([given]));
      const withoutWho = (c: JourneyCommand) => ({ ...c, recordedBy: '', socialWorker: '' });
      expect(named.commands.map(withoutWho)).toEqual(drawn.commands.map(withoutWho));
    }
  });

  it('Given a team the synthetic authority does not have, or a blank name, When the options are read, Then they are refused naming the option', () => {
    expect(() => authorityOptions({ ...base, socialWorkerOfTeam: { 'North Leeds CiC': 'sw.demo' } })).toThrow(
      /socialWorkerOfTeam: "North Leeds CiC" is not a team of the synthetic authority/,
    );
    expect(() => authorityOptions({ ...base, socialWorkerOfTeam: { [SYNTHETIC_TEAMS[0]]: ' ' } })).toThrow(
      /socialWorkerOfTeam\["Children in Care North"\] must be a user name/,
    );
  });
});

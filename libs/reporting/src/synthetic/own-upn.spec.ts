import { authorityOptions } from './authority-options';
import { generateChild, syntheticEventId } from './generate-child';
import { runJourney } from './journey-runner';
import { UpnsGiven } from './own-upn';
import { nextSyntheticUpn, upnCheckLetter } from './upn';

describe('a synthetic authority gives each real UPN to one child (903 rule 444)', () => {
  const options = authorityOptions({ children: 40, seed: 'own-upn', years: 4, yearEnding: '2025-03-31' });
  const children = Array.from({ length: 40 }, (_, index) => generateChild(options, index));
  const withUpn = children.filter((child) => !/^UN\d$/.test(child.profile.upn));
  const unknown = children.filter((child) => /^UN\d$/.test(child.profile.upn));

  it('Given a child drawing a UPN an earlier child has, When given its own, Then it takes the next serial of that school and year, in its profile and its registration, and the journey still runs', () => {
    const [first, second] = withUpn;
    const twin = {
      profile: { ...second.profile, upn: first.profile.upn },
      commands: second.commands.map((c) =>
        c.type === 'RegisterChild' ? { ...c, upn: first.profile.upn } : c,
      ),
    };
    const upns = new UpnsGiven();
    expect(upns.ownFor(first)).toBe(first);
    const own = upns.ownFor(twin);

    const expected = nextSyntheticUpn(first.profile.upn);
    expect(own.profile.upn).toBe(expected);
    expect(expected.slice(1, 10)).toBe(first.profile.upn.slice(1, 10));
    expect(expected[0]).toBe(upnCheckLetter(expected.slice(1)));
    expect(own.commands.find((c) => c.type === 'RegisterChild')).toMatchObject({ upn: expected });
    const { childId } = own.profile;
    expect(() => runJourney(childId, own.commands, (n) => syntheticEventId(childId, n))).not.toThrow();
  });

  it('Given children with free UPNs or the unknown-UPN codes, When given their own, Then they are unchanged (the codes repeat)', () => {
    expect(unknown.length).toBeGreaterThan(1);
    const upns = new UpnsGiven();
    for (const child of [...children, ...unknown]) expect(upns.ownFor(child)).toBe(child);
  });

  it('Given serial 999 taken, When the next is needed, Then it wraps to 000 of the same school and year', () => {
    const body = '873200020999';
    expect(nextSyntheticUpn(`${upnCheckLetter(body)}${body}`)).toBe(
      `${upnCheckLetter('873200020000')}873200020000`,
    );
  });
});

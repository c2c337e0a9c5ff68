/**
 * One real UPN, one child (903 rule 444), in a synthetic authority: the UPNs are drawn per child
 * (12 random digits of a school and year), so two children may draw one now and then. The later
 * child then takes the next free serial of that school and year, in its profile and registration.
 * Unknown-UPN codes (UN1–UN5) repeat, as in the 903.
 */
import { isUnknownUpn, normaliseUpn } from '@care-journey/registrations';
import type { SyntheticChild } from './generate-child';
import { nextSyntheticUpn } from './upn';

/** Serials of one school and year: more children than this sharing one is a broken draw. */
const SERIALS = 1000;

export class UpnsGiven {
  private readonly given = new Set<string>();

  /** The child as drawn when its UPN is free (or an unknown-UPN code), else with the next free one. */
  ownFor(child: SyntheticChild): SyntheticChild {
    const drawn = child.profile.upn;
    if (isUnknownUpn(drawn)) return child;
    let upn = drawn;
    for (let tries = 0; this.given.has(normaliseUpn(upn)); tries++) {
      if (tries >= SERIALS) throw new RangeError(`no free UPN left after ${drawn}`);
      upn = nextSyntheticUpn(upn);
    }
    this.given.add(normaliseUpn(upn));
    if (upn === drawn) return child;
    return {
      profile: { ...child.profile, upn },
      commands: child.commands.map((command) =>
        command.type === 'RegisterChild' ? { ...command, upn } : command,
      ),
    };
  }
}

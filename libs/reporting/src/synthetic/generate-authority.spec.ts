import {
  SUPPORTED_ACCOMMODATION_REGISTERED_FROM as DAY,
  endsByRegistration,
  type PlacementDetails,
} from '@care-journey/journey';
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
        if ('effectiveDate' in command)
          expect(command.now.slice(0, 10) >= (command.effectiveDate as string)).toBe(true);
      }
    }
  });

  it('uses K3 rather than the withdrawn H5/P2 for placements from 1 April 2025 (a history ending mid-year)', () => {
    const types = new Set<string>();
    for (const child of generateAuthority({ ...options, children: 600, yearEnding: '2026-10-12' })) {
      const { childId } = child.profile;
      const { envelopes } = runJourney(childId, child.commands, (n) => syntheticEventId(childId, n));
      for (const event of envelopes) {
        const placement = event.data['placement'] as { placementType: string } | undefined;
        const date = event.data['effectiveDate'] as string;
        if (placement && date >= '2025-04-01') types.add(placement.placementType);
      }
    }
    expect(types.has('K3')).toBe(true);
    expect(types.has('H5')).toBe(false);
    expect(types.has('P2')).toBe(false);
  });

  it('has nobody in P2 or an English H5 without a URN after 28 October 2023 (903 rules 217t, 230)', () => {
    let registrations = 0;
    let checked = 0;
    for (const child of generateAuthority({ ...options, children: 600 })) {
      const { childId } = child.profile;
      const { envelopes } = runJourney(childId, child.commands, (n) => syntheticEventId(childId, n));
      // The placement events and the end of care, in date order: each placement lasts to the next.
      const steps = envelopes
        .filter((e) =>
          [
            'PeriodOfCareStarted',
            'PlacementChanged',
            'PlacedForAdoption',
            'TemporaryPlacementStarted',
            'PeriodOfCareEnded',
          ].includes(e.type),
        )
        .map((e) => ({
          type: e.type,
          date: e.data['effectiveDate'] as string,
          placement: e.data['placement'] as PlacementDetails | undefined,
          sameCarer: e.data['sameCarer'] === true,
        }))
        .sort((a, b) => a.date.localeCompare(b.date));
      steps.forEach((step, i) => {
        if (!step.placement || !endsByRegistration(step.placement)) return;
        checked++;
        const until = steps[i + 1]?.date ?? options.yearEnding;
        expect({ childId, ...step, until: until <= DAY }).toEqual({ childId, ...step, until: true });
        const next = steps[i + 1];
        if (next?.sameCarer && next.placement?.placementType === 'H5' && !endsByRegistration(next.placement))
          registrations++;
      });
    }
    expect(checked).toBeGreaterThan(0);
    expect(registrations).toBeGreaterThan(0);
  });
});

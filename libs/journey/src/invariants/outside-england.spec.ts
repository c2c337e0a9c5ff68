import { isOutsideEngland } from './outside-england';

describe('isOutsideEngland (Ofsted registers English settings only)', () => {
  it.each([
    ['CF10 1EP', true], // Cardiff
    ['SA1 1AA', true],
    ['LL55 4UR', true],
    ['BT1 5GS', true], // Belfast
    ['EH1 1YZ', true], // Edinburgh
    ['G1 1XQ', true], // Glasgow: one-letter area
    ['TD1 1AA', true], // Galashiels
    ['SY16 1AB', true], // Newtown, Powys
    ['SY161AB', true],
    ['CH5 3AA', true], // Deeside, Flintshire
  ])('%s is outside England', (postcode, outside) => expect(isOutsideEngland(postcode)).toBe(outside));

  it.each([
    ['CB1 2GF', false],
    ['GU1 1AA', false], // Guildford, not Glasgow
    ['S1 2HE', false], // Sheffield, not Swansea (SA)
    ['TD15 1AA', false], // Berwick-upon-Tweed
    ['SY1 1AA', false], // Shrewsbury
    ['CH1 1AA', false], // Chester
    ['PE13', false], // a district only
    [undefined, false],
    ['', false],
  ])('%s counts as England', (postcode, outside) => expect(isOutsideEngland(postcode)).toBe(outside));
});

import { createHash } from 'node:crypto';

/** UPN reservation streams: `upn-<hash>` (the hash, not the UPN: no personal data in a stream name). */
export const UPN_STREAM_PREFIX = 'upn-';

/** The unknown-UPN codes (UN1–UN5 in the 903; any UN and a digit): not a pupil's number. */
export const isUnknownUpn = (upn: string): boolean => /^UN\d$/i.test(upn.trim());

/** UPNs as the DfE validator compares them: upper-cased (it reads every text cell so). */
export const normaliseUpn = (upn: string): string => upn.trim().toUpperCase();

export const upnStream = (upn: string): string =>
  `${UPN_STREAM_PREFIX}${createHash('sha256').update(normaliseUpn(upn)).digest('hex').slice(0, 40)}`;

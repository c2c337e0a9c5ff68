/**
 * Writes a synthetic authority into an event store: each child's commands through decide, the
 * events appended to `journey-<childId>` in one append per child. Event ids are deterministic, so
 * a child whose stream already exists with those ids is skipped (re-running a seed is harmless).
 * Each new child first reserves its 903 reference (ChildRefRegistry, as the API and the import do):
 * a reference another child already holds (another seed, or a child registered through the API in
 * this store) is refused, counted in `refused`, and that child is not written. Its real UPN is
 * checked and reserved the same way (UpnRegistry, 903 rule 444): one another child holds (the
 * API's, an import's, another seed's) is refused, counted in `upnRefused`, and the child is not
 * written; its reference is checked first and reserved only for a child that goes on.
 */
import { chainEvents, chainTipAfter } from '@care-journey/audit';
import { StreamNotFound, type EventStore } from '@care-journey/event-store';
import { journeyStream } from '@care-journey/journey';
import {
  ChildRefRegistry,
  ChildRefReleaseRefused,
  UpnRegistry,
  type UpnRecording,
} from '@care-journey/registrations';
import { authorityOptions, type AuthorityOptions } from './authority-options';
import { generateAuthority } from './generate-authority';
import { syntheticEventId } from './generate-child';
import { runJourney } from './journey-runner';

export interface SeedProgress {
  children: number;
  total: number;
  events: number;
  skipped: number;
  /** Children not written: their reference is held by another child in the store. */
  refused: number;
  /** Children not written: their UPN is held by another child in the store (903 rule 444). */
  upnRefused: number;
}

export interface SeedResult extends SeedProgress {
  elapsedMs: number;
}

async function streamExists(store: EventStore, stream: string): Promise<boolean> {
  try {
    for await (const _event of store.readStream(stream, { maxCount: 1 })) return true;
    return false;
  } catch (error) {
    if (error instanceof StreamNotFound) return false;
    throw error;
  }
}

export async function seedStore(
  store: EventStore,
  partial: Partial<AuthorityOptions> = {},
  onProgress: (progress: SeedProgress) => void = () => undefined,
): Promise<SeedResult> {
  const options = authorityOptions(partial);
  const started = Date.now();
  const progress: SeedProgress = {
    children: 0,
    total: options.children,
    events: 0,
    skipped: 0,
    refused: 0,
    upnRefused: 0,
  };
  const childRefs = new ChildRefRegistry(store);
  const upns = new UpnRegistry(store);
  for (const child of generateAuthority(options)) {
    const { childId } = child.profile;
    const stream = journeyStream(childId);
    if (await streamExists(store, stream)) {
      progress.skipped++;
    } else {
      const { envelopes } = runJourney(childId, child.commands, (n) => syntheticEventId(childId, n));
      const { recordedAt, recordedBy } = envelopes[0].metadata;
      const recording = { recordedAt, recordedBy };
      const { childRef, upn } = child.profile;
      if (!(await upns.isFree(upn, childId))) progress.upnRefused++;
      else if (!(await childRefs.reserve(childRef, childId, recording))) progress.refused++;
      else if (!(await upns.hold(upn, childId, recording))) {
        await releaseChildRef(childRefs, childRef, childId, recording);
        progress.upnRefused++;
      } else {
        // A new stream: the audit hash chain starts at genesis, exactly as for recorded journeys.
        const chained = chainEvents(chainTipAfter(stream, undefined), envelopes);
        await store.appendToStream(stream, chained, { expectedRevision: 'no_stream' });
        progress.events += envelopes.length;
      }
    }
    progress.children++;
    onProgress({ ...progress });
  }
  return { ...progress, elapsedMs: Date.now() - started };
}

/** Frees the reference of a child whose UPN was taken after its check; one registered or released since is left. */
async function releaseChildRef(
  childRefs: ChildRefRegistry,
  childRef: string,
  childId: string,
  recording: UpnRecording,
) {
  try {
    await childRefs.release(childRef, 'seed refused: upn-in-use (903 rule 444)', recording, {
      byHolder: childId,
    });
  } catch (error) {
    if (!(error instanceof ChildRefReleaseRefused)) throw error;
  }
}

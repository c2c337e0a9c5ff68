import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@care-journey/event-store';

const metadata = { recordedAt: '2024-05-01T09:00:00.000Z', recordedBy: 'bench', schemaVersion: 1 };

/** A plausible journey event (~200 bytes of JSON), the same for ours and the baseline. */
export function sampleEvent(n: number): NewEvent {
  return {
    id: randomUUID(),
    type: n % 3 === 0 ? 'PlacementStarted' : 'ReviewHeld',
    data: { childId: `child-${n % 5000}`, placementId: `p-${n}`, date: '2024-04-30', provider: 'LA-owned foster care', n },
    metadata,
  };
}

export function sampleBatch(start: number, size: number): NewEvent[] {
  return Array.from({ length: size }, (_, i) => sampleEvent(start + i));
}

import type { EventStore, RecordedEvent } from '@care-journey/event-store';
import { JOURNEY_STREAM_PREFIX, normaliseChildRef } from '@care-journey/journey';
import { isUnknownUpn, normaliseUpn } from '@care-journey/registrations';

/** How the person asking is identified: the child id, or what the council knows them by. */
export type SarSubject =
  | { flag: '--child'; childId: string }
  | { flag: '--child-ref'; childRef: string }
  | { flag: '--upn'; upn: string };

/** The option of `sar` that names the subject, and the words its errors use for it. */
const IDENTIFIER = { '--child-ref': '903 reference', '--upn': 'UPN' } as const;

/**
 * The 903 references and UPNs a child's record holds or held: its registration's, and those its
 * corrections gave it (an `EntryAmended` of the registration carries them in `amendedData`; no other
 * entry has these fields). Unknown-UPN codes (UN1–UN5) name no one and are left out.
 */
export function heldIdentifiers(events: readonly Pick<RecordedEvent, 'type' | 'data'>[]): {
  childRefs: string[];
  upns: string[];
} {
  const childRefs = new Set<string>();
  const upns = new Set<string>();
  for (const event of events) {
    const fields = registrationFields(event);
    if (!fields) continue;
    if (typeof fields.childRef === 'string' && fields.childRef.trim() !== '')
      childRefs.add(normaliseChildRef(fields.childRef));
    if (typeof fields.upn === 'string' && fields.upn.trim() !== '' && !isUnknownUpn(fields.upn))
      upns.add(normaliseUpn(fields.upn));
  }
  return { childRefs: [...childRefs], upns: [...upns] };
}

/** The registration's fields an event sets: a registration's own, or a correction's of it. */
function registrationFields(
  event: Pick<RecordedEvent, 'type' | 'data'>,
): Record<string, unknown> | undefined {
  if (event.type === 'ChildRegistered') return event.data;
  if (event.type !== 'EntryAmended') return undefined;
  const amended = event.data['amendedData'];
  return typeof amended === 'object' && amended !== null ? (amended as Record<string, unknown>) : undefined;
}

/** The child a subject names, and the option and value that found them (for the trail). */
export interface FoundSubject {
  childId: string;
  foundBy: { option: SarSubject['flag']; value: string };
}

/** What one child's record says of the identifier asked for: held once, held now, and what changed it. */
interface Holding {
  heldNow: boolean;
  correctedAway?: { on: string; reason: string; to: string };
}

/**
 * The child the subject names. A child id is taken as given (an unknown one is refused later, as
 * before). A reference or UPN is matched as the 903 compares them (upper case, spaces trimmed),
 * current or corrected away, in every registration and every correction of one in the log: not
 * through the registry streams, which dev builds did not always write (imports, seeds and
 * amendments that carried a value without reserving it, s20 review F1), so a duplicate they let in
 * is refused, never exported as the one child the registry names. None, or more than one child, is refused naming the option: a subject
 * access export must never be of the wrong child. So is one found only through a value corrected
 * away (s17 diff review F1): a reference or UPN corrected as mistyped may be another young
 * person's, and their request must not get this child's record; the operator checks and gives --child.
 */
export async function findSubject(store: EventStore, subject: SarSubject): Promise<FoundSubject> {
  if (subject.flag === '--child')
    return { childId: subject.childId, foundBy: { option: '--child', value: subject.childId } };
  const flag = subject.flag;
  const what = IDENTIFIER[flag];
  const raw = flag === '--child-ref' ? subject.childRef : subject.upn;
  if (flag === '--upn' && isUnknownUpn(raw))
    throw new Error(
      `error: option '--upn <upn>': ${raw.trim()} is an unknown-UPN code (UN1–UN5), which many children share: give --child <id> or --child-ref <ref>`,
    );
  const wanted = flag === '--child-ref' ? normaliseChildRef(raw) : normaliseUpn(raw);
  const field = flag === '--child-ref' ? 'childRef' : 'upn';
  const normalise = flag === '--child-ref' ? normaliseChildRef : normaliseUpn;
  const matches = new Map<string, Holding>();
  // Stream order within a child: the last registration or correction setting the field is its value now.
  for await (const event of store.readAll({
    filter: { streamPrefixes: [JOURNEY_STREAM_PREFIX], eventTypes: ['ChildRegistered', 'EntryAmended'] },
  })) {
    const value = registrationFields(event)?.[field];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const childId = event.streamId.slice(JOURNEY_STREAM_PREFIX.length);
    const now = normalise(value);
    const holding = matches.get(childId);
    if (now === wanted) matches.set(childId, { heldNow: true });
    else if (holding?.heldNow)
      matches.set(childId, {
        heldNow: false,
        correctedAway: {
          on: String(event.data['effectiveDate'] ?? event.metadata['recordedAt'] ?? 'an unknown date'),
          reason: String(event.data['reason'] ?? 'no reason given'),
          to: now,
        },
      });
  }
  const option = `${flag} <${flag === '--child-ref' ? 'ref' : 'upn'}>`;
  if (matches.size === 0)
    throw new Error(
      `error: option '${option}': no child in the configured store has or had the ${what} ${wanted}: nothing written`,
    );
  if (matches.size > 1)
    throw new Error(
      `error: option '${option}': ${matches.size} children have or had the ${what} ${wanted} (${[...matches.keys()].join(', ')}): give --child <id> for the one asking; nothing written`,
    );
  const [[childId, holding]] = [...matches];
  if (!holding.heldNow) {
    const c = holding.correctedAway;
    throw new Error(
      `error: option '${option}': ${wanted} is not child ${childId}'s ${what} now: a correction${c ? ` of ${c.on} ("${c.reason}") changed it to ${c.to}` : ' changed it'}. ` +
        `A value corrected away may be another young person's: check who is asking, and if it is this child give --child ${childId}; nothing written`,
    );
  }
  return { childId, foundBy: { option: flag, value: wanted } };
}

/**
 * Identity values a correction replaced, withheld from the roles that do not need them (review s15
 * F3). A name or date of birth corrected away may be another child's (a mix-up): the panel and
 * reporting jobs work from the child as now known. In the events they read, every value of these
 * fields that a later correction replaced is withheld, in the entry as first recorded and in earlier
 * amendments alike, so nothing replayed from them (the state as known before the correction,
 * `originalData`, a correction's "from", the diff, the child's page) shows it:
 * - a name or UPN reads `[corrected]`, so the correction still shows that it changed it;
 * - a date of birth reads as the corrected one: the rules replayed "as known at" an earlier instant
 *   need a date (ages, the 18th birthday), so the panel's earlier views are computed with the right
 *   date, and a correction of it shows no change of date of birth to them.
 * Full readers (social workers, auditors, admins) read the stored events themselves and keep them.
 */
export const CORRECTED = '[corrected]';

/** Shown as `[corrected]` once replaced. */
const MARKED_FIELDS: readonly string[] = ['name', 'upn'];
/** Shown as their current value once replaced (replay computes with them). */
const CURRENT_FIELDS: readonly string[] = ['dateOfBirth'];
const IDENTITY_FIELDS = [...MARKED_FIELDS, ...CURRENT_FIELDS];

interface EventLike {
  id: string;
  type: string;
  data: object;
}

type Fields = Record<string, unknown>;

/** Each amended entry's identity values as they stand after its last amendment (latest wins). */
function currentIdentity(events: readonly EventLike[]): Map<string, Fields> {
  const originals = new Map(events.map((event) => [event.id, event.data as Fields]));
  const current = new Map<string, Fields>();
  for (const event of events) {
    if (event.type !== 'EntryAmended') continue;
    const data = event.data as Fields;
    const target = String(data['correctedEventId']);
    const amended = data['amendedData'];
    if (amended === null || typeof amended !== 'object') continue;
    const values = current.get(target) ?? { ...pick(originals.get(target) ?? {}) };
    for (const field of IDENTITY_FIELDS) if (field in amended) values[field] = (amended as Fields)[field];
    current.set(target, values);
  }
  return current;
}

function pick(data: Fields): Fields {
  return Object.fromEntries(
    IDENTITY_FIELDS.filter((field) => field in data).map((field) => [field, data[field]]),
  );
}

/** `data` with each identity value that differs from the entry's current one withheld (above). */
function withheld(data: Fields, current: Fields): Fields | undefined {
  const replaced = IDENTITY_FIELDS.filter(
    (field) => field in data && field in current && data[field] !== current[field],
  );
  if (replaced.length === 0) return undefined;
  const shown = (field: string): unknown => (MARKED_FIELDS.includes(field) ? CORRECTED : current[field]);
  return { ...data, ...Object.fromEntries(replaced.map((field) => [field, shown(field)])) };
}

/** The events with every corrected-away identity value withheld; events without one are returned as they are. */
export function withoutCorrectedIdentity<E extends EventLike>(events: readonly E[]): E[] {
  const current = currentIdentity(events);
  if (current.size === 0) return [...events];
  return events.map((event) => {
    const data = event.data as Fields;
    const ownCurrent = current.get(event.id);
    if (ownCurrent) {
      const shown = withheld(data, ownCurrent);
      return shown ? { ...event, data: shown } : event;
    }
    if (event.type !== 'EntryAmended') return event;
    const targetCurrent = current.get(String(data['correctedEventId']));
    const amended = data['amendedData'];
    if (!targetCurrent || amended === null || typeof amended !== 'object') return event;
    const shown = withheld(amended as Fields, targetCurrent);
    return shown ? { ...event, data: { ...data, amendedData: shown } } : event;
  });
}

/**
 * What is wrong with a version history (JOURNEY_SCHEMAS or a spec's own): a version that is not a
 * whole number >= 1, a missing or extra upcaster, a type raised with no version-1 example to run
 * its upcasters on, or an upcaster that is not pure (it must return new data and leave its input
 * as it was). Checked on the real table by journey-schemas.spec.ts, so raising a version without
 * every upcaster fails a spec instead of a read in production (`no-upcaster`).
 */
import type { JourneySchemas } from '../event-schema';

type Data = Record<string, unknown>;

function deepFrozen<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) deepFrozen(item);
    Object.freeze(value);
  }
  return value;
}

/** Runs one upcaster on a frozen copy of `data`; says what is wrong, or gives its output. */
function runPure(upcast: (data: Data) => Data, data: Data): { problem: string } | { output: Data } {
  const input = deepFrozen(structuredClone(data));
  let output: Data;
  try {
    output = upcast(input);
  } catch (error) {
    return { problem: `throws on the example (${(error as Error).message}); it must not change its input` };
  }
  if (output === input) return { problem: 'returns its input; it must return new data' };
  if (output === null || typeof output !== 'object') return { problem: 'does not return an object' };
  return { output };
}

export function schemaHistoryProblems(
  schemas: JourneySchemas,
  examples: Partial<Record<string, Data>>,
): string[] {
  const problems: string[] = [];
  for (const [type, current] of Object.entries(schemas.current)) {
    if (typeof current !== 'number' || !Number.isInteger(current) || current < 1) {
      problems.push(`${type}: current version ${String(current)} is not a whole number >= 1`);
      continue;
    }
    const upcasters = schemas.upcasters[type as keyof typeof schemas.upcasters] ?? {};
    for (const from of Object.keys(upcasters).map(Number))
      if (!(from >= 1 && from < current))
        problems.push(`${type}: upcaster from ${from} is outside 1..${current - 1}`);
    if (current === 1) continue;
    let data = examples[type];
    if (!data)
      problems.push(`${type}: no version-1 example to run its upcasters on (testing/schema-examples.ts)`);
    for (let from = 1; from < current; from++) {
      const upcast = upcasters[from];
      if (!upcast) {
        problems.push(`${type}: no upcaster from ${from} to ${from + 1}`);
        data = undefined;
        continue;
      }
      if (!data) continue;
      const ran = runPure(upcast, data);
      if ('problem' in ran) problems.push(`${type}: upcaster from ${from} ${ran.problem}`);
      data = 'output' in ran ? ran.output : undefined;
    }
  }
  for (const type of Object.keys(schemas.upcasters))
    if (!(type in schemas.current)) problems.push(`${type}: has upcasters but no current version above 1`);
  return problems;
}

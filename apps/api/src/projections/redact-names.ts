import { mayReadPersonalData } from '../auth/personal-data';
import type { Role } from '@care-journey/access';

/** Children's names go only to roles that may read personal data; reporting jobs get references. */
export function forRole<T>(value: T, role: Role): T {
  return mayReadPersonalData(role) ? value : (withoutNames(value) as T);
}

function withoutNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNames);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'name')
      .map(([key, v]) => [key, withoutNames(v)]),
  );
}

/**
 * Colours and patterns of the timeline. Every placement family has a pattern as well as a colour,
 * and every bar carries its code as text, so colour never carries meaning alone.
 */
export interface Swatch {
  key: string;
  label: string;
  colour: string;
  /** Id of an SVG <pattern> laid over the colour, or undefined for solid. */
  pattern?: string;
}

export const PLACEMENT_SWATCHES: Swatch[] = [
  { key: 'foster', label: 'Foster care (U1–U6)', colour: '#1d70b8' },
  { key: 'adoption', label: 'Placed for adoption (A3–A6)', colour: '#0f7a52', pattern: 'cj-stripes' },
  {
    key: 'residential',
    label: "Children's home or residential (K, R, S, H)",
    colour: '#b58840',
    pattern: 'cj-cross',
  },
  {
    key: 'parents',
    label: 'With parents or person with parental responsibility (P)',
    colour: '#6f72af',
    pattern: 'cj-dots',
  },
  { key: 'other', label: 'Other placement', colour: '#505a5f', pattern: 'cj-lines' },
];

export const TEMPORARY_SWATCH: Swatch = {
  key: 'temporary',
  label: 'Temporary stay (T0–T4)',
  colour: '#cecece',
  pattern: 'cj-dots',
};
export const MISSING_SWATCH: Swatch = {
  key: 'missing',
  label: 'Missing (M) or away (A)',
  colour: '#ca3535',
  pattern: 'cj-stripes',
};

export function placementSwatch(placementType: string): Swatch {
  const family = placementType.startsWith('U')
    ? 'foster'
    : placementType.startsWith('A')
      ? 'adoption'
      : /^[KRSH]/.test(placementType)
        ? 'residential'
        : placementType.startsWith('P')
          ? 'parents'
          : 'other';
  return PLACEMENT_SWATCHES.find((s) => s.key === family) ?? PLACEMENT_SWATCHES[4];
}

/** Legal status bands: the code is always written on or beside the band. */
export function legalStatusColour(code: string): string {
  if (code.startsWith('C')) return '#f499be';
  if (code === 'E1' || code === 'D1') return '#85994b';
  if (code.startsWith('V')) return '#8eb8dc';
  if (code.startsWith('J')) return '#b58840';
  return '#cecece';
}

/** Fill patterns, defined once per SVG. Dark strokes at low opacity read on every colour above. */
export const PATTERN_DEFS = `<defs>
<pattern id="cj-stripes" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="none"/><line x1="0" y1="0" x2="0" y2="8" stroke="#fff" stroke-width="3" stroke-opacity="0.55"/></pattern>
<pattern id="cj-cross" width="8" height="8" patternUnits="userSpaceOnUse"><path d="M0 0L8 8M8 0L0 8" stroke="#fff" stroke-width="1.5" stroke-opacity="0.7"/></pattern>
<pattern id="cj-dots" width="6" height="6" patternUnits="userSpaceOnUse"><circle cx="3" cy="3" r="1.4" fill="#fff" fill-opacity="0.8"/></pattern>
<pattern id="cj-lines" width="6" height="6" patternUnits="userSpaceOnUse"><line x1="0" y1="3" x2="6" y2="3" stroke="#fff" stroke-width="1.5" stroke-opacity="0.6"/></pattern>
</defs>`;

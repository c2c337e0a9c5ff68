import { addDays, daysBetween, type CalendarDate } from '@care-journey/journey';
import type { DriftFlag, DueSoonWarning, JourneySummary } from '@care-journey/projections';
import { dueWords, flagDate, openFlagStatus } from '../html/flag-words';
import { formatDate } from '../html/format';
import { html, raw, type SafeHtml } from '../html/html';
import { eventLabel, ROUTE_TEXT } from './event-labels';
import {
  legalStatusColour,
  MISSING_SWATCH,
  PATTERN_DEFS,
  placementSwatch,
  TEMPORARY_SWATCH,
} from './timeline-palette';

/** What the timeline needs besides the summary. */
export interface TimelineInput {
  summary: JourneySummary;
  end: CalendarDate;
  flags: readonly DriftFlag[];
  dueSoon: readonly DueSoonWarning[];
  /** Entry ids that a correction touched: their marks get a ring and an asterisk. */
  corrected: ReadonlySet<string>;
}

const WIDTH = 1000;
const LEFT = 130;
const RIGHT = 15;
const LANES = {
  care: 30,
  legal: 58,
  placement: 92,
  temporary: 128,
  events: 158,
  flags: 192,
  axis: 222,
} as const;
const HEIGHT = 245;

interface Scale {
  x(date: CalendarDate): number;
  start: CalendarDate;
  end: CalendarDate;
}

function scaleFor(summary: JourneySummary, end: CalendarDate): Scale {
  const first = summary.periods[0]?.start ?? summary.allocations[0]?.date ?? addDays(end, -365);
  const start = addDays(first, -14);
  const finish = addDays(end > first ? end : addDays(first, 30), 14);
  const span = Math.max(1, daysBetween(start, finish));
  return {
    start,
    end: finish,
    x: (date) =>
      LEFT + ((WIDTH - LEFT - RIGHT) * Math.min(span, Math.max(0, daysBetween(start, date)))) / span,
  };
}

/**
 * A bar with its label inside when it fits; the <title> and link say it all for any width. The
 * title contains the label as drawn (WCAG 2.5.3 label in name: a voice-control user says what they see).
 */
function bar(
  s: Scale,
  from: CalendarDate,
  to: CalendarDate,
  y: number,
  h: number,
  fill: string,
  pattern: string | undefined,
  label: string,
  title: string,
  href?: string,
): SafeHtml {
  const x = s.x(from);
  const w = Math.max(2, s.x(to) - x);
  const shape = html`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${h}" fill="${fill}" stroke="#0b0c0c" stroke-width="0.5"/>${
    pattern
      ? html`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${h}" fill="url(#${pattern})"/>`
      : ''
  }${w > label.length * 7 + 6 ? html`<text x="${(x + 4).toFixed(1)}" y="${y + h / 2 + 4}" class="cj-bar-label" paint-order="stroke" stroke="#fff" stroke-width="3">${label}</text>` : ''}<title>${title}</title>`;
  return href ? html`<a href="${href}" aria-label="${title}">${shape}</a>` : shape;
}

type MarkShape = 'circle' | 'diamond' | 'square' | 'triangle' | 'flag' | 'warning';

/** Shapes differ by kind of event, so the legend works without colour too. */
export function markPath(shape: MarkShape, x: number, y: number): string {
  const r = 6;
  switch (shape) {
    case 'circle':
      return `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
    case 'diamond':
      return `M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z`;
    case 'square':
      return `M${x - r + 1} ${y - r + 1}h${2 * r - 2}v${2 * r - 2}h${-2 * r + 2}Z`;
    case 'triangle':
      return `M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z`;
    case 'flag':
      return `M${x - r - 1} ${y - r}L${x + r + 1} ${y - r}L${x} ${y + r + 1}Z`;
    case 'warning':
      return `M${x - r} ${y - r}L${x + r} ${y - r}L${x} ${y + r}Z`;
  }
}

export const MARK_COLOURS: Record<MarkShape, string> = {
  circle: '#1d70b8',
  diamond: '#4c2c92',
  square: '#0f7a52',
  triangle: '#f47738',
  flag: '#ca3535',
  warning: '#ffdd00',
};

function mark(
  s: Scale,
  date: CalendarDate,
  y: number,
  shape: MarkShape,
  title: string,
  href: string | undefined,
  corrected: boolean,
): SafeHtml {
  const x = s.x(date);
  const body = html`<path d="${markPath(shape, x, y)}" fill="${MARK_COLOURS[shape]}" stroke="#0b0c0c" stroke-width="1"/>${
    corrected
      ? html`<circle cx="${x}" cy="${y}" r="10" fill="none" stroke="#0b0c0c" stroke-width="1.5" stroke-dasharray="3 2"/><text x="${x + 8}" y="${y - 8}" class="cj-corrected">*</text>`
      : ''
  }<title>${title}${corrected ? ' (corrected)' : ''}</title>`;
  return href
    ? html`<a href="${href}" aria-label="${title}${corrected ? ' (corrected)' : ''}">${body}</a>`
    : body;
}

function axis(s: Scale): SafeHtml {
  const ticks: SafeHtml[] = [];
  const startYear = Number(s.start.slice(0, 4));
  const endYear = Number(s.end.slice(0, 4));
  const quarterly = endYear - startYear < 3;
  for (let year = startYear; year <= endYear + 1; year++) {
    for (const month of quarterly ? ['01', '04', '07', '10'] : ['01']) {
      const date = `${year}-${month}-01`;
      if (date < s.start || date > s.end) continue;
      const x = s.x(date);
      const label = month === '01' ? String(year) : formatDate(date).split(' ').slice(1, 2)[0].slice(0, 3);
      ticks.push(
        html`<line x1="${x}" x2="${x}" y1="18" y2="${LANES.axis}" stroke="#b1b4b6" stroke-width="${month === '01' ? 1 : 0.5}"/><text x="${x + 2}" y="${LANES.axis + 14}">${label}</text>`,
      );
    }
  }
  return html`<g class="cj-axis" aria-hidden="true">${ticks}</g>`;
}

const entryHref = (eventId: string | undefined) => (eventId ? `#entry-${eventId}` : undefined);

/**
 * The journey drawn as inline SVG: care periods, legal status bands, placements by type, temporary
 * stays and missing episodes, then marks for reviews, plans, audits and adoption steps, and the
 * due dates of open flags. Everything drawn is also in the tables below it.
 */
export function timelineSvg({ summary, end, flags, dueSoon, corrected }: TimelineInput): SafeHtml {
  const s = scaleFor(summary, end);
  const isCorrected = (id: string | undefined) => (id ? corrected.has(id) : false);
  const parts: SafeHtml[] = [];
  for (const period of summary.periods) {
    const periodEnd = period.end ?? end;
    parts.push(
      bar(
        s,
        period.start,
        periodEnd,
        LANES.care - 10,
        16,
        '#f3f2f1',
        undefined,
        `Looked after from ${formatDate(period.start)}`,
        `Looked after from ${formatDate(period.start)} to ${period.end ? `${formatDate(period.end)} (${period.endReason ?? ''})` : 'now'}`,
        entryHref(period.startEventId),
      ),
    );
    period.legalStatuses.forEach((ls, i) => {
      const to = period.legalStatuses[i + 1]?.date ?? periodEnd;
      parts.push(
        bar(
          s,
          ls.date,
          to,
          LANES.legal - 10,
          18,
          legalStatusColour(ls.code),
          undefined,
          ls.code,
          `Legal status ${ls.code} from ${formatDate(ls.date)}`,
          entryHref(ls.eventId),
        ),
      );
    });
    for (const run of period.placements) {
      run.types.forEach((t, i) => {
        const to = run.types[i + 1]?.date ?? run.end ?? periodEnd;
        const sw = placementSwatch(t.placementType);
        parts.push(
          bar(
            s,
            t.date,
            to,
            LANES.placement - 14,
            26,
            sw.colour,
            sw.pattern,
            t.placementType,
            `Placement ${t.placementType} from ${formatDate(t.date)}${isCorrected(t.eventId) ? ' (corrected)' : ''}`,
            entryHref(t.eventId),
          ),
        );
      });
      for (const stay of run.temporaryStays) {
        parts.push(
          bar(
            s,
            stay.start,
            stay.end ?? periodEnd,
            LANES.temporary - 12,
            10,
            TEMPORARY_SWATCH.colour,
            TEMPORARY_SWATCH.pattern,
            stay.placementType,
            `Temporary stay ${stay.placementType} from ${formatDate(stay.start)}`,
            entryHref(stay.eventId),
          ),
        );
      }
    }
    for (const spell of period.missing) {
      parts.push(
        bar(
          s,
          spell.start,
          spell.end ?? periodEnd,
          LANES.temporary,
          10,
          MISSING_SWATCH.colour,
          MISSING_SWATCH.pattern,
          spell.kind,
          `${spell.kind === 'M' ? 'Missing' : 'Away without authorisation'} (${spell.kind}) from ${formatDate(spell.start)}${spell.end ? ` to ${formatDate(spell.end)}` : ''}`,
          entryHref(spell.eventId),
        ),
      );
    }
    for (const review of period.reviews)
      parts.push(
        mark(
          s,
          review.date,
          LANES.events,
          'circle',
          `Review held ${formatDate(review.date)}`,
          entryHref(review.eventId),
          isCorrected(review.eventId),
        ),
      );
    for (const plan of period.plans)
      parts.push(
        mark(
          s,
          plan.date,
          LANES.events,
          'diamond',
          `Plan: ${ROUTE_TEXT[plan.route] ?? plan.route}, ${formatDate(plan.date)}`,
          entryHref(plan.eventId),
          isCorrected(plan.eventId),
        ),
      );
    for (const audit of period.audits)
      parts.push(
        mark(
          s,
          audit.date,
          LANES.events,
          'square',
          `Going-home audit ${formatDate(audit.date)}`,
          entryHref(audit.eventId),
          isCorrected(audit.eventId),
        ),
      );
    const a = period.adoption;
    const steps = [
      ...a.decisions.map((f) => ({ ...f, type: 'AdoptionDecisionMade' })),
      ...a.reversals.map((f) => ({ ...f, type: 'AdoptionDecisionReversed' })),
      ...a.placementOrders.map((f) => ({ ...f, type: 'PlacementOrderGranted' })),
      ...a.consents.map((f) => ({ ...f, type: 'AdoptionConsentGiven' })),
      ...a.matches.map((f) => ({ ...f, type: 'MatchedWithAdopters' })),
      ...a.placements.map((f) => ({ ...f, type: 'PlacedForAdoption' })),
      ...(a.order ? [{ ...a.order, type: 'AdoptionOrderGranted' }] : []),
    ];
    for (const step of steps)
      parts.push(
        mark(
          s,
          step.date,
          LANES.events,
          'triangle',
          `${eventLabel(step.type)} ${formatDate(step.date)}`,
          entryHref(step.eventId),
          isCorrected(step.eventId),
        ),
      );
  }
  for (const f of flags)
    parts.push(
      mark(
        s,
        flagDate(f),
        LANES.flags,
        'flag',
        `${f.ruleId} ${f.title}${dueWords(f)}: ${openFlagStatus(f)}`,
        `#flag-${f.ruleId}-${f.key}`,
        false,
      ),
    );
  for (const w of dueSoon)
    parts.push(
      mark(
        s,
        w.dueDate,
        LANES.flags,
        'warning',
        `${w.ruleId} ${w.title}: due ${formatDate(w.dueDate)}`,
        `#flag-${w.ruleId}-${w.key}`,
        false,
      ),
    );
  const asAtX = s.x(end);
  const laneLabels: [number, string][] = [
    [LANES.care, 'Care'],
    [LANES.legal, 'Legal status'],
    [LANES.placement, 'Placement'],
    [LANES.temporary, 'Away / missing'],
    [LANES.events, 'Steps'],
    [LANES.flags, 'Flags due'],
  ];
  return html`<svg class="cj-timeline" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="group" aria-labelledby="timeline-title" id="timeline">
    <title id="timeline-title">Journey timeline from ${formatDate(s.start)} to ${formatDate(end)}; the same facts are listed in the tables below</title>
    ${raw(PATTERN_DEFS)}
    ${axis(s)}
    ${laneLabels.map(([y, text]) => html`<text x="4" y="${y + 4}" class="cj-lane-label">${text}</text>`)}
    ${parts}
    <line x1="${asAtX}" x2="${asAtX}" y1="12" y2="${LANES.axis}" stroke="#0b0c0c" stroke-width="2" stroke-dasharray="6 3"/>
    <text x="${Math.min(asAtX + 4, WIDTH - 150)}" y="12" font-weight="700">As at ${formatDate(end)}</text>
  </svg>`;
}

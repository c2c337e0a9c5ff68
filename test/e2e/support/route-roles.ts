import { ROLES, type Role } from '@care-journey/access';

const ALL_ROLES = ROLES;

/**
 * Who may call a route. 'public': no token needed. A list of roles: those are admitted, any
 * other role gets 403 and no token gets 401. The object form is for pages that answer a
 * missing or wrong session differently (e.g. a redirect to the login page).
 */
export type RouteExpectation =
  | 'public'
  | readonly Role[]
  | { roles: readonly Role[]; anonymousStatus?: number; forbiddenStatus?: number }
  /** Open to all, but the route itself may answer this status to bad input (e.g. wrong credentials: 401). */
  | { public: true; ownRefusal: number };

/**
 * The role expectation of EVERY route the API registers, keyed "METHOD /path" as Fastify
 * registers it. The role-matrix test fails for a route missing here, so adding a route means
 * deciding who may call it.
 */
export const ROUTE_ROLES: Record<string, RouteExpectation> = {
  // Documentation and health: open.
  'GET /docs': 'public',
  'GET /docs/': 'public',
  'GET /docs/*': 'public',
  'GET /docs/index.html': 'public',
  'GET /docs/LICENSE': 'public',
  'GET /docs/swagger-ui-init.js': 'public',
  'GET /docs/docs/swagger-ui-init.js': 'public',
  'GET /docs-json': 'public',
  'GET /docs-yaml': 'public',
  'GET /health': 'public',
  'GET /health/ready': 'public',

  // Children: recording is for social workers (and admin); reading is wider.
  'POST /children': ['social_worker', 'admin'],
  // Find a child by name or reference: the roles that see who the child is (not reporting jobs).
  'GET /children': ['social_worker', 'panel_member', 'auditor', 'admin'],
  'GET /children/:id': ['social_worker', 'panel_member', 'auditor', 'reporting_job', 'admin'],
  'GET /children/:id/events': ['social_worker', 'auditor', 'admin'],
  'POST /children/:id/periods-of-care': ['social_worker', 'admin'],
  'POST /children/:id/periods-of-care/end': ['social_worker', 'admin'],
  'POST /children/:id/legal-status': ['social_worker', 'admin'],
  'POST /children/:id/allocation': ['social_worker', 'admin'],
  'POST /children/:id/placement-changes': ['social_worker', 'admin'],
  'POST /children/:id/temporary-placements': ['social_worker', 'admin'],
  'POST /children/:id/temporary-placements/end': ['social_worker', 'admin'],
  'POST /children/:id/missing-episodes': ['social_worker', 'admin'],
  'POST /children/:id/missing-episodes/end': ['social_worker', 'admin'],
  'POST /children/:id/reviews': ['social_worker', 'admin'],
  'POST /children/:id/permanence-plan': ['social_worker', 'admin'],
  'POST /children/:id/health-outcomes': ['social_worker', 'admin'],
  'POST /children/:id/care-leaver-contacts': ['social_worker', 'admin'],
  'POST /children/:id/going-home-audits': ['social_worker', 'admin'],
  'POST /children/:id/visits': ['social_worker', 'admin'],
  'POST /children/:id/adoption/decision': ['social_worker', 'admin'],
  'POST /children/:id/adoption/placement-order': ['social_worker', 'admin'],
  'POST /children/:id/adoption/consent': ['social_worker', 'admin'],
  'POST /children/:id/adoption/reversal': ['social_worker', 'admin'],
  'POST /children/:id/adoption/match': ['social_worker', 'admin'],
  'POST /children/:id/adoption/placement': ['social_worker', 'admin'],
  'POST /children/:id/adoption/order': ['social_worker', 'admin'],
  'POST /children/:id/corrections/amend': ['social_worker', 'admin'],
  'POST /children/:id/corrections/retract': ['social_worker', 'admin'],
  'POST /children/:id/corrections/retract-registration': ['admin'],

  // Audit (apps/api/src/audit): history and chronology for case readers; integrity and bundles for auditors.
  'GET /children/:id/history': ['social_worker', 'panel_member', 'auditor', 'admin'],
  'GET /children/:id/history/diff': ['social_worker', 'panel_member', 'auditor', 'admin'],
  'GET /children/:id/chronology': ['social_worker', 'panel_member', 'auditor', 'admin'],
  'GET /children/:id/verify': ['auditor', 'admin'],
  'GET /children/:id/bundle': ['auditor', 'admin'],
  'GET /audit/access-log': ['auditor', 'admin'],
  // The authority's drift report as known at an instant: replays the whole unredacted log (audit work).
  'GET /audit/drift-report': ['auditor', 'admin'],

  // Projections (apps/api/src/projections): aggregate reports for readers and reporting jobs; per-child flags for case readers.
  // The drift report: every role, as on the panel's drift page (one rule for both; no names for reporting jobs).
  'GET /drift': ALL_ROLES,
  'GET /drift-report': ALL_ROLES,
  'GET /children/:id/flags': ['social_worker', 'panel_member', 'auditor', 'admin'],
  // Stability, permanence and the scorecard: every role, as on the panel's measures pages (one list per
  // measure, web/measures/measure-readers.ts; no names for reporting jobs).
  'GET /stability': ALL_ROLES,
  'GET /permanence': ALL_ROLES,
  'GET /scorecard': ALL_ROLES,

  // Authority measures (apps/api/src/authority): monthly series for every reader; children behind them without names for reporting jobs.
  'GET /measures': ALL_ROLES,
  'GET /measures/as-at': ALL_ROLES,
  'GET /measures/settings': ALL_ROLES,
  'GET /measures/:measure/children': ALL_ROLES,
  // The what-if of a change in mix: figures only (no child named or listed), so every role, as the series.
  'GET /measures/what-if': ALL_ROLES,
  'POST /admin/rebuild': ['admin'],
  'GET /admin/rebuild': ['admin'],
  'GET /admin/projections': ['admin'],
  'POST /admin/child-refs/:childRef/release': ['admin'],
  'POST /admin/upns/release': ['admin'],
  'GET /health/projections': 'public',

  // Web pages (apps/api/src/web): a missing session redirects to the login page (303).
  'GET /login': 'public',
  // The accessibility statement: anyone may read it (PSBAR 2018), signed in or not.
  'GET /accessibility': 'public',
  'POST /login': { public: true, ownRefusal: 401 },
  'POST /logout': { roles: ALL_ROLES, anonymousStatus: 303 },
  // "Stay signed in" (the pages' session warning): JSON for the page's script, so no session is a 401.
  // An API client's token is admitted by the guard and refused by the route (400: not a page session).
  'POST /session/extend': ALL_ROLES,
  'GET /panel': { roles: ALL_ROLES, anonymousStatus: 303 },
  'GET /panel/drift': { roles: ALL_ROLES, anonymousStatus: 303 },
  'GET /panel/drift.csv': { roles: ALL_ROLES, anonymousStatus: 303 },
  // The measures page and the children behind an indicator: the roles of /stability, /permanence, /scorecard.
  'GET /panel/measures': { roles: ALL_ROLES, anonymousStatus: 303 },
  'GET /panel/measures/:indicator': { roles: ALL_ROLES, anonymousStatus: 303 },
  // Find a child by name: the roles that see who the child is (not reporting jobs).
  'GET /panel/children': {
    roles: ['social_worker', 'panel_member', 'auditor', 'admin'],
    anonymousStatus: 303,
  },
  // The same search sent by the form (POST, review s15 F8): the same roles.
  'POST /panel/children': {
    roles: ['social_worker', 'panel_member', 'auditor', 'admin'],
    anonymousStatus: 303,
  },
  'GET /panel/children/:id': { roles: ALL_ROLES, anonymousStatus: 303 },
  // The auditors' page of the same report as known at an instant.
  'GET /panel/audit/drift': { roles: ['auditor', 'admin'], anonymousStatus: 303 },
  'GET /panel/audit/drift.csv': { roles: ['auditor', 'admin'], anonymousStatus: 303 },
  // The auditors' pages of the read-access trail: the roles of GET /audit/access-log.
  'GET /panel/audit/access-log': { roles: ['auditor', 'admin'], anonymousStatus: 303 },
  'GET /panel/audit/access-log.csv': { roles: ['auditor', 'admin'], anonymousStatus: 303 },
  // The leaving care team's worklist: the roles that record the contact (web/leaving-care/leaving-care-readers.ts).
  'GET /panel/leaving-care': { roles: ['social_worker', 'admin'], anonymousStatus: 303 },
  'GET /panel/leaving-care.csv': { roles: ['social_worker', 'admin'], anonymousStatus: 303 },
  // The service's address (to the panel's first page) and the "Page not found" page under /panel.
  'GET /': { roles: ALL_ROLES, anonymousStatus: 303 },
  'GET /panel/*': { roles: ALL_ROLES, anonymousStatus: 303 },
  // Record forms: the roles that record through the API (social workers and admins).
  'GET /panel/children/:id/record/:form': { roles: ['social_worker', 'admin'], anonymousStatus: 303 },
  'POST /panel/children/:id/record/:form': { roles: ['social_worker', 'admin'], anonymousStatus: 303 },
  'GET /panel/children/new': { roles: ['social_worker', 'admin'], anonymousStatus: 303 },
  'GET /panel/children/:id/withdraw-registration': { roles: ['admin'], anonymousStatus: 303 },
  'POST /panel/children/:id/withdraw-registration': { roles: ['admin'], anonymousStatus: 303 },
  'POST /panel/children/new': { roles: ['social_worker', 'admin'], anonymousStatus: 303 },
  'GET /assets/*': 'public',
  'GET /assets/govuk/*': 'public',
  'GET /assets/chart.js/*': 'public',
  'GET /assets/app/:file': 'public',

  // Reporting (apps/api/src/reporting): the 903 return, and the raw event feed (no identifiers for reporting jobs).
  'GET /exports/903': ['reporting_job', 'admin'],
  'GET /events': ['reporting_job', 'auditor', 'admin'],
  'GET /exports/read-models/:name': ['reporting_job', 'auditor', 'admin'],
  'GET /feed': ['reporting_job', 'panel_member', 'auditor', 'admin'],
};

export interface NormalExpectation {
  public: boolean;
  /** For public routes: a 401/403 the route itself may give (not the guard). */
  ownRefusal?: number;
  roles: readonly Role[];
  anonymousStatus: number;
  forbiddenStatus: number;
}

/** The expectation in one shape. */
export function normalise(expectation: RouteExpectation): NormalExpectation {
  const open = { public: true, roles: [], anonymousStatus: 0, forbiddenStatus: 0 };
  if (expectation === 'public') return open;
  if (isRoleList(expectation))
    return { public: false, roles: expectation, anonymousStatus: 401, forbiddenStatus: 403 };
  if ('public' in expectation) return { ...open, ownRefusal: expectation.ownRefusal };
  const { roles, anonymousStatus = 401, forbiddenStatus = 403 } = expectation;
  return { public: false, roles, anonymousStatus, forbiddenStatus };
}

const isRoleList = (expectation: RouteExpectation): expectation is readonly Role[] =>
  Array.isArray(expectation);

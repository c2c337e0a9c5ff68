// Jest setupFiles of the e2e and fault suites. Their specs were written before social workers were
// scoped to their teams (the authority setting socialWorkerScope, default "team"): they record and read
// with social_worker tokens for ids that are not in any users file, on children of any team. They run
// with the explicit opt-out, "authority", unless a spec sets CARE_JOURNEY_AUTHORITY itself; the team
// scope has its own specs (test/e2e/social-worker-scope.e2e.spec.ts), which set it around their app.
if (process.env.CARE_JOURNEY_AUTHORITY === undefined)
  process.env.CARE_JOURNEY_AUTHORITY = JSON.stringify({ socialWorkerScope: 'authority' });

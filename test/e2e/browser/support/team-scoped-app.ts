import { startTestApp, type TestApp } from '../../support/test-app';
import { withEnv } from '../../support/with-env';

/**
 * The app with the authority's team scope (the e2e set-up opts out of it): the demo's sw.demo
 * works in Children in Care North only, sw.other.demo in the other teams.
 */
export const startTeamScopedApp = (): Promise<TestApp> =>
  withEnv({ CARE_JOURNEY_AUTHORITY: JSON.stringify({ socialWorkerScope: 'team' }) }, () => startTestApp());

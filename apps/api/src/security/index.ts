export * from './security';
export { SECURITY_HEADERS } from './security-headers';
export { DEFAULT_JSON_LIMITS, findJsonProblem, type JsonGuardLimits } from './json-guard';
export { DEFAULT_LOGIN_RATE_LIMITS, type LoginRateLimits } from './login-rate-limit';
export {
  DEFAULT_LIST_READ_LIMITS,
  LIST_READ_LIMIT_VARIABLE,
  LIST_READ_ROUTES,
  listReadLimitsFromEnv,
} from './list-read-rate-limit';
export { ListReadRateLimitGuard } from './list-read-rate-limit.guard';

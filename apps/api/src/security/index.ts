export * from './security';
export { SECURITY_HEADERS } from './security-headers';
export { DEFAULT_JSON_LIMITS, findJsonProblem, type JsonGuardLimits } from './json-guard';
export { DEFAULT_LOGIN_RATE_LIMITS, type LoginRateLimits } from './login-rate-limit';

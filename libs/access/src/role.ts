/** Who may do what. Every endpoint names the roles it admits (see roles.decorator.ts). */
export const ROLES = ['social_worker', 'panel_member', 'auditor', 'reporting_job', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

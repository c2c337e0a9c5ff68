import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { USER_REQUEST_KEY } from '../../auth/current-user.decorator';
import type { Role } from '@care-journey/access';

/** Every role reads the panel pages; reporting jobs see them without names. */
export const PAGE_READERS: [Role, ...Role[]] = [
  'social_worker',
  'panel_member',
  'auditor',
  'reporting_job',
  'admin',
];

/** The record forms: the roles the API lets record events (social workers, and admins as they may everything a social worker may). */
export const FORM_RECORDERS: [Role, ...Role[]] = ['social_worker', 'admin'];

/** The user the global guard put on the request, when there is one (error pages use it for the header). */
export const requestUser = (request: FastifyRequest): AuthenticatedUser | undefined =>
  (request as unknown as Record<string, AuthenticatedUser | undefined>)[USER_REQUEST_KEY];

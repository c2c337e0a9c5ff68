import type { Provider } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { RequestHasher } from './idempotency';

/** Keyed request hashes under the API's token secret (idempotency.ts says why and how). */
export const requestHasherProvider: Provider = {
  provide: RequestHasher,
  useFactory: (config: ApiConfig) => new RequestHasher(config.jwtSecret),
  inject: [API_CONFIG],
};

import { Injectable } from '@nestjs/common';
import { isoNow } from './iso-now';

/** The recording clock (the domain has none); a provider so tests can pin time. */
@Injectable()
export class Clock {
  now(): string {
    return isoNow();
  }
}

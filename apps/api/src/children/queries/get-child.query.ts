import { Query } from '@nestjs/cqrs';
import type { ChildView } from './child-view';

export class GetChildQuery extends Query<ChildView> {
  constructor(
    readonly childId: string,
    /** Whether the caller's role may see name, date of birth, UPN and home postcode. */
    readonly includePersonalData: boolean,
  ) {
    super();
  }
}

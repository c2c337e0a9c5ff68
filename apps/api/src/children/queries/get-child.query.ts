import { Query } from '@nestjs/cqrs';
import type { PersonalDataView } from '../../auth/personal-data';
import type { ChildView } from './child-view';

export class GetChildQuery extends Query<ChildView> {
  constructor(
    readonly childId: string,
    /** How much of the child's personal data the caller's role sees. */
    readonly personalData: PersonalDataView,
  ) {
    super();
  }
}

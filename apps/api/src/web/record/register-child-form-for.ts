import { Injectable } from '@nestjs/common';
import { dateOfInstant } from '@care-journey/journey';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ChildScope } from '../../auth/child-scope/child-scope';
import { AllocationNames } from '../../children/allocation/allocation-names';
import { Clock } from '../../infrastructure/clock';
import { allocationFormWithChoices } from './allocation-form';
import type { RecordForm } from './form-definitions';
import { formOnDate } from './form-on-date';
import { REGISTER_CHILD_FORM } from './register-child.form';

/**
 * The registration form as a user gets it, wherever it is shown (first, after an error, or sent back
 * after the session changed, register-session-changed.filter.ts): the codes in force today
 * (withdrawn codes are not offered), and the authority's teams and social workers to choose from,
 * as the allocation form offers them; a social worker scoped to their teams (socialWorkerScope
 * "team") is offered only those. One place, so no render of it lacks its drop-downs.
 */
@Injectable()
export class RegisterChildFormFor {
  constructor(
    private readonly clock: Clock,
    private readonly allocationNames: AllocationNames,
    private readonly scope: ChildScope,
  ) {}

  form(user: AuthenticatedUser): RecordForm {
    const onDate = formOnDate(REGISTER_CHILD_FORM, dateOfInstant(this.clock.now()));
    const known = this.allocationNames.known();
    return allocationFormWithChoices(onDate, { ...known, teams: this.scope.registrationTeams(user) });
  }
}

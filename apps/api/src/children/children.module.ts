import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RefusalTrail } from '../auth/child-scope/refusal-trail';
import { UserTeamScopes } from '../auth/child-scope/user-team-scopes';
import { authorityConfigProvider } from '../authority/authority.providers';
import { AllocationNames } from './allocation/allocation-names';
import { AmendedChildRefReservation } from './commands/amended-child-ref.reservation';
import { AmendedUpnReservation } from './commands/amended-upn.reservation';
import { AmendmentHolds } from './commands/amendment-holds';
import { AmendmentPreconditions } from './commands/amendment-preconditions';
import { BeforeAppend } from './commands/before-append';
import { KeptFoldAttempt } from './commands/kept-fold.attempt';
import { ReadDecideAppend } from './commands/read-decide-append';
import { JourneyCommandSender } from './commands/journey-command.sender';
import { RecordJourneyHandler } from './commands/record-journey.handler';
import { SchemaWriteGate } from './commands/schema-write.gate';
import { AdoptionController } from './http/adoption.controller';
import { CareController } from './http/care.controller';
import { ChildrenController } from './http/children.controller';
import { CorrectionsController } from './http/corrections.controller';
import { PlacementsController } from './http/placements.controller';
import { PlanningController } from './http/planning.controller';
import { OutcomesController } from './http/outcomes.controller';
import { ChildViewPresenter } from './queries/child-view.presenter';
import { GetChildEventsHandler } from './queries/get-child-events.handler';
import { GetChildHandler } from './queries/get-child.handler';
import { NextReviewDue } from './queries/next-review-due';
import { EventEnvelopeFactory } from './recording/event-envelope.factory';
import { JourneyRepository } from './recording/journey.repository';
import { RegistrationHolds } from './recording/registration-holds';
import { requestHasherProvider } from './recording/request-hasher.provider';

/** Recording a child's journey (commands) and reading it back (queries). */
@Module({
  imports: [AuditModule],
  controllers: [
    ChildrenController,
    CareController,
    PlacementsController,
    PlanningController,
    AdoptionController,
    CorrectionsController,
    OutcomesController,
  ],
  providers: [
    // The authority's teams, which a new allocation must name (AllocationNames).
    authorityConfigProvider,
    AllocationNames,
    // Each command carries its sender's scope, judged by the handler on the state it decides on.
    UserTeamScopes,
    // What the sender records in the trail when the handler refuses a command on the decided state.
    RefusalTrail,
    JourneyCommandSender,
    requestHasherProvider,
    // The handler and its steps: the kept fold first, else a fresh read; both check an amendment
    // before deciding and pass the schema gate and the amendment's holds before appending.
    RecordJourneyHandler,
    KeptFoldAttempt,
    ReadDecideAppend,
    AmendmentPreconditions,
    BeforeAppend,
    AmendmentHolds,
    // CARE_JOURNEY_SCHEMA_WRITES=held: a new schema version is not written until the log holds it.
    SchemaWriteGate,
    AmendedChildRefReservation,
    AmendedUpnReservation,
    GetChildHandler,
    GetChildEventsHandler,
    JourneyRepository,
    // A registration's 903 reference and UPN, held before the repository appends it.
    RegistrationHolds,
    EventEnvelopeFactory,
    ChildViewPresenter,
    NextReviewDue,
  ],
  exports: [JourneyRepository, JourneyCommandSender, AllocationNames, UserTeamScopes, RefusalTrail],
})
export class ChildrenModule {}

import { Command } from 'commander';
import { ChildRefRegistry } from '@care-journey/registrations';
import { defaultRecorder, releaseAction, withStore } from './registry-repair';

export { RELEASE_REFUSED_EXIT_CODE } from './registry-repair';

/**
 * `care-journey child-ref release REF --reason TEXT` and `care-journey child-ref migrate`: the 903
 * reference registry's repairs on the configured store (CARE_JOURNEY_STORE…), as the API's admin
 * route does for release. Nothing is edited or deleted: each appends events.
 */
export function registerChildRefCommand(program: Command): void {
  const childRef = program
    .command('child-ref')
    .description('Repairs of the 903 child reference registry (one reference, one child)');

  childRef
    .command('release')
    .description(
      'Release a reference its holder never carried: an id that never became a child (no journey), or a child ' +
        'whose amendment reserved it and was never recorded; refused (child-ref-holder-registered) when the ' +
        "holder's journey carries it, and (child-ref-hold-settling) while its reservation is under 10 minutes " +
        'old, whoever holds it (a registration or amendment may still be recording it; the message says when to ' +
        'retry). It can then be ' +
        'registered again',
    )
    .argument('<childRef>', '903 CHILD reference, compared ignoring case')
    .option('--reason <text>', 'why it is released (required; kept in the reference stream)')
    .option('--by <user>', 'who releases it (recordedBy)', defaultRecorder())
    .action(
      releaseAction(
        (store, ref, reason, recording) => new ChildRefRegistry(store).release(ref, reason, recording),
        (released, holder) =>
          `released ${released.childRef} (held by ${released.childId}, ${holder}): child-ref-${released.childRef} revision ${released.nextExpectedRevision}, position ${released.globalPosition}`,
      ),
    );

  childRef
    .command('migrate')
    .description(
      'One-off, for a store written before reservations: reserve every registered child’s reference, so no process reads the registrations again',
    )
    .option('--by <user>', 'who runs it (recordedBy)', defaultRecorder())
    .action(async (options: { by: string }) =>
      withStore(async (store) => {
        const started = Date.now();
        const outcome = await new ChildRefRegistry(store).migrate({
          recordedAt: new Date().toISOString(),
          recordedBy: options.by,
        });
        process.stdout.write(
          outcome.alreadyMigrated
            ? 'already migrated: nothing to do\n'
            : `migrated: ${outcome.registrationsWithoutReservation} registrations without a reservation, ${outcome.reserved} now reserved by their child, ${outcome.heldByAnotherChild} under a reference an earlier child holds (left as they were); ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
        );
      }),
    );
}

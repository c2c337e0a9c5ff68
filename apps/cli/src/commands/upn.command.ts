import { Command } from 'commander';
import { UpnRegistry } from '@care-journey/registrations';
import { defaultRecorder, releaseAction } from './registry-repair';

/**
 * `care-journey upn release UPN --reason TEXT`: the UPN registry's repair on the configured store
 * (CARE_JOURNEY_STORE…), as `child-ref release` is the 903 reference's and the API's
 * `POST /admin/upns/release` is. It appends UpnReleased; nothing is edited or deleted. The UPN is
 * personal data: nothing printed holds it (its stream `upn-<hash>` names the hold).
 */
export function registerUpnCommand(program: Command): void {
  const upn = program
    .command('upn')
    .description('Repairs of the UPN registry (one real UPN, one child: 903 rule 444)');

  upn
    .command('release')
    .description(
      'Release a UPN its holder never carried: an id that never became a child (no journey), or a child whose ' +
        'amendment reserved it and was never recorded (audit verify-store: held-but-never-carried); refused ' +
        "(upn-holder-registered) when the holder's journey carries it, and (upn-hold-settling) while its " +
        'reservation is under 10 minutes old, whoever holds it (a registration or amendment may still be ' +
        'recording it; the message says when to retry). It can then be reserved again',
    )
    .argument(
      '<upn>',
      'the UPN (compared ignoring case), or its stream upn-<40 hex digits> as audit verify-store names it ' +
        '(keeps the UPN out of shell history)',
    )
    .option('--reason <text>', 'why it is released (required; kept in the UPN stream)')
    .option('--by <user>', 'who releases it (recordedBy)', defaultRecorder())
    .action(
      releaseAction(
        (store, given, reason, recording) => new UpnRegistry(store).release(given, reason, recording),
        (released, holder) =>
          `released the UPN of ${released.upnStream} (held by ${released.childId}, ${holder}): revision ${released.nextExpectedRevision}, position ${released.globalPosition}`,
      ),
    );
}

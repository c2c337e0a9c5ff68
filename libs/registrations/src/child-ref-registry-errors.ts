/**
 * Why an admin release of a registry's hold (a 903 reference's, or a UPN's) was refused. Nothing is
 * written when one is thrown. `kind` says which answer it is (bad input, no such reservation, or
 * the hold's state forbids it), so the API and the CLI can each say it their own way; `problems`
 * name the field and the rule.
 */
export type ReleaseRefusalKind = 'invalid' | 'not-found' | 'conflict';

export interface ReleaseProblem {
  field: 'childRef' | 'upn' | 'reason';
  rule: string;
  message: string;
}

/** A refused release of either registry (the API and the CLI answer both the same way). */
export class RegistryReleaseRefused extends Error {
  override readonly name: string = 'RegistryReleaseRefused';
  constructor(
    readonly kind: ReleaseRefusalKind,
    readonly problems: readonly ReleaseProblem[],
  ) {
    super(`${problems.map((problem) => problem.message).join('; ')}; nothing was recorded`);
  }

  /** The rule of a refusal that has one problem (every refusal but bad input). */
  get rule(): string {
    return this.problems[0].rule;
  }
}

/** A refused release of a 903 reference (child-ref-registry.ts `release`). */
export class ChildRefReleaseRefused extends RegistryReleaseRefused {
  override readonly name: string = 'ChildRefReleaseRefused';
}

/** A refused release of a UPN (upn-registry.ts `release`); its messages never hold the UPN. */
export class UpnReleaseRefused extends RegistryReleaseRefused {
  override readonly name: string = 'UpnReleaseRefused';
}

export const refusal = (
  kind: ReleaseRefusalKind,
  rule: string,
  message: string,
  field: ReleaseProblem['field'] = 'childRef',
): ChildRefReleaseRefused => new ChildRefReleaseRefused(kind, [{ field, rule, message }]);

/**
 * Why a release of a 903 reference was refused. Nothing is written when one is thrown. `kind` says
 * which answer it is (bad input, no such reservation, or the reference's state forbids it), so the
 * API and the CLI can each say it their own way; `problems` name the field and the rule.
 */
export type ReleaseRefusalKind = 'invalid' | 'not-found' | 'conflict';

export interface ReleaseProblem {
  field: 'childRef' | 'reason';
  rule: string;
  message: string;
}

export class ChildRefReleaseRefused extends Error {
  override readonly name = 'ChildRefReleaseRefused';
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

export const refusal = (
  kind: ReleaseRefusalKind,
  rule: string,
  message: string,
  field: ReleaseProblem['field'] = 'childRef',
): ChildRefReleaseRefused => new ChildRefReleaseRefused(kind, [{ field, rule, message }]);

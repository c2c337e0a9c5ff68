/**
 * The one error decide throws: a command broke a rule of the journey. `rule` is a stable id the
 * API, pages and tests key on; `field` names the command field at fault when there is one.
 */
export class DomainRuleViolation extends Error {
  override readonly name = 'DomainRuleViolation';
  constructor(
    readonly rule: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const violation = (rule: string, message: string, field?: string): never => {
  throw new DomainRuleViolation(rule, message, field);
};

/**
 * The one error decide throws: a command broke a rule of the journey. `rule` is a stable id the
 * API, pages and tests key on; `field` names the command field at fault when there is one;
 * `entries` the ids of other entries the refusal is about (a correction that would break them).
 * The message is for people: entries in words, no ids; clients read the ids from here.
 */
export class DomainRuleViolation extends Error {
  override readonly name = 'DomainRuleViolation';
  constructor(
    readonly rule: string,
    message: string,
    readonly field?: string,
    readonly entries?: readonly string[],
  ) {
    super(message);
  }
}

export const violation = (rule: string, message: string, field?: string): never => {
  throw new DomainRuleViolation(rule, message, field);
};

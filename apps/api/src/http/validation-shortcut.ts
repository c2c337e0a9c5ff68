import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';

/**
 * A check that accepts only what the full class-transformer + class-validator run would accept,
 * and returns the instance that run would build; anything else is `undefined` and gets the full
 * run, which words the 400. So a shortcut can make a class cheaper, never its rules weaker.
 */
export type ValidationShortcut = (value: unknown) => object | undefined;

const shortcuts = new WeakMap<object, ValidationShortcut>();

/** Class decorator: the pipe tries `shortcut` before the class's decorated rules. */
export const ValidationShortcutOf =
  (shortcut: ValidationShortcut): ClassDecorator =>
  (target) => {
    shortcuts.set(target, shortcut);
  };

/**
 * ValidationPipe that first tries the class's shortcut. The `:id` of every command route costs
 * one regex this way instead of a class-transformer + class-validator run, which cost about as
 * much as validating the body. A custom decorator's value passes straight through, as
 * ValidationPipe would pass it.
 */
export class ShortcutValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const shortcut = metadata.metatype && shortcuts.get(metadata.metatype);
    const accepted = shortcut ? shortcut(value) : undefined;
    if (accepted !== undefined) return Promise.resolve(accepted);
    // A custom decorator's value (the token's user, If-Match, Idempotency-Key: three a command) is
    // not validated unless validateCustomDecorators is on, and ValidationPipe then gives it back as it
    // is; it is given back here without ValidationPipe's async step (#9).
    if (metadata.type === 'custom' && !this.validateCustomDecorators && this.expectedType === undefined)
      return Promise.resolve(value);
    return super.transform(value, metadata);
  }
}

/**
 * Checks raw JSON text before it is parsed: JSON.parse silently keeps the last of two duplicate
 * keys, happily builds objects thousands of levels deep (which later walks recurse over), and
 * lets `__proto__` through. Each of those is refused here with the field path and the rule,
 * in one linear pass that allocates nothing per character.
 */
export interface JsonGuardLimits {
  /** Deepest nesting of objects and arrays. The command DTOs need 3. */
  maxDepth: number;
  /** Longest string, key or value, in UTF-16 code units (the longest DTO text field allows 2000). */
  maxStringLength: number;
  /** Most members of one object or items of one array. */
  maxMembers: number;
}

export const DEFAULT_JSON_LIMITS: JsonGuardLimits = {
  maxDepth: 16,
  maxStringLength: 10_000,
  maxMembers: 500,
};

export interface JsonGuardProblem {
  field: string;
  rule: 'maxDepth' | 'maxStringLength' | 'maxMembers' | 'duplicateKey' | 'forbiddenKey';
  message: string;
}

/** Keys that would reach Object.prototype or a constructor if anything merged the body. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Frame {
  kind: 'object' | 'array';
  path: string;
  keys: Set<string>;
  /** Commas seen: the index of the current array item. */
  commas: number;
  /** In an object: the next string read is a key. */
  expectKey: boolean;
  /** In an object: the key of the member being read. */
  key: string;
}

const pathOf = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent === '' ? key : `${parent}.${key}`;

/** Where the value being read sits. */
const memberPath = (frame: Frame | undefined): string =>
  !frame ? '' : frame.kind === 'array' ? pathOf(frame.path, frame.commas) : pathOf(frame.path, frame.key);

const named = (path: string): string => path || '(body)';

/**
 * The first problem found, or undefined. Malformed JSON is not reported here: JSON.parse, run
 * next, says where it breaks. The scan only has to be right for well-formed text.
 */
export function findJsonProblem(
  text: string,
  limits: JsonGuardLimits = DEFAULT_JSON_LIMITS,
): JsonGuardProblem | undefined {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3a /* : */) continue;
    if (c === 0x2c /* , */) {
      if (!top) continue;
      top.commas += 1;
      if (top.commas + 1 > limits.maxMembers) return tooMany(top, limits);
      if (top.kind === 'object') top.expectKey = true;
      continue;
    }
    if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      continue;
    }
    if (c === 0x22 /* " */) {
      const end = endOfString(text, i);
      const isKey = top?.kind === 'object' && top.expectKey;
      if (end - i - 1 > limits.maxStringLength) {
        return {
          field: named(isKey ? top.path : memberPath(top)),
          rule: 'maxStringLength',
          message: `${named(isKey ? top.path : memberPath(top))} holds a string longer than ${limits.maxStringLength} characters`,
        };
      }
      if (top && isKey) {
        const key = decodeKey(text.slice(i, end + 1));
        const field = pathOf(top.path, key);
        if (FORBIDDEN_KEYS.has(key))
          return {
            field,
            rule: 'forbiddenKey',
            message: `${field} is not allowed: the keys __proto__, constructor and prototype are refused`,
          };
        if (top.keys.has(key))
          return { field, rule: 'duplicateKey', message: `${field} appears more than once` };
        top.keys.add(key);
        top.expectKey = false;
        top.key = key;
      }
      i = end;
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length + 1 > limits.maxDepth) {
        return {
          field: named(memberPath(top)),
          rule: 'maxDepth',
          message: `the body is nested deeper than ${limits.maxDepth} levels (at ${named(memberPath(top))})`,
        };
      }
      const kind = c === 0x7b ? 'object' : 'array';
      stack.push({
        kind,
        path: memberPath(top),
        keys: new Set(),
        commas: 0,
        expectKey: kind === 'object',
        key: '',
      });
    }
    // Numbers, true, false, null: nothing to check.
  }
  return undefined;
}

const tooMany = (frame: Frame, limits: JsonGuardLimits): JsonGuardProblem => ({
  field: named(frame.path),
  rule: 'maxMembers',
  message: `${named(frame.path)} has more than ${limits.maxMembers} ${frame.kind === 'object' ? 'fields' : 'items'}`,
});

/** Index of the closing quote of the string opening at `start` (skipping escapes). */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i += 1;
    else if (c === 0x22) return i;
  }
  return text.length;
}

/**
 * "\u005f_proto__" and "__proto__" are the same key: compare keys decoded. A literal with no escape
 * and no control character is its own text between the quotes, as JSON.parse would give it; only
 * the others are parsed (a JSON.parse a key was ~1 µs, #9).
 */
function decodeKey(literal: string): string {
  if (isPlainLiteral(literal)) return literal.slice(1, -1);
  try {
    const key: unknown = JSON.parse(literal);
    return typeof key === 'string' ? key : literal;
  } catch {
    return literal; // malformed: JSON.parse of the whole body reports it
  }
}

/** `"…"` with no backslash and no character JSON forbids unescaped (below U+0020) inside. */
function isPlainLiteral(literal: string): boolean {
  if (literal.length < 2 || literal.charCodeAt(literal.length - 1) !== 0x22) return false;
  for (let i = 1; i < literal.length - 1; i++) {
    const c = literal.charCodeAt(i);
    if (c === 0x5c || c < 0x20 || c === 0x22) return false;
  }
  return true;
}

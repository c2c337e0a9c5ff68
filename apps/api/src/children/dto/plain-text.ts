import { ValidateBy } from 'class-validator';
import { joinerOutOfContext, ZWJ, ZWNJ } from './joiner-context';

/**
 * Characters a recorded text may not hold: they change how it reads without being seen, or break
 * the files it goes to (a CSV cell, a log line). Control characters C0 and C1 (NUL, CR, ESC…) and
 * DEL; the line and paragraph separators; bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069: "Ruby \u202eyrreB" shows as "Ruby Berry" yet a search for Berry
 * misses it); zero-width characters (U+200B, U+2060, U+FEFF). The zero-width non-joiner and joiner
 * (U+200C, U+200D) are taken only where a script needs them (joiner-context.ts: Persian, Indic
 * names), and refused anywhere else.
 */
const HIDDEN_OR_CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]/u;

/** A line break, as a textarea sends it (CRLF) or as typed to the API (LF). */
const LINE_BREAK = /\r?\n/g;

/** The first character `value` may not hold, or undefined; a multi-line text may break lines. */
export function forbiddenCharacterIn(value: string, multiLine: boolean): string | undefined {
  const checked = multiLine ? value.replace(LINE_BREAK, ' ') : value;
  return HIDDEN_OR_CONTROL.exec(checked)?.[0] ?? joinerOutOfContext(checked);
}

const isJoiner = (character: string): boolean =>
  character.codePointAt(0) === ZWNJ || character.codePointAt(0) === ZWJ;

const codePoint = (character: string): string =>
  `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The rule `isPlainText` for one text field: refused with the character found, by code point.
 * Not a string is left to IsString.
 */
export const IsPlainText = (multiLine = false): PropertyDecorator =>
  ValidateBy({
    name: 'isPlainText',
    validator: {
      validate: (value) => typeof value !== 'string' || forbiddenCharacterIn(value, multiLine) === undefined,
      defaultMessage: (args) => {
        const found = forbiddenCharacterIn(String(args?.value ?? ''), multiLine);
        const allowed = multiLine ? ' (line breaks are allowed)' : ' (one line)';
        const joiner =
          found && isJoiner(found)
            ? ', a zero-width joiner or non-joiner is taken only between letters that would join (Persian, Arabic) or straight after a virama (Indic scripts)'
            : '';
        return `${args?.property ?? 'the field'} must not contain control characters, bidirectional overrides or zero-width characters${allowed}: found ${found ? codePoint(found) : 'one'}${joiner}`;
      },
    },
  });

/**
 * 903 files are UTF-8 (a BOM is allowed, Excel writes one). Anything else is refused rather than
 * guessed at: a mis-decoded character in a postcode or reference would be imported silently wrong.
 */
export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeUtf8(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      reason: 'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8 CSV',
    };
  }
  // UTF-16 without a BOM, or a spreadsheet saved as binary: ASCII text never holds NUL bytes.
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    return {
      ok: false,
      reason: `the file holds NUL bytes (first at byte ${nul}): probably UTF-16 or not a CSV file; save it as UTF-8 CSV`,
    };
  const body = UTF8_BOM.every((b, i) => bytes[i] === b) ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return {
      ok: false,
      reason: `the file is not valid UTF-8 (byte ${firstInvalidByte(body)}); probably Windows-1252/Latin-1: save it as UTF-8 CSV`,
    };
  }
}

/** Offset of the first byte that breaks UTF-8, for the report (decoding stops at the first). */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const extra =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return bytes.length;
}

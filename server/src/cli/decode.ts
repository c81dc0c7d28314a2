/**
 * Strict UTF-8 decoding of script files. The spec says sources are UTF-8; a file saved as
 * GBK (common for Chinese documents) would otherwise decode to replacement characters and
 * yield baffling lint messages, so it is rejected with the place of the first bad byte.
 */

export type DecodeResult =
  | { ok: true; text: string; bom: boolean }
  | { ok: false; line: number; column: number; byte: number };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes `bytes` as UTF-8, dropping a leading BOM (the editor does not show it either). */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    const text = decoder.decode(bytes);
    const bom = text.charCodeAt(0) === 0xfeff;
    return { ok: true, text: bom ? text.slice(1) : text, bom };
  } catch {
    return locateInvalidByte(bytes);
  }
}

/** Finds the first byte that does not belong to a well-formed UTF-8 sequence. */
function locateInvalidByte(bytes: Uint8Array): DecodeResult {
  const bad = firstInvalidOffset(bytes);
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < bad; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // The bytes between the line start and the bad byte are valid, so they decode cleanly;
  // columns are counted in UTF-16 code units like every other position the CLI prints.
  let prefix = decoder.decode(bytes.subarray(lineStart, bad));
  if (line === 1 && prefix.charCodeAt(0) === 0xfeff) prefix = prefix.slice(1);
  return { ok: false, line, column: prefix.length + 1, byte: bytes[bad] };
}

function firstInvalidOffset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

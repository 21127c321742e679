/**
 * Decoding of a digest file: its bytes (or text) as UTF-8 text without a byte-order mark, or the reason it is
 * not UTF-8 text, with the line of the first offending byte. Pure: no fs, no Node APIs.
 */

/** Decoded text, or why the input is not UTF-8 text and on which 1-based line that shows. */
export type Decoded = { ok: true; text: string } | { ok: false; line: number; message: string };

/** Bytes → text (UTF-8, BOM dropped), or why the file is not UTF-8 text (with the line of the first bad byte). */
export function decodeDigestText(input: Uint8Array | string): Decoded {
  if (typeof input === 'string') return rejectBinary(input.replace(/^\uFEFF/, ''));
  if (isUtf16Bom(input)) {
    return { ok: false, line: 1, message: notTextMessage('it is saved as UTF-16; save it as UTF-8 instead') };
  }
  try {
    return rejectBinary(new TextDecoder('utf-8', { fatal: true }).decode(input));
  } catch {
    const offset = firstInvalidUtf8(input);
    const line = lineAt(input, offset);
    const byte = (input[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    const why = `byte ${offset + 1} of the file (0x${byte}) is not valid UTF-8; it may have been saved as Latin-1 or Windows-1252, save it as UTF-8 instead`;
    return { ok: false, line, message: notTextMessage(why) };
  }
}

/** The message for a file rejected as not being UTF-8 text. */
function notTextMessage(why: string): string {
  return `the file is not UTF-8 text: ${why}. No papers were read from it`;
}

/** Text with a NUL character is binary data, not a digest. */
function rejectBinary(text: string): Decoded {
  const nul = text.indexOf('\0');
  if (nul < 0) return { ok: true, text };
  const line = lineAt(text, nul);
  return { ok: false, line, message: notTextMessage('it contains NUL bytes, so it looks like a binary file') };
}

/** Whether bytes start with a UTF-16 byte-order mark (FF FE or FE FF). */
function isUtf16Bom(bytes: Uint8Array): boolean {
  const [a, b] = [bytes[0], bytes[1]];
  return (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff);
}

/** Well-formed UTF-8 lead bytes: [lead from, lead to, second byte from, second byte to, sequence length]. */
const UTF8_LEADS: readonly (readonly [number, number, number, number, number])[] = [
  [0xc2, 0xdf, 0x80, 0xbf, 2],
  [0xe0, 0xe0, 0xa0, 0xbf, 3],
  [0xe1, 0xec, 0x80, 0xbf, 3],
  [0xed, 0xed, 0x80, 0x9f, 3],
  [0xee, 0xef, 0x80, 0xbf, 3],
  [0xf0, 0xf0, 0x90, 0xbf, 4],
  [0xf1, 0xf3, 0x80, 0xbf, 4],
  [0xf4, 0xf4, 0x80, 0x8f, 4],
];

/** Length of the well-formed UTF-8 sequence starting at `i`, or 0 if it is malformed. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  if (lead < 0x80) return 1;
  const row = UTF8_LEADS.find(([from, to]) => lead >= from && lead <= to);
  if (row === undefined) return 0;
  const [, , secondFrom, secondTo, length] = row;
  const second = bytes[i + 1] ?? -1;
  if (second < secondFrom || second > secondTo) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k] ?? -1;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/** Byte offset of the first malformed UTF-8 sequence (bytes.length if there is none). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** 1-based line of position `end` in bytes or text; CRLF, LF and lone CR each end a line. */
function lineAt(data: Uint8Array | string, end: number): number {
  const at = (i: number): number => (typeof data === 'string' ? data.charCodeAt(i) : (data[i] ?? 0));
  let line = 1;
  for (let i = 0; i < end; i++) {
    const c = at(i);
    if (c === 0x0a || (c === 0x0d && at(i + 1) !== 0x0a)) line++;
  }
  return line;
}

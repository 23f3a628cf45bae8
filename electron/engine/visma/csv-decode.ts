import { isUtf8 } from 'node:buffer';
import type { DatasetSpec } from './datasets';
import { VismaExportError } from './errors';
import type { CsvEncoding } from './options';

/**
 * The chunks of a downloaded file as the CSV parser takes them, checked or decoded as they arrive.
 *
 * UTF-8 is checked, not repaired: a byte sequence that is not UTF-8 would turn `Zoë Ünal-Çelik` into
 * replacement characters and rename her account to garbage, so it is an error that names the dataset
 * and the byte offset (set `visma.encoding` for a file in another code page). Valid chunks go on as
 * the same bytes; a character cut in two by a chunk boundary is held back until its last byte arrives.
 */
export async function* decodedChunks(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  spec: DatasetSpec,
  where: string,
  encoding: CsvEncoding,
): AsyncGenerator<Buffer | string> {
  if (encoding === 'windows-1252') {
    const decoder = new TextDecoder('windows-1252');
    for await (const chunk of source) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const rest = decoder.decode();
    if (rest !== '') yield rest;
    return;
  }
  let carry: Buffer = Buffer.alloc(0);
  // Bytes of the file before `carry`: the base of every offset reported.
  let offset = 0;
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    const bytes = carry.length === 0 ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.concat([carry, chunk]);
    const cut = completeLength(bytes);
    const whole = bytes.subarray(0, cut);
    checkUtf8(whole, offset, spec, where);
    // A copy: the carried bytes must not pin the whole chunk, nor change when the stream reuses it.
    carry = Buffer.from(bytes.subarray(cut));
    offset += cut;
    if (whole.length > 0) yield whole;
  }
  // A character still incomplete at the end of the file is not UTF-8.
  checkUtf8(carry, offset, spec, where);
  if (carry.length > 0) yield carry;
}

/** Length of the longest prefix of `bytes` that does not end inside a multi-byte character. */
function completeLength(bytes: Buffer): number {
  // A UTF-8 character is at most 4 bytes: only the last 3 can start one that is not complete yet.
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] as number;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) {
      const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needs > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

function checkUtf8(bytes: Buffer, base: number, spec: DatasetSpec, where: string): void {
  if (isUtf8(bytes)) return;
  const at = firstInvalidUtf8Offset(bytes, bytes.toString('utf8'));
  throw new VismaExportError({
    dataset: spec.name,
    kind: 'csv',
    message: `the ${spec.label} export${where} is not valid UTF-8 at byte offset ${base + (at ?? 0)}; if Visma sends this file in another encoding, set visma.encoding (for example "windows-1252")`,
  });
}

/**
 * Where the first byte sequence that is not UTF-8 starts, or null. Node's decoder marks each with
 * U+FFFD; a U+FFFD that was really in the file (bytes EF BF BD) is told apart by its bytes.
 */
function firstInvalidUtf8Offset(data: Buffer, decoded: string): number | null {
  let from = 0;
  for (;;) {
    const index = decoded.indexOf('\uFFFD', from);
    if (index < 0) return null;
    // Everything before it decoded cleanly, so its UTF-8 length is its byte length in the file.
    const offset = Buffer.byteLength(decoded.slice(0, index), 'utf8');
    if (!(data[offset] === 0xef && data[offset + 1] === 0xbf && data[offset + 2] === 0xbd)) return offset;
    from = index + 1;
  }
}

/**
 * Checks of an SQLite file's 100-byte header, done before SQLite sees the bytes: SQLite opens
 * a truncated file lazily and fails only on a later read, which would make errors late and vague.
 */

const MAGIC = 'SQLite format 3\u0000';

/** Why the bytes are not a whole SQLite file (`not an SQLite file`, `truncated …`), or undefined. */
export function sqliteFileProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'the file is empty';
  if (bytes.length < 100 || String.fromCharCode(...bytes.subarray(0, 16)) !== MAGIC) return 'not an SQLite file';
  const rawPageSize = (bytes[16] << 8) | bytes[17];
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return `damaged SQLite header (page size ${rawPageSize})`;
  if (bytes.length % pageSize !== 0) return `truncated: ${bytes.length} bytes is not a whole number of ${pageSize}-byte pages`;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pageCount = view.getUint32(28);
  const countIsValid = pageCount > 0 && view.getUint32(92) === view.getUint32(24);
  if (countIsValid && bytes.length < pageCount * pageSize) return `truncated: ${bytes.length} bytes, but the header says ${pageCount} pages of ${pageSize} bytes`;
  return undefined;
}

/**
 * A zip archive's directory read by hand, to check an upload before any library unpacks it: that it is a zip
 * (not ZIP64: a document of a few megabytes never needs it), and that its entries, each actually inflated with a
 * cap on its output (node:zlib's `maxOutputLength`), unpack to at most a given size. A zip bomb (a few megabytes
 * that inflate to gigabytes) or a directory that understates its sizes is refused here instead of filling the
 * server's memory. Server-side (node:zlib).
 */
import { inflateRawSync } from "node:zlib";

const endOfCentralDirectorySignature = 0x06054b50;
const centralDirectoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const endOfCentralDirectoryMinBytes = 22;
const maxCommentBytes = 0xffff;

type ZipEntry = { name: string; method: number; data: Uint8Array };

export type ZipArchive = { ok: true; entries: ZipEntry[] } | { ok: false; reason: "not_zip" | "too_large" };

export function hasZipSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function findEndOfCentralDirectory(view: DataView): number | null {
  const lowest = Math.max(0, view.byteLength - endOfCentralDirectoryMinBytes - maxCommentBytes);
  for (let offset = view.byteLength - endOfCentralDirectoryMinBytes; offset >= lowest; offset -= 1) {
    if (view.getUint32(offset, true) === endOfCentralDirectorySignature) return offset;
  }
  return null;
}

/** The entries the central directory lists, with their compressed data; throws RangeError past the bytes' end. */
function readEntries(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end === null) return { ok: false, reason: "not_zip" };
  const entryCount = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  // 0xFFFF / 0xFFFFFFFF mark a ZIP64 archive, whose sizes live elsewhere.
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) return { ok: false, reason: "too_large" };
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < entryCount; index += 1) {
    if (view.getUint32(offset, true) !== centralDirectoryEntrySignature) return { ok: false, reason: "not_zip" };
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const localOffset = view.getUint32(offset + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    if (view.getUint32(localOffset, true) !== localHeaderSignature) return { ok: false, reason: "not_zip" };
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.byteLength) return { ok: false, reason: "not_zip" };
    entries.push({ name, method, data: bytes.subarray(dataStart, dataStart + compressedSize) });
  }
  return { ok: true, entries };
}

function isOutputLimitError(error: unknown): boolean {
  return error instanceof RangeError && (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
}

/** An entry's bytes, inflated to at most `maxBytes` (RangeError ERR_BUFFER_TOO_LARGE beyond). */
function unpack(entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.method === 0) {
    if (entry.data.byteLength > maxBytes) throw Object.assign(new RangeError("Entry too large"), { code: "ERR_BUFFER_TOO_LARGE" });
    return entry.data;
  }
  if (entry.method === 8) return inflateRawSync(entry.data, { maxOutputLength: Math.max(1, maxBytes) });
  throw new Error(`Unsupported zip compression method ${entry.method}`); // Word writes only stored and deflated entries.
}

/**
 * Reads `bytes` as a zip archive whose entries unpack to at most `maxUnpackedBytes` together; `not_zip` for
 * anything that is not a well-formed archive (truncated, forged offsets, corrupt streams).
 */
export function openZipArchive(bytes: Uint8Array, maxUnpackedBytes: number): ZipArchive {
  if (!hasZipSignature(bytes)) return { ok: false, reason: "not_zip" };
  try {
    const archive = readEntries(bytes);
    if (!archive.ok) return archive;
    let unpackedBytes = 0;
    for (const entry of archive.entries) {
      unpackedBytes += unpack(entry, maxUnpackedBytes - unpackedBytes).byteLength;
      if (unpackedBytes > maxUnpackedBytes) return { ok: false, reason: "too_large" };
    }
    return archive;
  } catch (error) {
    return { ok: false, reason: isOutputLimitError(error) ? "too_large" : "not_zip" };
  }
}

/** One entry's unpacked text (UTF-8), or null when the archive has no such entry or it cannot be read. */
export function readZipText(archive: Extract<ZipArchive, { ok: true }>, name: string, maxBytes: number): string | null {
  const entry = archive.entries.find((candidate) => candidate.name === name);
  if (!entry) return null;
  try {
    return new TextDecoder().decode(unpack(entry, maxBytes));
  } catch {
    return null; // Checked by openZipArchive already; a part that still fails is treated as absent.
  }
}

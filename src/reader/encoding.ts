/**
 * The text encoding of a CSV file, detected from its bytes rather than assumed: what Excel writes when
 * a person saves a sheet as CSV or as Unicode Text depends on the Excel and the Windows at hand.
 *
 * - A byte order mark decides: UTF-8 (EF BB BF, "CSV UTF-8"), UTF-16LE (FF FE, "Unicode Text", tab
 *   separated) or UTF-16BE (FE FF). Without one, a first character of ASCII beside a zero byte is
 *   UTF-16 (no text file holds zero bytes otherwise).
 * - Else the bytes are read from the first one above 0x7F (every byte before it is ASCII, which all the
 *   encodings below write alike), over a window of DETECT_BYTES: valid UTF-8 there is UTF-8.
 * - Else it is a single-byte code page, as "CSV (Comma delimited)" and "CSV (semicolon delimited)" are
 *   written in the system's ANSI code page: Windows-1254 (Turkish) when the window holds a byte of a
 *   letter only Turkish has there (ğ F0, Ğ D0, ı FD, İ DD, ş FE, Ş DE), else Windows-1252 (Western).
 *   Code pages: https://learn.microsoft.com/en-us/windows/win32/intl/code-page-identifiers
 *
 * Decoding uses TextDecoder and the labels of the WHATWG Encoding Standard
 * (https://encoding.spec.whatwg.org/#names-and-labels), as in Node and in browsers.
 */

/* global TextDecoder */
import { type Text, sayBoth } from "../i18n";
import { READER } from "../i18n/strings/reader";

/** The encodings a CSV file is read in. */
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1254" | "windows-1252";

/** Bytes looked at, from the first one above 0x7F, to tell UTF-8 from a code page. */
export const DETECT_BYTES = 1 << 20;

/** Bytes of the Turkish letters that Windows-1254 puts where Windows-1252 has Icelandic ones. */
const TURKISH_BYTES = new Set([0xf0, 0xd0, 0xfd, 0xdd, 0xfe, 0xde]);

/** The encoding a byte order mark (or a zero byte beside the first character) gives, and its length. */
function byteOrder(start: Uint8Array): { encoding: CsvEncoding; skip: number } | undefined {
  const [a, b, c] = start;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: "utf-16be", skip: 2 };
  if (start.length >= 2 && a > 0 && a < 0x80 && b === 0) return { encoding: "utf-16le", skip: 0 };
  if (start.length >= 2 && a === 0 && b > 0 && b < 0x80) return { encoding: "utf-16be", skip: 0 };
  return undefined;
}

/**
 * The encoding of bytes that begin with one above 0x7F.
 * @param window Up to DETECT_BYTES bytes from that one on.
 * @param complete Whether the window runs to the end of the file (else a character cut at its end is
 *   not a fault).
 */
export function singleOrMultiByte(window: Uint8Array, complete: boolean): CsvEncoding {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(window, { stream: !complete });
    return "utf-8";
  } catch {
    for (let i = 0; i < window.length; i++) if (TURKISH_BYTES.has(window[i])) return "windows-1254";
    return "windows-1252";
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const joined = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

/**
 * Decodes a file's bytes as they come, chunk by chunk, detecting the encoding as described above. The
 * text is the same whatever the chunks: `write` every chunk, then `end`.
 * @example
 * const decoder = new CsvDecoder();
 * const text = decoder.write(bytes) + decoder.end();
 */
export class CsvDecoder {
  private state: "start" | "ascii" | "window" | "decoding" = "start";
  /** Bytes held while the state is "start" (up to 3, for a byte order mark) or "window". */
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  private decoder: TextDecoder | undefined;
  private detected: CsvEncoding | undefined;
  /** Whether the file began with a byte order mark. */
  bom = false;

  /** The encoding detected; undefined while the bytes so far are ASCII (read alike in each). */
  get encoding(): CsvEncoding | undefined {
    return this.detected;
  }

  /** Decodes the next chunk; a character cut at its end is given with the next chunk. */
  write(bytes: Uint8Array): string {
    return this.take(bytes, false);
  }

  /** The rest of the text, once the last chunk is written. */
  end(): string {
    return this.take(new Uint8Array(0), true);
  }

  private take(bytes: Uint8Array, final: boolean): string {
    if (this.state === "decoding") return this.decoder!.decode(bytes, { stream: !final });
    if (this.state === "start") {
      this.hold(bytes);
      if (this.heldBytes < 3 && !final) return "";
      const start = this.release();
      const order = byteOrder(start.subarray(0, 3));
      if (order) {
        this.bom = order.skip > 0;
        return this.decodeAs(order.encoding, start.subarray(order.skip), final);
      }
      this.state = "ascii";
      return this.take(start, final);
    }
    if (this.state === "ascii") {
      let i = 0;
      while (i < bytes.length && bytes[i] < 0x80) i++;
      // Every encoding but UTF-16 reads ASCII alike: the text so far needs no decision.
      const ascii = i > 0 ? asciiText(bytes.subarray(0, i)) : "";
      if (i === bytes.length) {
        if (final) this.detected ??= "utf-8";
        return ascii;
      }
      this.state = "window";
      return ascii + this.take(bytes.subarray(i), final);
    }
    // "window": bytes from the first one above 0x7F, held until there are enough to decide.
    this.hold(bytes);
    if (this.heldBytes < DETECT_BYTES && !final) return "";
    const held = this.release();
    const window = held.subarray(0, DETECT_BYTES);
    const encoding = singleOrMultiByte(window, final && held.length <= DETECT_BYTES);
    return this.decodeAs(encoding, held, final);
  }

  private decodeAs(encoding: CsvEncoding, bytes: Uint8Array, final: boolean): string {
    this.detected = encoding;
    this.decoder = new TextDecoder(encoding);
    this.state = "decoding";
    return this.decoder.decode(bytes, { stream: !final });
  }

  private hold(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    // A chunk may be reused by its source: keep a copy (a Buffer's slice() would be a view).
    this.held.push(new Uint8Array(bytes));
    this.heldBytes += bytes.length;
  }

  private release(): Uint8Array {
    const bytes = concat(this.held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    return bytes;
  }
}

const ASCII = new TextDecoder("utf-8");

function asciiText(bytes: Uint8Array): string {
  return ASCII.decode(bytes);
}

/** A whole file's bytes as text, with the encoding detected. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const decoder = new CsvDecoder();
  const text = decoder.write(bytes) + decoder.end();
  return { text, encoding: decoder.encoding ?? "utf-8" };
}

/** The replacement character a decoder writes for bytes that are not a character. */
export const REPLACEMENT = "\uFFFD";

/** How many replacement characters the text holds. */
export function countReplacements(text: string): number {
  let count = 0;
  for (let at = text.indexOf(REPLACEMENT); at >= 0; at = text.indexOf(REPLACEMENT, at + 1)) count++;
  return count;
}

/**
 * The problem of a file whose text holds replacement characters (bytes that were not a character of
 * the encoding read, or a file garbled before it was saved): never passed over in silence, since a
 * garbled header is a column the reader cannot find.
 * @param firstRow The first row (1-based) holding one.
 * @param rows How many rows hold one.
 */
export function garbledProblem(
  firstRow: number,
  rows: number,
  encoding: CsvEncoding | undefined
): { row: number; message: Text } {
  const values = { row: String(firstRow), more: rows - 1, encoding: encoding ?? "utf-8" };
  return {
    row: firstRow,
    message: sayBoth(READER, (s) => (rows > 1 ? s.csv.garbledRows : s.csv.garbledRow), values),
  };
}

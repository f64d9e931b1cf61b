/**
 * What a PDF that LibreOffice wrote shows, read without another program: the text of each page and
 * how many shapes its content streams draw. Enough of PDF (ISO 32000-1) for LibreOffice's own output:
 * indirect objects, Flate-compressed streams, simple fonts whose ToUnicode CMap (§9.10.3) maps their
 * one- or two-byte codes to text, and form XObjects drawn from a page (§8.10).
 */
import * as fs from "fs";
import * as zlib from "zlib";

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/** What a page shows: its text, one line per text object (BT … ET), and its drawing operators. */
export interface PdfPage {
  text: string[];
  /** Paths filled or stroked (f, f*, B, b, S, s …): each bar of a chart is one. */
  paintedPaths: number;
}

/**
 * The indirect objects of a file, read in order: a stream's data is skipped by its /Length, so that
 * bytes of compressed data are never taken for the keywords that end it.
 */
function objectsOf(file: Buffer): Map<number, PdfObject> {
  const text = file.toString("latin1");
  const lengthOf = (dict: string): number | undefined => {
    const indirect = /\/Length\s+(\d+) 0 R/.exec(dict);
    if (indirect) {
      const target = new RegExp(`(?:^|\\s)${indirect[1]} 0 obj\\s*(\\d+)\\s*endobj`).exec(text);
      return target ? Number(target[1]) : undefined;
    }
    const direct = /\/Length\s+(\d+)/.exec(dict);
    return direct ? Number(direct[1]) : undefined;
  };
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const bodyStart = match.index + match[0].length;
    const streamAt = text.slice(bodyStart).search(/\bstream\r?\n|\bendobj\b/);
    if (streamAt < 0) break;
    const dict = text.slice(bodyStart, bodyStart + streamAt);
    if (!text.startsWith("stream", bodyStart + streamAt)) {
      objects.set(Number(match[1]), { dict });
      continue;
    }
    let start = bodyStart + streamAt + "stream".length;
    if (text[start] === "\r") start++;
    if (text[start] === "\n") start++;
    const end = start + (lengthOf(dict) ?? text.indexOf("endstream", start) - start);
    let stream = file.subarray(start, end);
    if (/\/FlateDecode/.test(dict)) stream = zlib.inflateSync(stream, { finishFlush: 2 });
    objects.set(Number(match[1]), { dict, stream });
    header.lastIndex = end;
  }
  return objects;
}

/** The code-to-text map of a ToUnicode CMap: its bfchar and bfrange entries. */
function toUnicode(cmap: string): { map: Map<number, string>; bytes: number } {
  const map = new Map<number, string>();
  const hex = (h: string) => parseInt(h, 16);
  const text = (h: string) => {
    const units: number[] = [];
    for (let i = 0; i < h.length; i += 4) units.push(hex(h.slice(i, i + 4)));
    return String.fromCharCode(...units);
  };
  let bytes = 1;
  for (const [, from] of cmap.matchAll(/begincodespacerange\s*<([0-9a-f]+)>/gi))
    bytes = from.length / 2;
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, to] of block.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi))
      map.set(hex(code), text(to));
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, to] of block.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi))
      for (let code = hex(lo); code <= hex(hi); code++)
        map.set(code, String.fromCharCode(hex(to) + code - hex(lo)));
  return { map, bytes };
}

/** An entry of a dictionary that may be written in place or as a reference ("/Font 12 0 R"). */
function entry(objects: Map<number, PdfObject>, dict: string, key: string): string | undefined {
  const ref = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  if (ref) return objects.get(Number(ref[1]))?.dict;
  const start = dict.search(new RegExp(`/${key}\\s*<<`));
  if (start < 0) return undefined;
  let depth = 0;
  for (let i = dict.indexOf("<<", start); i < dict.length; i++) {
    if (dict.startsWith("<<", i)) (depth++, i++);
    else if (dict.startsWith(">>", i) && --depth === 0) return dict.slice(start, i + 2);
  }
  return undefined;
}

/** Name -> object number of each entry of a resource sub-dictionary (/Font, /XObject). */
function namedRefs(dict: string | undefined): Map<string, number> {
  const refs = new Map<string, number>();
  for (const [, name, num] of (dict ?? "").matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g))
    refs.set(name, Number(num));
  return refs;
}

/** The text and painted paths of one content stream, and of the form XObjects it draws. */
function readContent(
  objects: Map<number, PdfObject>,
  content: string,
  resources: string | undefined,
  page: PdfPage,
  depth = 0
): void {
  const fonts = namedRefs(entry(objects, resources ?? "", "Font"));
  const xobjects = namedRefs(entry(objects, resources ?? "", "XObject"));
  let font: { map: Map<number, string>; bytes: number } | undefined;
  let line = "";
  const decode = (hex: string) => {
    const bytes = font?.bytes ?? 1;
    let out = "";
    for (let i = 0; i + bytes * 2 <= hex.length; i += bytes * 2)
      out += font?.map.get(parseInt(hex.slice(i, i + bytes * 2), 16)) ?? "";
    return out;
  };
  const literal = (s: string) => s.replace(/\\([()\\])/g, "$1");
  const tokens =
    /\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\(((?:[^)\\]|\\.)*)\)\s*Tj|\bBT\b|\bET\b|\/([\w.+-]+)\s+Do\b|(?:^|\s)(f\*?|F|B\*?|b\*?|S|s)(?=\s|$)/g;
  for (const token of content.matchAll(tokens)) {
    const [whole, fontName, array, hexString, literalString, xobject, paint] = token;
    if (fontName !== undefined) {
      const fontDict = objects.get(fonts.get(fontName) ?? -1)?.dict ?? "";
      const cmap = /\/ToUnicode\s+(\d+) 0 R/.exec(fontDict);
      const stream = cmap ? objects.get(Number(cmap[1]))?.stream : undefined;
      font = stream ? toUnicode(stream.toString("latin1")) : undefined;
    } else if (array !== undefined) {
      for (const part of array.matchAll(/<([0-9a-fA-F]*)>|\(((?:[^)\\]|\\.)*)\)/g))
        line += part[1] !== undefined ? decode(part[1]) : literal(part[2]);
    } else if (hexString !== undefined) line += decode(hexString);
    else if (literalString !== undefined) line += literal(literalString);
    else if (whole === "BT") line = "";
    else if (whole === "ET") {
      if (line) page.text.push(line);
      line = "";
    } else if (xobject !== undefined && depth < 8) {
      const form = objects.get(xobjects.get(xobject) ?? -1);
      if (form?.stream && /\/Subtype\s*\/Form/.test(form.dict))
        readContent(
          objects,
          form.stream.toString("latin1"),
          entry(objects, form.dict, "Resources") ?? resources,
          page,
          depth + 1
        );
    } else if (paint !== undefined) page.paintedPaths++;
  }
}

/** The pages of a PDF file, in no particular order, with what each shows. */
export function readPdf(file: string): PdfPage[] {
  const objects = objectsOf(fs.readFileSync(file));
  const pages: PdfPage[] = [];
  for (const object of objects.values()) {
    if (!/\/Type\s*\/Page\b/.test(object.dict)) continue;
    const page: PdfPage = { text: [], paintedPaths: 0 };
    const resources = entry(objects, object.dict, "Resources");
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(object.dict)?.[1] ?? "";
    const single = /\/Contents\s+(\d+) 0 R/.exec(object.dict)?.[1];
    const refs = single ? [single] : [...contents.matchAll(/(\d+) 0 R/g)].map((m) => m[1]);
    for (const ref of refs) {
      const stream = objects.get(Number(ref))?.stream;
      if (stream) readContent(objects, stream.toString("latin1"), resources, page);
    }
    pages.push(page);
  }
  return pages;
}

/** Every text line of a PDF, whitespace collapsed, and the paths painted on all its pages. */
export function pdfContents(file: string): { lines: string[]; paintedPaths: number } {
  const pages = readPdf(file);
  return {
    lines: pages.flatMap((page) => page.text.map((line) => line.replace(/\s+/g, " ").trim())),
    paintedPaths: pages.reduce((sum, page) => sum + page.paintedPaths, 0),
  };
}

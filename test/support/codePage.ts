/** Text as a file saved in a single-byte Windows code page (US or Turkish Excel's CSV). */

/**
 * Text in a single-byte code page, byte by byte, as the code page's own decoder reads each byte
 * (every character must be in it).
 */
export function codePage(text: string, encoding: "windows-1254" | "windows-1252"): Buffer {
  const decoder = new TextDecoder(encoding);
  const byChar = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) byChar.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    Array.from(text, (char) => {
      const byte = byChar.get(char);
      if (byte === undefined) throw new Error(`"${char}" is not in ${encoding}`);
      return byte;
    })
  );
}

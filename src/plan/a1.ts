/**
 * A1 addresses, the one place that knows Excel's notation: 0-based row and column in, "B12" out, and
 * column letters back to their index. Plans, writers, the reader and the preview all use it.
 */

/** Column letters of a 0-based column index (0 -> A, 26 -> AA). */
export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The 0-based index of column letters, in either case (A -> 0, AA -> 26, XFD -> 16383). */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + letter.charCodeAt(0) - 64;
  return index - 1;
}

/** A cell address such as B12; absolute ($B$12) when asked. */
export function cellAddress(row: number, col: number, absolute = false): string {
  const dollar = absolute ? "$" : "";
  return `${dollar}${columnLetters(col)}${dollar}${row + 1}`;
}

/** A range address such as A2:A201 (absolute when asked). */
export function rangeAddress(
  top: number,
  left: number,
  bottom: number,
  right: number,
  absolute = false
): string {
  return `${cellAddress(top, left, absolute)}:${cellAddress(bottom, right, absolute)}`;
}

/** A sheet name as a formula writes it: quoted, with quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A reference with its sheet, such as 'KPI (2)'!$B$12. */
export function sheetReference(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/** A text as a formula string literal: "Closed ""Won""". */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

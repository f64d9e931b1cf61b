/** The preview's addresses and number formats, as Excel writes and shows them. */
import { formatAddress, parseArea } from "../../preview/workbook/address";
import { formatValue } from "../../preview/workbook/numberFormat";

describe("addresses", () => {
  it.each([
    ["B3", { r0: 2, c0: 1, r1: 2, c1: 1 }],
    ["$B$3:D5", { r0: 2, c0: 1, r1: 4, c1: 3 }],
    ["D5:B3", { r0: 2, c0: 1, r1: 4, c1: 3 }],
    ["B:D", { r0: 0, c0: 1, r1: 1_048_575, c1: 3 }],
    ["2:4", { r0: 1, c0: 0, r1: 3, c1: 16_383 }],
  ])("reads %s", (address, area) => expect(parseArea(address)).toEqual(area));

  it.each(["B", "3", "A1:B", "XFE1", "A1048577", "A1:B2:C3", "hello"])("refuses %s", (address) =>
    expect(parseArea(address)).toBeUndefined()
  );

  it("writes them back with the sheet quoted only when needed", () => {
    expect(formatAddress("CRM Export", parseArea("A1:G251")!)).toBe("'CRM Export'!A1:G251");
    expect(formatAddress("KPI", parseArea("B:D")!)).toBe("KPI!B:D");
    expect(formatAddress("O'Brien", parseArea("A1")!)).toBe("'O''Brien'!A1");
  });
});

describe("number formats", () => {
  it.each([
    [1886500, "#,##0", "1,886,500"],
    [23290.123457, "#,##0", "23,290"],
    [0.391304, "0.0%", "39.1%"],
    [0.25, "0%", "25%"],
    [1.14, '0.00"x"', "1.14x"],
    [62.82716, "0.0", "62.8"],
    [-1234.5, "#,##0.00", "-1,234.50"],
    [45661, "yyyy-mm-dd", "2025-01-04"],
    [45661, "yyyy-mm", "2025-01"],
    [45661, "mmm d, yyyy", "Jan 4, 2025"],
    // Times: 45661.5625 is 13:30 (0.5625 of a day); m after h, or before s, is minutes.
    [45661.5625, "yyyy-mm-dd hh:mm", "2025-01-04 13:30"],
    [45661.5625, "m/d/yyyy h:mm", "1/4/2025 13:30"],
    [45661 + 754 / 86400, "mm:ss", "12:34"],
    [0.25, "General", "0.25"],
    [1 / 3, "General", "0.3333333333"],
    [123456789012, "General", "1.23457E+11"],
  ])("shows %p in %s as %s", (value, format, text) =>
    expect(formatValue(value, format)).toBe(text)
  );

  it("shows text, logicals, blanks and errors as Excel does", () => {
    expect(formatValue("Closed Won", "#,##0")).toBe("Closed Won");
    expect(formatValue(true)).toBe("TRUE");
    expect(formatValue(null, "0%")).toBe("");
    expect(formatValue({ error: "#DIV/0!" }, "0%")).toBe("#DIV/0!");
  });
});

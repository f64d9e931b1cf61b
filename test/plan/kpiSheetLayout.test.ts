/**
 * The KPI sheet's layout: blocks one after the other with a blank row between, a block finding
 * another's top row from the layout, and a block that writes past its height refused.
 */
import { sheetContext } from "../../src/plan/kpiSheet/context";
import { BlockWriter, type SheetBlock, layOut } from "../../src/plan/kpiSheet/layout";

const context = sheetContext({ sheetName: "KPI", mode: "live", preset: "all", nameSuffix: "_2" });

/** A block of `height` rows, each row one cell with its text; `writes` rows are written. */
function block(what: string, height: number, writes = height): SheetBlock {
  return {
    what,
    height,
    place(top) {
      const w = new BlockWriter(context, top);
      for (let i = 0; i < writes; i++) w.line([{ value: `${what} ${i}` }]);
      return w.output;
    },
  };
}

describe("the KPI sheet's layout", () => {
  it("places each block below the one before, a blank row between", () => {
    const sheet = layOut([block("a", 2), block("b", 0), block("c", 1)]);
    expect(sheet.cells.map((cells) => [cells.row, cells.cells[0][0].value])).toEqual([
      [0, "a 0"],
      [1, "a 1"],
      [4, "c 0"],
    ]);
  });

  it("tells a block where another went, placed before or after it", () => {
    const later = block("later", 3);
    const reader: SheetBlock = {
      what: "reader",
      height: 1,
      place(top, layout) {
        const w = new BlockWriter(context, top);
        const row = w.line([{ value: `later at ${layout.topOf(later)}` }]);
        w.nameCell(context.name("KPI_READER"), row, 0);
        return w.output;
      },
    };
    const sheet = layOut([block("first", 2), reader, later]);
    expect(sheet.cells.find((cells) => cells.row === 3)?.cells[0][0].value).toBe("later at 5");
    expect(sheet.names).toEqual([{ name: "KPI_READER_2", refersTo: "'KPI'!$A$4" }]);
  });

  it("refuses a block that writes past its height, and one not on the sheet", () => {
    expect(() => layOut([block("short", 1, 2), block("next", 1)])).toThrow(
      "KPI sheet layout: the short (rows 1 to 1) writes row 2"
    );
    const missing = block("missing", 1);
    const asking: SheetBlock = {
      what: "asking",
      height: 0,
      place(top, layout) {
        layout.topOf(missing);
        return new BlockWriter(context, top).output;
      },
    };
    expect(() => layOut([asking])).toThrow("KPI sheet layout: the missing is not on the sheet");
  });
});

describe("the KPI sheet's charts", () => {
  /** A block of `height` rows with one chart of `chartHeight` rows beside it. */
  function charted(what: string, height: number, chartHeight: number): SheetBlock {
    return {
      what,
      height,
      place(top) {
        const w = new BlockWriter(context, top);
        for (let i = 0; i < height; i++) w.line([{ value: `${what} ${i}` }]);
        w.output.charts.push({
          kind: "column",
          title: what,
          categories: "A1:A2",
          values: "B1:B2",
          seriesName: what,
          anchor: { row: top, col: 8, width: 8, height: chartHeight },
        });
        return w.output;
      },
    };
  }

  it("moves a chart below a taller chart of the block above, rather than cover it", () => {
    const sheet = layOut([
      charted("short", 3, 14),
      charted("next", 5, 16),
      charted("last", 20, 10),
    ]);
    // "short" covers rows 0-13; "next" (block at row 4) moves to row 15, covering 15-30; "last"
    // (block at row 11) moves below it, to row 32.
    expect(sheet.charts.map((chart) => [chart.title, chart.anchor.row])).toEqual([
      ["short", 0],
      ["next", 15],
      ["last", 32],
    ]);
  });
});

/**
 * The preview's tables as Excel has them: names with structured references (=CrmDeals[Amount]) that
 * follow the table as rows are added through TableRowCollection.add, the current region of a block of
 * data, and error cells delivered as Excel delivers them (Range.values the error's text,
 * Range.valueTypes "Error").
 */
import { KpiError } from "../../src/engine";
import { structuredReference } from "../../src/plan/dataSource";
import { cellOf } from "../../src/taskpane/workbookData";
import { Host } from "../../preview/host/host";
import { createOfficeStandIn } from "../../preview/standIn/office";
import { mapStructuredRefs } from "../../preview/workbook/structured";
import { Workbook } from "../../preview/workbook/workbook";

function deals() {
  const workbook = new Workbook();
  const sheet = workbook.addSheet("Deals");
  workbook.setContents(sheet, { r0: 0, c0: 0, r1: 3, c1: 2 }, [
    ["Stage", "Amount ($)", "Owner"],
    ["Won", 100, "Ann"],
    ["Lost", 50, "Bob"],
    ["Won", 25, "Ann"],
  ]);
  workbook.setContents(sheet, { r0: 6, c0: 0, r1: 6, c1: 0 }, "Below the table");
  const table = workbook.addTable(sheet, { r0: 0, c0: 0, r1: 3, c1: 2 }, true, "Crm");
  const host = new Host(workbook);
  const { Excel } = createOfficeStandIn(host) as { Excel: typeof globalThis.Excel };
  return { workbook, sheet, table, host, Excel };
}

describe("structured references", () => {
  it("are written with Excel's brackets and escapes", () => {
    expect(structuredReference("CrmDeals", "Amount")).toBe("CrmDeals[Amount]");
    expect(structuredReference("CrmDeals", "Close Date")).toBe("CrmDeals[Close Date]");
    expect(structuredReference("CrmDeals", "Amount ($)")).toBe("CrmDeals[[Amount ($)]]");
    expect(structuredReference("CrmDeals", "#Deals")).toBe("CrmDeals[['#Deals]]");
    expect(structuredReference("CrmDeals", "Owner's [team]")).toBe("CrmDeals[[Owner''s '[team']]]");
  });

  it("are read back to the same column, strings and sheet names left alone", () => {
    const seen: string[] = [];
    const formula = `=SUM(T[[Owner''s '[team']]])+COUNTIF('T[x]'!A1,"T[y]")+T[Amount]`;
    mapStructuredRefs(
      formula,
      (name) => name === "T",
      (ref) => {
        seen.push(ref.column ?? "");
        return "X";
      }
    );
    expect(seen).toEqual(["Owner's [team]", "Amount"]);
  });

  it("in a name follow the table as rows are added with rows.add", async () => {
    const { workbook, sheet, Excel } = deals();
    workbook.addName("WON", `=SUMIFS(Crm[[Amount ($)]],Crm[Stage],"Won")`);
    workbook.addName("AMOUNTS", "=Crm[[Amount ($)]]");
    workbook.setContents(sheet, { r0: 0, c0: 5, r1: 0, c1: 5 }, "=WON");
    expect(workbook.value(sheet, 0, 5)).toBe(125);
    expect(workbook.names.find((n) => n.name === "AMOUNTS")!.formula).toBe("=Crm[[Amount ($)]]");
    await Excel.run(async (context) => {
      const rows = context.workbook.tables.getItem("Crm").rows;
      rows.add(null as unknown as undefined, [["Won", 40, "Cem"]]);
      rows.add(-1, [
        ["Won", 2, "Cem"],
        ["Lost", 1, "Cem"],
      ]);
      await context.sync();
    });
    expect(workbook.value(sheet, 0, 5)).toBe(167);
    expect(workbook.address(sheet, workbook.table("Crm")!.area)).toBe("Deals!A1:C7");
    // The text below the table moved down with the rows added above it, as Excel shifts it.
    expect(workbook.value(sheet, 9, 0)).toBe("Below the table");
    const range = workbook.nameRange(workbook.definedName("AMOUNTS")!)!;
    expect(workbook.address(range.sheet, range.area)).toBe("Deals!B2:B7");
  });

  it("inserts a row within the table and follows a renamed table", async () => {
    const { workbook, sheet, Excel } = deals();
    workbook.addName("WON", `=SUMIFS(Crm[[Amount ($)]],Crm[Stage],"Won")`);
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("Crm");
      table.rows.add(0, [["Won", 1000, "Dan"]]);
      table.name = "Deals2026";
      await context.sync();
    });
    expect(workbook.readValues(sheet, { r0: 1, c0: 0, r1: 2, c1: 1 })).toEqual([
      ["Won", 1000],
      ["Won", 100],
    ]);
    expect(workbook.definedName("WON")!.formula).toBe(
      `=SUMIFS(Deals2026[[Amount ($)]],Deals2026[Stage],"Won")`
    );
    expect(workbook.evaluator.nameValue("WON")).toBe(1125);
  });

  it("read #REF! once their table is deleted", () => {
    const { workbook, table } = deals();
    workbook.addName("AMOUNTS", "=Crm[Owner]");
    workbook.deleteTable(table);
    expect(workbook.definedName("AMOUNTS")!.formula).toBe("=#REF!");
  });
});

describe("the current region", () => {
  it("is the block around a cell, bounded by blank rows and columns", async () => {
    const { Excel } = deals();
    const address = await Excel.run(async (context) => {
      const region = context.workbook.worksheets
        .getItem("Deals")
        .getRange("B1")
        .getSurroundingRegion();
      region.load("address");
      await context.sync();
      return region.address;
    });
    expect(address).toBe("Deals!A1:C4");
  });
});

describe("error cells", () => {
  it("come as their text in values and as Error in valueTypes, and the pane makes them errors", async () => {
    const { workbook, sheet, Excel } = deals();
    workbook.setContents(sheet, { r0: 2, c0: 1, r1: 3, c1: 1 }, [["=NA()"], ["=1/0"]]);
    const read = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Deals").getRange("B2:B4");
      range.load(["values", "valueTypes"]);
      await context.sync();
      return { values: range.values, types: range.valueTypes };
    });
    expect(read.values).toEqual([[100], ["#N/A"], ["#DIV/0!"]]);
    expect(read.types).toEqual([["Double"], ["Error"], ["Error"]]);
    (globalThis as { Excel?: unknown }).Excel = Excel;
    const cell = cellOf(read.values[1][0], read.types[1][0]);
    expect(cell).toEqual(
      new KpiError("#N/A", {
        en: "the cell holds the error #N/A",
        tr: "hücrede #YOK hatası var",
      })
    );
    expect(cellOf("#N/A", "String")).toBe("#N/A");
  });
});

/**
 * Goal seek in Turkish: the solver's reasons and what `kpi solve --language tr` prints, word for word,
 * with numbers as Turkish writes them (1.250, %25).
 */
import { exampleLevers, solveLever } from "../../src/engine";
import { LEVER_HELP } from "../../src/cli/solveCommand";
import { UsageError } from "../../src/cli/typedValue";
import { solve } from "./solveRun";

const base = exampleLevers();

describe("the solver's reasons in Turkish", () => {
  it("says a target is above what a win rate can give", () => {
    const solution = solveLever("EXPECTED_REVENUE", "WIN_RATE", 3e6, base);
    expect(solution.found).toBe(false);
    if (!solution.found)
      expect(solution.reason.tr).toBe(
        "“Kazanma oranı” kaldıracı %0 ile %100 arasında değiştirilerek “Beklenen gelir” 3.000.000 değerine ulaşamaz: 0 ile 2.000.000 arasında değer alıyor ve hedef aldığı en yüksek değerin üzerinde"
      );
  });

  it("says an output does not depend on a lever", () => {
    const solution = solveLever("EXPECTED_REVENUE", "LEADS", 1e6, base);
    if (solution.found) throw new Error("expected no solution");
    expect(solution.reason.tr).toBe(
      "“Beklenen gelir”, “Dönemdeki potansiyel müşteriler” kaldıracına bağlı değil"
    );
  });

  it("says a blank lever leaves the output undefined", () => {
    const solution = solveLever("CAC", "LEADS", 1000, {
      ...base,
      SALES_MARKETING_SPEND: undefined,
    });
    if (solution.found) throw new Error("expected no solution");
    expect(solution.reason.tr).toBe(
      "diğer kaldıraçlar bu değerlerdeyken “Müşteri edinme maliyeti”, “Dönemdeki potansiyel müşteriler” kaldıracının 0 ile 1.000.000.000 arasındaki hiçbir değerinde hesaplanamıyor (boş ya da geçersiz bir kaldıraç var)"
    );
  });
});

describe("kpi solve in Turkish", () => {
  it("prints the lever, the output reached and the other levers", async () => {
    const run = await solve({ output: "CAC", lever: "LEADS", target: "1600", language: "tr" });
    expect(run).toEqual({
      code: 0,
      out: [
        "LEADS = 1.250",
        "CAC = 1.600 (hedef 1.600; LEADS önceden 1.000 idi)",
        "diğer kaldıraçlar: LEAD_CONVERSION_RATE=%20; WIN_RATE=%25; SALES_MARKETING_SPEND=100.000",
      ],
      err: [],
    });
  });

  it("writes a rate lever as a Turkish percentage", async () => {
    const run = await solve({
      output: "EXPECTED_REVENUE",
      lever: "WIN_RATE",
      target: "1234567",
      language: "tr",
    });
    expect(run.out).toEqual([
      "WIN_RATE = %61,73",
      "EXPECTED_REVENUE = 1.234.567 (hedef 1.234.567; WIN_RATE önceden %25 idi)",
      "diğer kaldıraçlar: OPEN_OPPORTUNITIES=200; AVG_DEAL_SIZE=10.000",
    ]);
  });

  it("takes a target typed as it prints numbers (1.234.567; 1.600 is one thousand six hundred)", async () => {
    const typed = await solve({
      output: "EXPECTED_REVENUE",
      lever: "WIN_RATE",
      target: "1.234.567",
      language: "tr",
    });
    expect(typed.out[0]).toBe("WIN_RATE = %61,73");
    const cac = await solve({ output: "CAC", lever: "LEADS", target: "1.600", language: "tr" });
    expect(cac.out[0]).toBe("LEADS = 1.250");
  });

  it("says why a target is out of reach, and exits 1", async () => {
    const run = await solve({
      output: "EXPECTED_REVENUE",
      lever: "WIN_RATE",
      target: "3e6",
      language: "tr",
    });
    expect(run).toEqual({
      code: 1,
      out: [],
      err: [
        "kpi: hedefe ulaşılamıyor: “Kazanma oranı” kaldıracı %0 ile %100 arasında değiştirilerek “Beklenen gelir” 3.000.000 değerine ulaşamaz: 0 ile 2.000.000 arasında değer alıyor ve hedef aldığı en yüksek değerin üzerinde",
        "diğer kaldıraçlar: OPEN_OPPORTUNITIES=200; AVG_DEAL_SIZE=10.000",
      ],
    });
  });

  it("gives the reason in Turkish in its JSON too", async () => {
    const run = await solve({
      output: "EXPECTED_REVENUE",
      lever: "LEADS",
      target: "1",
      language: "tr",
      json: true,
    });
    expect(JSON.parse(run.out[0]).reason).toBe(
      "“Beklenen gelir”, “Dönemdeki potansiyel müşteriler” kaldıracına bağlı değil"
    );
  });

  it("refuses what it cannot read in Turkish", async () => {
    const refused = (options: Parameters<typeof solve>[0]) =>
      solve({ ...options, language: "tr" }).then(
        () => "accepted",
        (error: unknown) => (error instanceof UsageError ? error.message : String(error))
      );
    await expect(refused({ output: "MARGIN", lever: "WIN_RATE", target: "1" })).resolves.toBe(
      '--output şunlardan biri olmalı: EXPECTED_REVENUE, PIPELINE_VELOCITY, NEW_CUSTOMERS, NEW_CUSTOMER_REVENUE, CAC, CLTV, LTV_CAC_RATIO, CAC_PAYBACK_MONTHS; "MARGIN" değil'
    );
    await expect(refused({ output: "CAC", lever: "LEADS", target: "çok" })).resolves.toBe(
      '--target bir sayı olmalı; "çok" değil'
    );
    await expect(
      refused({ output: "CAC", lever: "LEADS", target: "1", set: ["WIN_RATE=1.5"] })
    ).resolves.toBe("--set WIN_RATE %0 ile %100 arasında olmalı; %150 değil");
    await expect(
      refused({ output: "CAC", lever: "LEADS", target: "1", set: ["WIN_RATE"] })
    ).resolves.toBe('--set KALDIRAÇ=DEĞER biçiminde yazılır; "WIN_RATE" değil');
  });

  it("speaks English when no language is given", async () => {
    const run = await solve({ output: "CAC", lever: "LEADS", target: "1600" });
    expect(run.out[0]).toBe("LEADS = 1,250");
  });

  it("lists the levers with their Turkish labels for its help", () => {
    expect(LEVER_HELP.tr).toContain(
      "WIN_RATE (Kazanma oranı); AVG_DEAL_SIZE (Ortalama anlaşma büyüklüğü)"
    );
    expect(LEVER_HELP.en).toContain("WIN_RATE (Win rate); AVG_DEAL_SIZE (Average deal size)");
  });
});

/**
 * The what-if faces' words: the scenario sheet (levers, scenarios, outputs, change from Base), its
 * sensitivity grid and tornado, the simulated revenue's rows, and the task pane's what-if card.
 * Turkish follows Turkish Excel where it has a word ("Durum çözümlemesi" for What-If Analysis).
 */
import { defineSection } from "../table";

/** The scenario sheet's own cells, and the names of what it adds. */
export const SCENARIO_SHEET = defineSection("scenarioSheet", {
  en: {
    sheetName: "Scenarios",
    title: "Scenarios",
    linked:
      "Base follows the KPI sheet; Best and Worst move every lever by the swing (Best the favourable way). Type over any yellow cell.",
    typed:
      "Type your figures into the yellow Base cells; Best and Worst move every lever by the swing (Best the favourable way).",
    swing: "Swing",
    swingHint: "Best, Worst and the tornado move each lever this far from Base",
    levers: "Levers",
    lever: "Lever",
    source: "Source",
    outputs: "Outputs",
    output: "Output",
    definition: "Definition",
    change: "Change from Base",
    base: "Base",
    best: "Best",
    worst: "Worst",
    typedIn: "typed in",
    needs: "Needs: {levers}",
    /** Between the labels of a list ("Needs: Win rate, Average deal size"). */
    listSeparator: ", ",
    /** Between the arguments of a function in a definition: Turkish Excel separates them by ";". */
    argumentSeparator: ", ",
    chart: "{output} by scenario",
    simulation: "Simulated expected revenue (Worst, Base and Best as low, likely and high)",
    trials: "Trials",
    seed: "Seed",
    /** The name of the scenario that "Reach a target" adds. */
    targetScenario: "{output} = {target}",
  },
  tr: {
    sheetName: "Senaryolar",
    title: "Senaryolar",
    linked:
      "Temel sütun KPI sayfasını izler; En iyi ve En kötü her kaldıracı sapma kadar oynatır (En iyi olumlu yönde). Sarı hücrelerin üzerine yazabilirsiniz.",
    typed:
      "Rakamlarınızı sarı Temel hücrelerine yazın; En iyi ve En kötü her kaldıracı sapma kadar oynatır (En iyi olumlu yönde).",
    swing: "Sapma",
    swingHint: "En iyi, En kötü ve tornado grafiği her kaldıracı Temelden bu kadar oynatır",
    levers: "Kaldıraçlar",
    lever: "Kaldıraç",
    source: "Kaynak",
    outputs: "Sonuçlar",
    output: "Sonuç",
    definition: "Tanım",
    change: "Temele göre değişim",
    base: "Temel",
    best: "En iyi",
    worst: "En kötü",
    typedIn: "elle girilir",
    needs: "Gerekli: {levers}",
    listSeparator: ", ",
    argumentSeparator: "; ",
    chart: "{output}: senaryolara göre",
    simulation:
      "Beklenen gelir simülasyonu (En kötü, Temel ve En iyi: düşük, en olası ve yüksek değer)",
    trials: "Deneme sayısı",
    seed: "Tohum değeri",
    targetScenario: "{output} = {target}",
  },
});

/** The sensitivity grid and the tornado below the scenarios. */
export const SENSITIVITY = defineSection("sensitivity", {
  en: {
    grid: "Sensitivity: {output} by {rows} (down) and {columns} (across)",
    change: "{lever}: change",
    tornado: "Tornado: {output}, each lever moved by the swing",
    lever: "Lever",
    down: "Lever down",
    up: "Lever up",
    atDown: "Output, lever down",
    atUp: "Output, lever up",
    changeDown: "Change, lever down",
    changeUp: "Change, lever up",
  },
  tr: {
    grid: "Duyarlılık: {output}; satırlarda {rows}, sütunlarda {columns}",
    change: "{lever}: değişim",
    tornado: "Tornado grafiği: {output} (her kaldıraç sapma kadar oynatılır)",
    lever: "Kaldıraç",
    down: "Kaldıraç aşağı",
    up: "Kaldıraç yukarı",
    atDown: "Sonuç, kaldıraç aşağı",
    atUp: "Sonuç, kaldıraç yukarı",
    changeDown: "Değişim, kaldıraç aşağı",
    changeUp: "Değişim, kaldıraç yukarı",
  },
});

/** The task pane's what-if card: the scenario sheet button and "Reach a target". */
export const WHAT_IF_CARD = defineSection("whatIfCard", {
  en: {
    heading: "5. What-if",
    hint: "Levers and outputs in scenarios (Base follows the latest KPI sheet), with sensitivity and a tornado.",
    build: "Scenario sheet",
    building: "Building…",
    built: "Built the scenario sheet “{sheet}”: change any yellow cell and every output follows.",
    reachHeading: "Reach a target",
    output: "Output",
    lever: "By moving",
    target: "Target",
    reach: "Reach a target",
    reached: "{lever} {value} reaches {output} {target}: written as column {column} of “{sheet}”.",
    badTarget: "Type the target as a number.",
    failed: "Nothing was changed: {reason}",
  },
  tr: {
    heading: "5. Durum çözümlemesi",
    hint: "Senaryolarda kaldıraçlar ve sonuçlar (Temel son KPI sayfasını izler), duyarlılık tablosu ve tornado grafiğiyle.",
    build: "Senaryo sayfası",
    building: "Oluşturuluyor…",
    built:
      "“{sheet}” senaryo sayfası oluşturuldu: sarı bir hücreyi değiştirdiğinizde tüm sonuçlar güncellenir.",
    reachHeading: "Hedefe ulaş",
    output: "Sonuç",
    lever: "Değiştirilecek kaldıraç",
    target: "Hedef",
    reach: "Hedefe ulaş",
    reached:
      "{lever} {value} olduğunda {output} {target} olur: “{sheet}” sayfasına {column} sütunu olarak yazıldı.",
    badTarget: "Hedefi sayı olarak yazın.",
    failed: "Hiçbir şey değiştirilmedi: {reason}",
  },
});

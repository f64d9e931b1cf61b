/** What the Excel writer says when a build fails: what failed, then the state the workbook is in. */
import { defineSection } from "../table";

export const WRITER = defineSection("writer", {
  en: {
    leftAsItWas: "The workbook was left as it was.",
    cannotRead: "Could not read the workbook's sheets and names ({reason}).",
    cannotPlan: "Could not plan the KPI sheet ({reason}).",
    cannotWrite: "Could not write {added} ({reason}).",
    cleanupFailed:
      "Removing what had been added also failed ({reason}): please delete {added} by hand.",
    localNamesFailed:
      "Excel did not know the KPI functions by their English names, and writing them in its own language failed ({reason}).",
    keptWithNameErrors:
      "{added} was kept; its KPI cells show #NAME? until the formulas are typed again.",
    sheetExists:
      'Could not add the sheet "{sheet}": the workbook already has a sheet of that name.',
    nameExists: "Could not add the name {name}: the workbook already has a name like it.",
    theSheet: { one: "the sheet {sheets}", other: "the sheets {sheets}" },
    sheetsToDelete: { one: "the sheet {sheets}", other: "the sheets {sheets}" },
    namesToDelete: { one: "the name {names}", other: "the names {names}" },
    and: "{first} and {second}",
    cannotReadScenario: 'Could not read the scenario sheet "{sheet}".',
    cannotWriteScenario: 'Could not write the scenario column on "{sheet}".',
  },
  tr: {
    leftAsItWas: "Çalışma kitabı olduğu gibi bırakıldı.",
    cannotRead: "Çalışma kitabının sayfaları ve adları okunamadı ({reason}).",
    cannotPlan: "KPI sayfası planlanamadı ({reason}).",
    cannotWrite: "{added} yazılamadı ({reason}).",
    cleanupFailed: "Eklenenler de kaldırılamadı ({reason}): lütfen {added} elle silin.",
    localNamesFailed:
      "Excel KPI işlevlerini İngilizce adlarıyla tanımadı ve kendi dilindeki adlarıyla yazmak da başarısız oldu ({reason}).",
    keptWithNameErrors:
      "{added} korundu; formüller yeniden yazılana dek KPI hücreleri #AD? gösterir.",
    sheetExists: '"{sheet}" sayfası eklenemedi: çalışma kitabında bu adda bir sayfa zaten var.',
    nameExists: "{name} adı eklenemedi: çalışma kitabında buna benzer bir ad zaten var.",
    theSheet: { one: "{sheets} sayfası", other: "{sheets} sayfaları" },
    // Turkish marks the object of "silin" (delete): sayfasını, adlarını.
    sheetsToDelete: { one: "{sheets} sayfasını", other: "{sheets} sayfalarını" },
    namesToDelete: { one: "{names} adını", other: "{names} adlarını" },
    and: "{first} ve {second}",
    cannotReadScenario: '"{sheet}" senaryo sayfası okunamadı.',
    cannotWriteScenario: '"{sheet}" sayfasına senaryo sütunu yazılamadı.',
  },
});

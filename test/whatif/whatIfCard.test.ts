/**
 * The task pane's what-if card in Turkish: its headings, button, field labels and drop-downs, and
 * the refusal of a target that is not a number, all in Turkish.
 *
 * @jest-environment jsdom
 */
import { mountWhatIfCard } from "../../src/taskpane/whatIfCard";

/* global document, HTMLButtonElement, HTMLElement, HTMLInputElement, HTMLSelectElement */

function mount(language: "en" | "tr"): HTMLElement {
  const parent = document.createElement("div");
  mountWhatIfCard(parent, null, language, () => "portable");
  return parent;
}

const texts = (root: HTMLElement, selector: string) =>
  Array.from(root.querySelectorAll(selector), (node) => node.textContent);

describe("the what-if card in Turkish", () => {
  it("names its parts in Turkish", () => {
    const card = mount("tr");
    expect(texts(card, "h2")).toEqual(["5. Durum çözümlemesi", "Hedefe ulaş"]);
    expect(texts(card, "button")).toEqual(["Senaryo sayfası", "Hedefe ulaş"]);
    expect(texts(card, "label")).toEqual(["Sonuç", "Değiştirilecek kaldıraç", "Hedef"]);
  });

  it("lists the outputs and the levers of the chosen output by their Turkish labels", () => {
    const card = mount("tr");
    const outputs = card.querySelector<HTMLSelectElement>("#what-if-output")!;
    expect(outputs.options[0].text).toBe("Beklenen gelir");
    const levers = card.querySelector<HTMLSelectElement>("#what-if-lever")!;
    expect(Array.from(levers.options, (option) => option.text)).toEqual([
      "Açık fırsatlar",
      "Kazanma oranı",
      "Ortalama anlaşma büyüklüğü",
    ]);
  });

  it("asks for a number in Turkish when the target is not one", async () => {
    const card = mount("tr");
    card.querySelector<HTMLInputElement>("#what-if-target")!.value = "çok";
    const reach = card.querySelectorAll<HTMLButtonElement>("button")[1];
    reach.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(card.querySelector(".result")!.textContent).toBe("Hedefi sayı olarak yazın.");
  });

  it("differs from the English card in every word it shows", () => {
    const english = mount("en");
    const turkish = mount("tr");
    const shown = (root: HTMLElement) => texts(root, "h2, p, button, label, option");
    const pairs = shown(english).map((text, i) => [text, shown(turkish)[i]]);
    expect(pairs.length).toBeGreaterThan(10);
    expect(pairs.filter(([en, tr]) => en === tr)).toEqual([]);
  });
});

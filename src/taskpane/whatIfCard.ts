/**
 * The task pane's what-if card: "Scenario sheet" builds the scenario sheet beside the latest KPI sheet,
 * and "Reach a target" solves for a lever and writes the answer as a new scenario column. The card
 * builds its own elements (text always through textContent), so the pane only mounts it.
 */
import type { Language } from "../engine";
import {
  type LeverId,
  OUTPUTS,
  type OutputId,
  leverOf,
  leversOf,
  outputLabel,
  outputOf,
  formatKpi,
  parseTypedNumber,
} from "../engine";
import { fill, reasonIn } from "../i18n";
import { WHAT_IF_CARD } from "../i18n/strings/scenario";
import { placeScenarioSheet } from "../plan/placeScenarioSheet";
import { writePlanToWorkbook } from "../writers/excel";
import { reachTargetInWorkbook } from "../writers/scenarioColumn";

/* global Excel */

/** A new element of the pane with its properties (text only ever through textContent). */
function element<T extends HTMLElement>(tag: string, props: Partial<T> = {}): T {
  return Object.assign(document.createElement(tag) as T, props);
}

function option(value: string, text: string): HTMLElement {
  return new Option(text, value);
}

/**
 * Adds the what-if card to the pane, before `before` (the footer).
 * @param mode The formulas the pane's options ask for: live or portable.
 */
export function mountWhatIfCard(
  parent: HTMLElement,
  before: HTMLElement | null,
  language: Language,
  mode: () => "live" | "portable"
): void {
  const t = WHAT_IF_CARD[language];
  const card = element("section", { className: "card", id: "what-if-card" });
  const result = element("div", { className: "result" });
  result.setAttribute("role", "status");
  const build = element<HTMLButtonElement>("button", {
    type: "button",
    className: "button",
    textContent: t.build,
  });
  const outputs = element<HTMLSelectElement>("select", {
    className: "select",
    id: "what-if-output",
  });
  OUTPUTS.forEach((o) => outputs.append(option(o.id, outputLabel(o, language))));
  const levers = element<HTMLSelectElement>("select", { className: "select", id: "what-if-lever" });
  const target = element<HTMLInputElement>("input", {
    className: "input",
    id: "what-if-target",
    type: "text",
  });
  target.inputMode = "decimal";
  const reach = element<HTMLButtonElement>("button", {
    type: "button",
    className: "button",
    textContent: t.reach,
  });
  const showLevers = () => {
    levers.replaceChildren(
      ...leversOf(outputs.value as OutputId).map((id) => option(id, leverOf(id).label[language]))
    );
  };
  outputs.addEventListener("change", showLevers);
  showLevers();

  const grid = element("div", { className: "grid" });
  for (const [text, control] of [
    [t.output, outputs],
    [t.lever, levers],
    [t.target, target],
  ] as const) {
    const label = element("label", { textContent: text });
    label.setAttribute("for", control.id);
    grid.append(label, control);
  }
  const actions = (button: HTMLButtonElement) => {
    const row = element("div", { className: "actions" });
    row.append(button);
    return row;
  };
  card.append(
    element("h2", { textContent: t.heading }),
    element("p", { className: "hint", textContent: t.hint }),
    actions(build),
    element("h2", { textContent: t.reachHeading }),
    grid,
    actions(reach),
    result
  );
  parent.insertBefore(card, before);

  let sheet: string | null = null;
  const say = (text: string, kind: "error" | "success" | "" = "") => {
    result.textContent = text;
    result.className = `result ${kind}`;
  };
  const busy = async (work: () => Promise<void>) => {
    build.disabled = reach.disabled = true;
    say(t.building);
    try {
      await work();
    } catch (error) {
      say(fill(t.failed, { reason: reasonIn(error, language) }, language), "error");
    } finally {
      build.disabled = reach.disabled = false;
    }
  };

  build.addEventListener("click", () =>
    busy(async () => {
      const report = await Excel.run((context) =>
        writePlanToWorkbook(context, (existing) =>
          placeScenarioSheet(existing, { mode: mode(), language })
        )
      );
      sheet = report.sheets[0];
      say(fill(t.built, { sheet }, language), "success");
    })
  );

  reach.addEventListener("click", () =>
    busy(async () => {
      const value = parseTypedNumber(target.value, language);
      if (value === undefined) return say(t.badTarget, "error");
      const output = outputs.value as OutputId;
      const lever = levers.value as LeverId;
      // Without a sheet built in this session, the writer finds the workbook's latest one.
      const report = await Excel.run((context) =>
        reachTargetInWorkbook(
          context,
          sheet ?? undefined,
          { output, lever, target: value },
          language
        )
      );
      const { solution } = report.answer;
      if (!solution.found)
        return say(fill(t.failed, { reason: solution.reason }, language), "error");
      const unit = outputOf(output).unit;
      say(
        fill(
          t.reached,
          {
            lever: leverOf(lever).label[language],
            value: formatKpi(solution.value, leverOf(lever).kind, language),
            output: outputLabel(outputOf(output), language),
            target: formatKpi(value, unit === "table" ? "number" : unit, language),
            column: report.column ?? "",
            sheet: report.sheet,
          },
          language
        ),
        "success"
      );
    })
  );
}

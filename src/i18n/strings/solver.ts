/**
 * Goal seek's words: why a target cannot be reached (the solver's reasons, shown by the task pane's
 * "Reach a target" and by `kpi solve`), and what `kpi solve` prints and refuses. Lever and output
 * names are quoted: they are labels ("Win rate") set inside a sentence.
 */
import { defineSection } from "../table";

/** The solver's reasons: {min}, {max}, {target}, {low} and {high} are numbers already written out. */
export const SOLVER = defineSection("solver", {
  en: {
    notReached: "the function does not reach {target} for x from {min} to {max}: {spans}",
    spans: "it spans {low} to {high}",
    nowhereDefined: "it is nowhere defined",
    independent: "“{output}” does not depend on “{lever}”",
    undefinedEverywhere:
      "“{output}” cannot be computed for any “{lever}” from {min} to {max} with the other levers as they are (a blank or invalid lever)",
    unreachable:
      "“{output}” cannot reach {target} by moving “{lever}” from {min} to {max}: it spans {low} to {high}, and the target is {where}",
    above: "above the highest value it takes",
    below: "below the lowest value it takes",
    gap: "in a gap of the values it takes",
  },
  tr: {
    notReached: "işlev, x {min} ile {max} arasındayken {target} değerine ulaşmıyor: {spans}",
    spans: "{low} ile {high} arasında değer alıyor",
    nowhereDefined: "hiçbir noktada tanımlı değil",
    independent: "“{output}”, “{lever}” kaldıracına bağlı değil",
    undefinedEverywhere:
      "diğer kaldıraçlar bu değerlerdeyken “{output}”, “{lever}” kaldıracının {min} ile {max} arasındaki hiçbir değerinde hesaplanamıyor (boş ya da geçersiz bir kaldıraç var)",
    unreachable:
      "“{lever}” kaldıracı {min} ile {max} arasında değiştirilerek “{output}” {target} değerine ulaşamaz: {low} ile {high} arasında değer alıyor ve hedef {where}",
    above: "aldığı en yüksek değerin üzerinde",
    below: "aldığı en düşük değerin altında",
    gap: "aldığı değerler arasındaki bir boşlukta",
  },
});

/** `kpi solve`: its answer, its refusals (exit 2) and the line before an unreachable target's reason. */
export const SOLVE_COMMAND = defineSection("solveCommand", {
  en: {
    value: "{lever} = {value}",
    reached: "{output} = {reached} (target {target}; {lever} was {before})",
    withLevers: "with {levers}",
    withoutLevers: "with no other lever",
    setting: "{lever}={value}",
    /** Between the levers of "with ...": Turkish numbers have a decimal comma. */
    listSeparator: ", ",
    unreachable: "kpi: unreachable: {reason}",
    badOutput: '--output must be one of {outputs}, not "{given}"',
    badLever: '{flag} must name a lever: {levers}, not "{given}"',
    badNumber: '{flag} must be a number, not "{given}"',
    badPair: '--set takes LEVER=VALUE, not "{given}"',
    outOfBounds: "--set {lever} must lie between {min} and {max}, not {value}",
  },
  tr: {
    value: "{lever} = {value}",
    reached: "{output} = {reached} (hedef {target}; {lever} önceden {before} idi)",
    withLevers: "diğer kaldıraçlar: {levers}",
    withoutLevers: "başka kaldıraç kullanılmadı",
    setting: "{lever}={value}",
    listSeparator: "; ",
    unreachable: "kpi: hedefe ulaşılamıyor: {reason}",
    badOutput: '--output şunlardan biri olmalı: {outputs}; "{given}" değil',
    badLever: '{flag} bir kaldıraç adı olmalı: {levers}; "{given}" değil',
    badNumber: '{flag} bir sayı olmalı; "{given}" değil',
    badPair: '--set KALDIRAÇ=DEĞER biçiminde yazılır; "{given}" değil',
    outOfBounds: "--set {lever} {min} ile {max} arasında olmalı; {value} değil",
  },
});

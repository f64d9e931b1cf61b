/** Every worked example of every catalog entry, through the engine. */
import { CATALOG, evaluate } from "../../src/engine";
import { expectResult } from "../helpers";

describe.each(CATALOG.map((entry) => [entry.id, entry] as const))("%s", (_id, entry) => {
  it.each(entry.examples.map((example, i) => [i + 1, example.note ?? "", example] as const))(
    "example %i %s",
    (_n, _note, example) => {
      expectResult(evaluate(entry.id, example.args), example.expect);
    }
  );
});

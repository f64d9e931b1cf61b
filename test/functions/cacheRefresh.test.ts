/** Office.ForceRefreshCustomFunctionsCache is turned on after a version change, and off once it ran. */
import {
  FORCE_REFRESH,
  VERSION_KEY,
  refreshCacheOnNewVersion,
} from "../../src/functions/cacheRefresh";

function settings(initial: Record<string, unknown> = {}) {
  const values = new Map(Object.entries(initial));
  let saves = 0;
  return {
    values,
    get saves() {
      return saves;
    },
    get: (name: string) => values.get(name),
    set: (name: string, value: unknown) => void values.set(name, value),
    saveAsync: () => void saves++,
  };
}
const store = (initial: Record<string, string> = {}) => {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => values.get(k) ?? null,
    setItem: (k: string, v: string) => void values.set(k, v),
  };
};

describe("refreshCacheOnNewVersion", () => {
  it("turns the refresh on in a document that ran an older version, then off once it ran this one", () => {
    const doc = settings({ [VERSION_KEY]: "0.1.0.0" });
    expect(refreshCacheOnNewVersion("0.2.0.0", doc, store())).toBe("refresh-on");
    expect(doc.values.get(FORCE_REFRESH)).toBe(true);
    expect(doc.values.get(VERSION_KEY)).toBe("0.2.0.0");
    expect(refreshCacheOnNewVersion("0.2.0.0", doc, store())).toBe("refresh-off");
    expect(doc.values.get(FORCE_REFRESH)).toBe(false);
    expect(refreshCacheOnNewVersion("0.2.0.0", doc, store())).toBe("unchanged");
    expect(doc.saves).toBe(2);
  });

  it("uses the browser's last version for a document that never ran the add-in", () => {
    const doc = settings();
    expect(refreshCacheOnNewVersion("0.2.0.0", doc, store({ [VERSION_KEY]: "0.1.0.0" }))).toBe(
      "refresh-on"
    );
  });

  it("leaves a new document untouched on a first run, and does nothing without document settings", () => {
    const doc = settings();
    expect(refreshCacheOnNewVersion("0.2.0.0", doc, store())).toBe("unchanged");
    expect(doc.saves).toBe(0);
    expect(refreshCacheOnNewVersion("0.2.0.0", undefined, store())).toBe("unavailable");
  });
});

/**
 * A deterministic sample of a CRM deal export (as Salesforce or HubSpot write one), in English or
 * Turkish, for demonstrations and tests: the same count and seed always give the same rows.
 * Run `node lib/tools/sampleDeals.js [count] [seed] [en|tr]` to print it as CSV.
 */
import type { Language } from "../engine";
import { MS_PER_DAY } from "../engine/excelDate";
import { seededUniform } from "../engine/simulation";

type StageKey = "won" | "lost" | "prospecting" | "qualification" | "proposal" | "negotiation";

const HEADERS: Record<Language, string[]> = {
  en: ["Deal Name", "Deal Owner", "Stage", "Amount", "Created Date", "Close Date", "Lead Source"],
  tr: ["Fırsat Adı", "Temsilci", "Aşama", "Tutar", "Oluşturma Tarihi", "Kapanış Tarihi", "Kaynak"],
};

const STAGES: Record<Language, Record<StageKey, string>> = {
  en: {
    won: "Closed Won",
    lost: "Closed Lost",
    prospecting: "Prospecting",
    qualification: "Qualification",
    proposal: "Proposal",
    negotiation: "Negotiation",
  },
  tr: {
    won: "Kazanıldı",
    lost: "Kaybedildi",
    prospecting: "Potansiyel",
    qualification: "Nitelendirme",
    proposal: "Teklif",
    negotiation: "Müzakere",
  },
};

const OPEN_STAGES: StageKey[] = ["prospecting", "qualification", "proposal", "negotiation"];

/** Owners with their own win rates, so that per-rep figures differ as they do in practice. */
const OWNERS: Record<Language, [string, number][]> = {
  en: [
    ["Alice Martin", 0.42],
    ["Ben Carter", 0.3],
    ["Chloe Nguyen", 0.38],
    ["David Okafor", 0.28],
    ["Emma Rossi", 0.4],
    ["Frank Müller", 0.33],
    ["Grace Kim", 0.36],
  ],
  tr: [
    ["Ayşe Yılmaz", 0.42],
    ["Mehmet Demir", 0.3],
    ["Zeynep Kaya", 0.38],
    ["Emre Şahin", 0.28],
    ["Elif Çelik", 0.4],
    ["Burak Öztürk", 0.33],
    ["İpek Aydın", 0.36],
  ],
};

const SOURCES: Record<Language, string[]> = {
  en: ["Inbound", "Referral", "Outbound", "Event", "Partner", "Web"],
  tr: ["Gelen Talep", "Referans", "Dış Arama", "Etkinlik", "İş Ortağı", "Web Sitesi"],
};

const COMPANIES = [
  "Acme Corp",
  "Globex",
  "Initech",
  "Umbrella Health",
  "Stark Logistics",
  "Wayne Foods",
  "Anadolu Tekstil",
  "Boğaziçi Yazılım",
  "Ege Lojistik",
  "Kara, Doğan & Ortakları",
  "Nordic Retail",
  "Pioneer Energy",
];

const PRODUCTS: Record<Language, string[]> = {
  en: ["Annual License", "Platform Upgrade", "Onboarding", "Support Renewal", "Expansion", "Pilot"],
  tr: ["Yıllık Lisans", "Platform Yükseltme", "Kurulum", "Destek Yenileme", "Genişleme", "Pilot"],
};

const FIRST_DAY = Date.UTC(2025, 0, 1);
/** The export's "today": the last day deals are created; closed deals closed by then. */
const AS_OF = Date.UTC(2026, 8, 30);
const SHARE_OPEN = 0.2;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Generates a CRM deal export: a header row and `count` deals, ordered by creation date. About 20% of
 * the deals are open (with an expected close date after the export date), the rest won or lost at a
 * win rate of about 35%; amounts are log-normal between 2,000 and 250,000, rounded to 100; deals are
 * created from 2025-01-01 to 2026-09-30 and closed 10 to 120 days later.
 * @param count How many deals.
 * @param seed The seed of the generator; the same seed gives the same rows.
 * @param language "en" for English headers and stages, "tr" for Turkish ones.
 */
export function generateDeals(count: number, seed = 1, language: Language = "en"): string[][] {
  const random = seededUniform(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const stages = STAGES[language];
  const span = Math.round((AS_OF - FIRST_DAY) / MS_PER_DAY);

  const deals: { created: number; row: string[] }[] = [];
  for (let i = 0; i < count; i++) {
    const [owner, ownerWinRate] = pick(OWNERS[language]);
    const amount = Math.min(
      250_000,
      Math.max(2_000, Math.round(Math.exp(Math.log(20_000) + 0.9 * normal()) / 100) * 100)
    );
    const open = random() < SHARE_OPEN;
    let created: number;
    let closed: number;
    let stage: StageKey;
    if (open) {
      // Open deals are recent ones; their close date is only expected, so it lies ahead.
      created = AS_OF - between(0, 150) * MS_PER_DAY;
      closed = AS_OF + between(7, 120) * MS_PER_DAY;
      stage = pick(OPEN_STAGES);
    } else {
      const cycle = between(10, 120);
      created = FIRST_DAY + between(0, span - cycle) * MS_PER_DAY;
      closed = created + cycle * MS_PER_DAY;
      stage = random() < ownerWinRate ? "won" : "lost";
    }
    const name = `${pick(COMPANIES)} - ${pick(PRODUCTS[language])}`;
    const row = [
      name,
      owner,
      stages[stage],
      String(amount),
      isoDay(created),
      isoDay(closed),
      pick(SOURCES[language]),
    ];
    deals.push({ created, row });
  }
  // A stable sort keeps equal creation dates in generation order, so the output stays deterministic.
  deals.sort((a, b) => a.created - b.created);
  return [HEADERS[language], ...deals.map((deal) => deal.row)];
}

/** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes rows as comma-separated text, one line per row, ending with a line break.
 * @param rows The header row and the data rows.
 */
export function toCsv(rows: string[][]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}

if (require.main === module) {
  const [count = "250", seed = "1", language = "en"] = process.argv.slice(2);
  if (language !== "en" && language !== "tr")
    throw new Error(`language must be en or tr, not ${language}`);
  process.stdout.write(toCsv(generateDeals(Number(count), Number(seed), language)));
}

/** Section 4 of the metric specification: the customer relationship. */
import { divide, nameOf, param, reasonAbout, shareOf } from "./helpers";
import type { MetricEntry } from "./types";

const lost = param(
  "customers_lost",
  "kaybedilen_musteri",
  "count",
  "Customers lost in the period.",
  "Dönemde kaybedilen müşteriler."
);
const atStart = param(
  "customers_at_start",
  "donem_basi_musteri",
  "count",
  "Customers at the start of the period.",
  "Dönem başındaki müşteriler."
);
const newCustomers = param(
  "new_customers",
  "yeni_musteri",
  "count",
  "New customers won in the period.",
  "Dönemde kazanılan yeni müşteriler."
);

const LOST = nameOf(lost);
const AT_START = nameOf(atStart);
const NO_NEW_CUSTOMER = reasonAbout(newCustomers, {
  en: "{name} is 0: no customer to spread the cost over",
  tr: "{name} 0: maliyetin dağıtılacağı müşteri yok",
});

export const customerMetrics: MetricEntry[] = [
  {
    id: "CAC",
    trName: "MUSTERI_EDINME_MALIYETI",
    category: "customer",
    title: { en: "Customer acquisition cost", tr: "Müşteri edinme maliyeti" },
    description: {
      en: "Sales and marketing spend per new customer won.",
      tr: "Kazanılan yeni müşteri başına satış ve pazarlama harcaması.",
    },
    formula: {
      en: "total sales and marketing spend / new customers won",
      tr: "toplam satış ve pazarlama harcaması / kazanılan yeni müşteri",
    },
    params: [
      param(
        "sales_marketing_spend",
        "satis_pazarlama_gideri",
        "money",
        "Total sales and marketing spend.",
        "Toplam satış ve pazarlama harcaması."
      ),
      newCustomers,
    ],
    unit: "money",
    compute: (spend: number, customers: number) => divide(spend, customers, NO_NEW_CUSTOMER),
    excel: (spend, customers) => `${spend}/${customers}`,
    examples: [
      { args: [100000, 50], expect: 2000, note: "the article's example" },
      { args: [100000, 0], expect: "#DIV/0!" },
    ],
  },
  {
    id: "CLTV",
    trName: "MUSTERI_YASAM_BOYU_DEGERI",
    category: "customer",
    title: { en: "Customer lifetime value", tr: "Müşteri yaşam boyu değeri" },
    description: {
      en: "Revenue a customer brings over the whole relationship.",
      tr: "Bir müşterinin ilişki boyunca getirdiği gelir.",
    },
    formula: {
      en: "average revenue per customer per year × average customer lifetime in years",
      tr: "müşteri başına yıllık ortalama gelir × yıl cinsinden ortalama müşteri ömrü",
    },
    params: [
      param(
        "revenue_per_customer_year",
        "musteri_basi_yillik_gelir",
        "money",
        "Average revenue per customer per year.",
        "Müşteri başına yıllık ortalama gelir."
      ),
      param(
        "lifetime_years",
        "omur_yil",
        "years",
        "Average customer lifetime in years.",
        "Yıl cinsinden ortalama müşteri ömrü."
      ),
    ],
    unit: "money",
    compute: (revenue: number, years: number) => revenue * years,
    excel: (revenue, years) => `${revenue}*${years}`,
    examples: [
      { args: [5000, 3], expect: 15000, note: "the article's example" },
      { args: [5000, -1], expect: "#NUM!" },
    ],
  },
  {
    id: "CHURN_RATE",
    trName: "KAYIP_ORANI",
    category: "customer",
    title: { en: "Churn rate", tr: "Kayıp oranı (churn)" },
    description: {
      en: "Share of the customers at the start of the period that were lost (gross churn; new customers do not offset it).",
      tr: "Dönem başındaki müşterilerden kaybedilenlerin payı (brüt kayıp; yeni müşteriler bunu dengelemez).",
    },
    formula: {
      en: "customers lost in the period / customers at the start of the period",
      tr: "dönemde kaybedilen müşteri / dönem başındaki müşteri",
    },
    params: [lost, atStart],
    unit: "rate",
    compute: (lostCount: number, start: number) => shareOf(lostCount, LOST, start, AT_START),
    excel: (lostRef, start) => `${lostRef}/${start}`,
    examples: [
      {
        args: [30, 500],
        expect: 0.06,
        note: "the article's example, by its own formula (the article states 2%, the net figure)",
      },
      { args: [30, 0], expect: "#DIV/0!" },
      { args: [600, 500], expect: "#NUM!", note: "more lost than there were" },
    ],
    note: {
      en: "The article's churn example (500 at the start, 30 lost, 20 new) states 2%: that is the net figure (30 − 20) / 500, given by NET_CHURN_RATE. Its own formula, which CHURN_RATE follows, gives 6%.",
      tr: "Makale kayıp örneği için (dönem başında 500 müşteri, 30 kayıp, 20 yeni) %2 sonucunu verir: bu, NET_KAYIP_ORANI işlevinin hesapladığı net orandır, (30 − 20) / 500. KAYIP_ORANI işlevinin izlediği, makalenin kendi formülü ise %6 verir.",
    },
  },
  {
    id: "NET_CHURN_RATE",
    trName: "NET_KAYIP_ORANI",
    category: "customer",
    title: { en: "Net churn rate", tr: "Net kayıp oranı" },
    description: {
      en: "Customers lost net of new customers, as a share of customers at the start; negative when the base grew.",
      tr: "Kaybedilen müşterilerden yeni müşteriler düşüldükten sonra kalanın dönem başındaki müşterilere oranı; müşteri tabanı büyüdüyse negatiftir.",
    },
    formula: {
      en: "(customers lost − new customers) / customers at start",
      tr: "(kaybedilen müşteri − yeni müşteri) / dönem başındaki müşteri",
    },
    params: [lost, newCustomers, atStart],
    unit: "rate",
    compute: (lostCount: number, gained: number, start: number) => {
      const gross = shareOf(lostCount, LOST, start, AT_START);
      return typeof gross === "number" ? (lostCount - gained) / start : gross;
    },
    excel: (lostRef, gained, start) => `(${lostRef}-${gained})/${start}`,
    examples: [
      {
        args: [30, 20, 500],
        expect: 0.02,
        note: "the figure the article states for its churn example",
      },
      { args: [10, 30, 500], expect: -0.04, note: "more won than lost: negative net churn" },
    ],
  },
];

/**
 * The what-if model's own words: the label of each lever, and of the outputs that no catalog function
 * names (the others take their catalog entry's title). Keyed by the model's ids, so that a lever
 * without a label in either language fails the type-check of the model's declaration.
 */
import { defineSection } from "../table";

export const WHAT_IF_MODEL = defineSection("whatIfModel", {
  en: {
    levers: {
      OPEN_OPPORTUNITIES: "Open opportunities",
      LEADS: "Leads in the period",
      LEAD_CONVERSION_RATE: "Lead conversion rate",
      WIN_RATE: "Win rate",
      AVG_DEAL_SIZE: "Average deal size",
      SALES_CYCLE_LENGTH: "Sales cycle (days)",
      CHURN_RATE: "Monthly churn rate",
      REVENUE_PER_CUSTOMER: "Monthly revenue per customer",
      GROSS_MARGIN: "Gross margin",
      SALES_MARKETING_SPEND: "Sales and marketing spend",
    },
    outputs: {
      NEW_CUSTOMERS: "New customers from leads",
      NEW_CUSTOMER_REVENUE: "Revenue from new customers",
    },
  },
  tr: {
    levers: {
      OPEN_OPPORTUNITIES: "Açık fırsatlar",
      LEADS: "Dönemdeki potansiyel müşteriler",
      LEAD_CONVERSION_RATE: "Potansiyel müşteri dönüşüm oranı",
      WIN_RATE: "Kazanma oranı",
      AVG_DEAL_SIZE: "Ortalama anlaşma büyüklüğü",
      SALES_CYCLE_LENGTH: "Satış döngüsü (gün)",
      CHURN_RATE: "Aylık kayıp oranı",
      REVENUE_PER_CUSTOMER: "Müşteri başına aylık gelir",
      GROSS_MARGIN: "Brüt marj",
      SALES_MARKETING_SPEND: "Satış ve pazarlama harcaması",
    },
    outputs: {
      NEW_CUSTOMERS: "Potansiyel müşterilerden yeni müşteriler",
      NEW_CUSTOMER_REVENUE: "Yeni müşterilerden gelir",
    },
  },
});

/**
 * The reasons behind the engine's error values that many functions share: a blank or mistyped
 * argument, a value out of bounds, ranges that do not line up, a share of nothing. A metric's own
 * reason stays in its catalog entry. `{name}` is a parameter's name in the reader's Excel (its
 * Turkish name in Turkish), since that is the name the function's argument list shows there.
 */
import { defineSection } from "../table";

export const REASONS = defineSection("reasons", {
  en: {
    blank: "{name} is blank: fill it in",
    rangeBlank: "{name} is blank: select its range",
    mustBe: "{name} must be {what}, not {value}",
    oneOf: "{name} must be one of {choices}, not {value}",
    atLeast: "{name} must be {min} or more, not {value}",
    atCell: "{name} (cell {cell})",
    atRowColumn: "{name} (row {row}, column {column})",
    /** What a single value of each kind must be, as "{what}" of mustBe. */
    bounds: {
      count: "a count of 0 or more",
      money: "an amount of 0 or more",
      rate: "a rate between 0 and 1 (0% to 100%)",
      days: "a number of days of 0 or more",
      years: "a number of years of 0 or more",
      hours: "a number of hours of 0 or more",
      number: "a number",
      date: "a date (a serial number of 0 or more)",
      choice: "one of the listed choices",
    },
    aDate: "a date (ISO 2026-03-15 or a date cell)",
    /** Logical values as Excel writes them. */
    logical: { true: "TRUE", false: "FALSE" },
    notRectangular: "{name} is not a rectangular range",
    shapeMismatch:
      "{name} is {rows}x{cols} but the other arguments are {otherRows}x{otherCols}: ranges must line up",
    rangesMismatch:
      "{name} is {rows}x{cols} but {other} is {otherRows}x{otherCols}: ranges must line up",
    tooLarge: "{id}: the result is too large to represent",
    noFunction: "there is no KPI function called {id}",
    failed: "{id} failed: {cause}",
    tooManyArguments: "{id} takes at most {max} arguments, not {given}",
    tableNeedsSingles: "{id} answers with a table: give single values, not ranges, for {names}",
    shareOfNothing: "{whole} is 0: a share of nothing is undefined",
    cannotExceed: "{part} ({partValue}) cannot exceed {whole} ({wholeValue})",
    inputError: "{code} in an input",
    inputErrorWithMessage: "{message} ({code})",
    /** The error values by the names Excel shows them. */
    errorCodes: {
      "#DIV/0!": "#DIV/0!",
      "#VALUE!": "#VALUE!",
      "#NUM!": "#NUM!",
      "#N/A": "#N/A",
      "#REF!": "#REF!",
      "#NAME?": "#NAME?",
      "#NULL!": "#NULL!",
    },
  },
  tr: {
    blank: "{name} boş: doldurun",
    rangeBlank: "{name} boş: aralığını seçin",
    mustBe: "{name} {what} olmalı, {value} değil",
    oneOf: "{name} şunlardan biri olmalı: {choices}; {value} değil",
    atLeast: "{name} {min} veya üstü olmalı, {value} değil",
    atCell: "{name} (hücre {cell})",
    atRowColumn: "{name} (satır {row}, sütun {column})",
    bounds: {
      count: "0 veya üstü bir sayı (adet)",
      money: "0 veya üstü bir tutar",
      rate: "0 ile 1 arasında bir oran (%0 ile %100 arası)",
      days: "0 veya üstü bir gün sayısı",
      years: "0 veya üstü bir yıl sayısı",
      hours: "0 veya üstü bir saat sayısı",
      number: "bir sayı",
      date: "bir tarih (0 veya üstü bir seri numarası)",
      choice: "listelenen seçeneklerden biri",
    },
    aDate: "bir tarih (ISO 2026-03-15 ya da tarih hücresi)",
    logical: { true: "DOĞRU", false: "YANLIŞ" },
    notRectangular: "{name} dikdörtgen bir aralık değil",
    shapeMismatch:
      "{name} {rows}x{cols}, diğer bağımsız değişkenler ise {otherRows}x{otherCols}: aralıklar aynı boyutta olmalı",
    rangesMismatch:
      "{name} {rows}x{cols}, {other} ise {otherRows}x{otherCols}: aralıklar aynı boyutta olmalı",
    tooLarge: "{id}: sonuç gösterilemeyecek kadar büyük",
    noFunction: "{id} adında bir KPI işlevi yok",
    failed: "{id} başarısız oldu: {cause}",
    tooManyArguments: "{id} en çok {max} bağımsız değişken alır, {given} değil",
    tableNeedsSingles: "{id} tablo döndürür: {names} için aralık değil tek değer verin",
    shareOfNothing: "{whole} 0: hiçbir şeyin payı tanımsızdır",
    cannotExceed: "{part} ({partValue}), {whole} ({wholeValue}) değerini aşamaz",
    inputError: "bir girdide {code}",
    inputErrorWithMessage: "{message} ({code})",
    errorCodes: {
      "#DIV/0!": "#SAYI/0!",
      "#VALUE!": "#DEĞER!",
      "#NUM!": "#SAYI!",
      "#N/A": "#YOK",
      "#REF!": "#BAŞV!",
      "#NAME?": "#AD?",
      "#NULL!": "#BOŞ!",
    },
  },
});

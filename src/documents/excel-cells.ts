// Cell values for exceljs workbooks: amounts as yuan numbers, days as real Excel dates, so HR can
// sum, filter and sort them in Excel.

/** Yuan with thousands separators and two decimals. */
export const YUAN_FORMAT = '#,##0.00';

/**
 * fen → yuan as an Excel number. IEEE division is correctly rounded, so fen / 100 is exactly the
 * double nearest to the decimal yuan amount (the same number Excel stores for "1234.56").
 */
export const yuan = (fen: number) => fen / 100;

/** A calendar day ('YYYY-MM-DD', or a month 'YYYY-MM' as its 1st) as a UTC midnight Date: exceljs writes it as that day's serial, no zone shift. */
export const excelDate = (day: string) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10) || '1')));

// The .xlsx side of the command line (ExcelJS, loaded only when --out is given).
export { writeXlsx, toExcelJs } from './write';
export { readXlsxValues, readXlsxAll, xlsxKind } from './read';

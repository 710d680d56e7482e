/** What one cell of a sheet range holds, as Office.js / SpreadsheetApp hand it over. */
export type Cell = string | number | boolean | null | undefined;
/** Rows of cells: a pasted range, or text split into rows and cells. */
export type Rows = Cell[][];

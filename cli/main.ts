import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../shared/index';
import { formatTextReport, PursueInputError, toJsonReport } from '../shared/index';
import { buildPursue, localToday } from '../shared/index';
import type { Cell, PdfOrigin } from '../shared/index';
import { parseCliArgs, UsageError, USAGE } from './args';
import { checkOutPath } from './out-path';
import { isPdf, readPdfFile } from './pdf';

/**
 * A paste file, or an estimate PDF read into rows (cli/pdf.ts). For a PDF, `origins` gets where
 * each row sits on paper, so the engine's problems can name the page and line.
 */
export async function readInputFile(file: string, side: 'ours' | 'theirs' | 'compare', origins?: Map<string, PdfOrigin>): Promise<string | Cell[][]> {
  let head: Buffer;
  try {
    head = statSync(file).isFile() ? readFileSync(file).subarray(0, 1024) : Buffer.alloc(0);
  } catch {
    head = Buffer.alloc(0);
  }
  if (!(isPdf(head, file) && head.length > 0)) return readPasteFile(file);
  const pdf = await readPdfFile(file, side);
  origins?.set(side, pdf.origin);
  return pdf.rows;
}

/** Reads a paste file; a clear message for a missing file, a folder, or binary content. */
export function readPasteFile(file: string): string {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new PursueInputError(`Cannot find the file "${file}". Check the path.`);
  }
  if (st.isDirectory()) throw new PursueInputError(`"${file}" is a folder; give the estimate's text or CSV file.`);
  const buf = readFileSync(file);
  const sample = buf.subarray(0, 8192);
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 8 && b !== 0)) control++;
  if (control > 0) {
    throw new PursueInputError(`"${file}" is not text (it looks like a binary file, e.g. a PDF or .xlsx). Copy the estimate's text from the PDF and save it as a .txt file, or export the sheet as CSV.`);
  }
  return decodeText(buf);
}

export async function main(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err.write(`pursue: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    io.out.write(USAGE);
    return 0;
  }
  try {
    const origins = new Map<string, PdfOrigin>();
    const pastes = args.compare !== undefined
      ? { compare: await readInputFile(args.compare, 'compare', origins) }
      : { ours: await readInputFile(args.ours!, 'ours', origins), theirs: await readInputFile(args.theirs!, 'theirs', origins) };
    if (args.out) checkOutPath(args.out);
    // ExcelJS is loaded only when a workbook is read or written.
    const xlsx = args.out ? await import('./xlsx/index') : null;
    if (args.out && xlsx && (await xlsx.xlsxKind(args.out)) === 'other') {
      throw new PursueInputError(`"${args.out}" exists and is not a Pursue workbook; it was left as it is. Choose another file name for --out.`);
    }
    const existing = args.out && xlsx ? await xlsx.readXlsxValues(args.out) : null;
    // Problems about a PDF's rows name the page and line on paper (the engine words them).
    const pdf = Object.fromEntries(origins);
    const result = buildPursue({ ...pastes, options: args.options, existing, today: args.today ?? localToday(), author: args.author, pdf });
    // Every output reads the engine's per-item model: the same ranks, reasons and next steps as the workbook.
    if (args.json) io.out.write(JSON.stringify(toJsonReport(result.rec, result.model), null, 2) + '\n');
    else if (args.crm) io.out.write(result.crm.endsWith('\n') ? result.crm : `${result.crm}\n`);
    else io.out.write(formatTextReport(result.rec, result.model));
    for (const w of result.warnings) io.err.write(`pursue: ${w.item ? `item ${w.item}: ` : ''}${w.message}\n`);
    if (args.out && xlsx) {
      await xlsx.writeXlsx(result.workbook, args.out);
      io.err.write(`Wrote ${path.resolve(args.out)} (${result.workbook.sheets.map((s) => s.name).join(', ')}).\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof PursueInputError) {
      io.err.write(`pursue: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`pursue: unexpected error: ${(e as Error).stack ?? e}\nPlease report this with the files you used.\n`);
      process.exitCode = 70;
    },
  );
}

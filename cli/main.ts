import { readFileSync, statSync } from 'node:fs';
import { formatTextReport, PursueInputError, runPursue, toJsonReport } from '../shared/index';
import { parseCliArgs, UsageError, USAGE } from './args';

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
  return buf.toString('utf8');
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
    const input = args.compare !== undefined
      ? { compare: readPasteFile(args.compare), options: args.options }
      : { ours: readPasteFile(args.ours!), theirs: readPasteFile(args.theirs!), options: args.options };
    const rec = runPursue(input);
    if (args.json) io.out.write(JSON.stringify(toJsonReport(rec), null, 2) + '\n');
    else io.out.write(formatTextReport(rec));
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

// Checks on --out before anything is read or written: a workbook open in Excel or LibreOffice
// would later be saved over the new run by the open app, and a missing folder deserves advice,
// not "ENOENT".
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PursueInputError } from '../shared/index';

/**
 * The lock file an open app keeps beside `file`, if any: Excel's "~$name.xlsx", or its shortened
 * form where "~$" replaces the name's first two characters ("~$me.xlsx" for "name.xlsx"), and
 * LibreOffice's ".~lock.name.xlsx#".
 */
export function lockFileFor(file: string): string | null {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  const lower = new Set(names.map((n) => n.toLowerCase()));
  const candidates = [`~$${base}`, `.~lock.${base}#`];
  if (base.length > 2) candidates.push(`~$${base.slice(2)}`);
  for (const c of candidates) if (lower.has(c.toLowerCase())) return path.join(dir, names.find((n) => n.toLowerCase() === c.toLowerCase())!);
  return null;
}

/** Refuses an --out the run could not safely write; the messages say what to do. */
export function checkOutPath(file: string): void {
  const full = path.resolve(file);
  const dir = path.dirname(full);
  if (!existsSync(dir)) {
    throw new PursueInputError(`The folder "${path.dirname(file)}" for --out does not exist. Create it first (mkdir -p "${path.dirname(file)}"), or give a path in an existing folder.`);
  }
  if (!statSync(dir).isDirectory()) {
    throw new PursueInputError(`"${path.dirname(file)}" in --out is a file, not a folder. Give a path in an existing folder.`);
  }
  if (existsSync(full) && statSync(full).isDirectory()) {
    throw new PursueInputError(`--out "${file}" is a folder. Give a file name ending in .xlsx, e.g. "${path.join(file, 'pursue-items.xlsx')}".`);
  }
  if (!/\.xlsx$/i.test(file)) {
    throw new PursueInputError(`--out "${file}" must end in .xlsx (an Excel workbook), e.g. pursue-items.xlsx.`);
  }
  const lock = lockFileFor(file);
  if (lock) {
    throw new PursueInputError(
      `"${file}" is open in Excel or LibreOffice (its lock file ${path.basename(lock)} is there). Close it in Excel first (save your changes), then run again; ` +
        'otherwise the open copy, saved later, would overwrite this run. If nothing has it open, delete the lock file.',
    );
  }
}

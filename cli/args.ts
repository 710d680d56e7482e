import { parseArgs } from 'node:util';
import { dollarsToCents } from '../shared/index';
import type { ReconcileOptions, TypedTotals } from '../shared/index';

export const USAGE = `Usage:
  pursue OURS THEIRS [options]      two estimates: PDFs, or files of pasted text or CSV
  pursue --compare FILE [options]   one side-by-side comparison table (text, CSV or PDF)

Options:
  --json                 print the reconciliation as JSON (shape in the README)
  --out FILE.xlsx        write the Pursue Items workbook (keeps what a person typed in FILE)
  --crm                  print the table as tab-separated text in the CRM's field order
  --ours-rcv, --ours-tax, --ours-op          our RCV, tax, O&P in dollars, when the paste lacks them
  --theirs-rcv, --theirs-tax, --theirs-op    the insurer's (approved) RCV, tax, O&P in dollars
  --tolerance DOLLARS    residual still counted as reconciled (default 1.00)
  --today YYYY-MM-DD     date for new status entries (default: today)
  -h, --help             show this help
`;

export class UsageError extends Error {}

export interface CliArgs {
  ours?: string;
  theirs?: string;
  compare?: string;
  json: boolean;
  out?: string;
  crm: boolean;
  today?: string;
  help: boolean;
  options: ReconcileOptions;
}

function dollars(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const c = dollarsToCents(value);
  if (c === null) throw new UsageError(`--${name} must be an amount in dollars, like 24773.52 (got "${value}").`);
  return c;
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        compare: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        crm: { type: 'boolean', default: false },
        today: { type: 'string' },
        tolerance: { type: 'string' },
        'ours-rcv': { type: 'string' },
        'ours-tax': { type: 'string' },
        'ours-op': { type: 'string' },
        'theirs-rcv': { type: 'string' },
        'theirs-tax': { type: 'string' },
        'theirs-op': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  const pos = parsed.positionals;
  const side = (p: 'ours' | 'theirs'): TypedTotals => {
    const t: TypedTotals = {};
    const rcv = dollars(`${p}-rcv`, v[`${p}-rcv`] as string | undefined);
    const tax = dollars(`${p}-tax`, v[`${p}-tax`] as string | undefined);
    const op = dollars(`${p}-op`, v[`${p}-op`] as string | undefined);
    if (rcv !== undefined) t.rcv = rcv;
    if (tax !== undefined) t.tax = tax;
    if (op !== undefined) t.overheadProfit = op;
    return t;
  };
  const options: ReconcileOptions = { ours: side('ours'), theirs: side('theirs') };
  const tol = dollars('tolerance', v.tolerance as string | undefined);
  if (tol !== undefined) options.tolerance = Math.abs(tol);
  if (v.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v.today as string)) {
    throw new UsageError(`--today must be a date like 2026-09-03 (got "${v.today}").`);
  }
  const args: CliArgs = {
    json: v.json as boolean, crm: v.crm as boolean, help: v.help as boolean, options,
    out: v.out as string | undefined, today: v.today as string | undefined,
  };
  if (args.help) return args;
  if (v.compare !== undefined) {
    if (pos.length > 0) throw new UsageError('Give either --compare FILE or OURS THEIRS, not both.');
    args.compare = v.compare as string;
  } else {
    if (pos.length !== 2) throw new UsageError(`Give two files, ours and the insurer's (got ${pos.length}).`);
    [args.ours, args.theirs] = pos;
  }
  return args;
}

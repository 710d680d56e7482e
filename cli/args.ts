import { parseArgs } from 'node:util';
import { dollarsToCents, isIsoDate, parseTolerance } from '../shared/index';
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
  --author NAME          who is running Pursue: the Author of new Status Log entries
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
  author?: string;
  help: boolean;
  options: ReconcileOptions;
}

function dollars(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const c = dollarsToCents(value);
  if (c === null) throw new UsageError(`--${name} must be an amount in dollars, like 24773.52 (got "${value}").`);
  return c;
}

/** What each option's value looks like, for the message when it is missing. */
const VALUE_EXAMPLE: Record<string, string> = {
  compare: 'comparison.csv', out: 'pursue-items.xlsx', today: '2026-12-01', author: '"J. Ruiz"', tolerance: '1.00',
  'ours-rcv': '41644.91', 'ours-tax': '652.62', 'ours-op': '5256.50', 'theirs-rcv': '32191.66', 'theirs-tax': '652.62', 'theirs-op': '0.00',
};
const STRING_OPTIONS = Object.keys(VALUE_EXAMPLE);

/** "--tolerance -1" as "--tolerance=-1", so a negative figure reaches the rule that explains it. */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (STRING_OPTIONS.includes(a.replace(/^--/, '')) && a.startsWith('--') && next !== undefined && /^-[\d.$]/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** Node's parseArgs messages, in the CLI's own words (no library text reaches the user). */
function usageMessage(e: Error & { code?: string }): string {
  const opt = /'(-[^']*)'/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `${opt ?? 'That option'} is not a pursue option. The options are listed below.`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--[a-z-]+/.exec(e.message)?.[0] ?? opt ?? 'The option';
    return STRING_OPTIONS.includes(name.replace(/^--/, '')) ? `${name} needs a value after it, e.g. ${name} ${VALUE_EXAMPLE[name.replace(/^--/, '')] ?? 'VALUE'}.` : `${name} takes no value.`;
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'Too many file names. Give OURS THEIRS, or --compare FILE.';
  return 'The command line could not be read. The usage is below.';
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      allowPositionals: true,
      options: {
        compare: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        crm: { type: 'boolean', default: false },
        today: { type: 'string' },
        author: { type: 'string' },
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
    throw new UsageError(usageMessage(e as Error & { code?: string }));
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
  if (v.tolerance !== undefined) {
    // The engine's one tolerance rule (dollars, zero or more), as every host applies it.
    const tol = parseTolerance(v.tolerance as string, 'cli');
    if ('error' in tol) throw new UsageError(tol.error.message);
    options.tolerance = tol.tolerance;
  }
  if (v.today !== undefined && !isIsoDate(v.today as string)) {
    throw new UsageError(`--today must be a real date written yyyy-mm-dd, like 2026-09-03 (got "${v.today}").`);
  }
  const author = v.author === undefined ? undefined : (v.author as string).trim();
  if (author !== undefined && author === '') throw new UsageError('--author needs a name, like --author "Dana Ruiz".');
  const args: CliArgs = {
    json: v.json as boolean, crm: v.crm as boolean, help: v.help as boolean, options,
    out: v.out as string | undefined, today: v.today as string | undefined, author,
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

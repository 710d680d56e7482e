import type { DenialCategory, DenialClassification } from '../types/knowledge';

/** Every category, in the order used to break a tie between equally strong signals. */
export const DENIAL_CATEGORIES: readonly DenialCategory[] = [
  'op',
  'matching',
  'documentation',
  'included',
  'wear-and-tear',
  'code',
  'repairable',
  'not-visible',
  'price',
  'quantity',
  'other',
];

/** The team's words for each category (shown in the sheets, read back from them). */
export const CATEGORY_LABELS: Record<DenialCategory, string> = {
  code: 'Not required by code / no code coverage',
  'not-visible': 'Not visible in photos / no damage seen',
  'wear-and-tear': 'Wear and tear / not storm related / pre-existing',
  included: 'Included in another item or in waste',
  matching: 'Matching not covered',
  quantity: 'Quantity disputed',
  price: 'Price disputed',
  op: 'O&P not warranted',
  repairable: 'Repairable',
  documentation: 'Documentation missing',
  other: 'Other',
};

export function categoryLabel(category: DenialCategory | null): string {
  return category === null ? '' : CATEGORY_LABELS[category];
}

/** A category from its code ("wear-and-tear") or its label, as typed in a sheet; null when unknown. */
export function parseCategory(text: string): DenialCategory | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return null;
  for (const c of DENIAL_CATEGORIES) {
    if (t === c || t === CATEGORY_LABELS[c].toLowerCase()) return c;
  }
  return null;
}

interface Rule {
  category: DenialCategory;
  /** 3 = says the category outright; 2 = a strong hint; 1 = a word that leans that way. */
  weight: number;
  pattern: RegExp;
}

/*
 * Phrasings adjusters actually write. A denial often carries several signals ("Right elevation:
 * no storm damage observed; matching of undamaged elevation not covered"): every rule that fires
 * adds its weight to its category and the heaviest category wins, so the outright reason beats a
 * side remark.
 */
const RULES: Rule[] = [
  // O&P not warranted
  { category: 'op', weight: 3, pattern: /\bo\s*&\s*p\b|\bo\s*and\s*p\b|overhead\s*(?:&|and)\s*profit/i },
  { category: 'op', weight: 2, pattern: /\b(?:general contractor|gc)\b(?:\s+(?:not|isn'?t))?/i },
  { category: 'op', weight: 2, pattern: /\b(?:one|single|1|two|2|few)\s+trades?\b|\bnumber of trades\b|\btrades? involved\b/i },
  { category: 'op', weight: 1, pattern: /\boverhead\b/i },

  // Matching not covered
  { category: 'matching', weight: 3, pattern: /\bmatch(?:ing|ed|es)?\b/i },
  { category: 'matching', weight: 3, pattern: /uniform (?:appearance|look|color|colour)/i },
  { category: 'matching', weight: 2, pattern: /\bline of sight\b|\bcontinuous run\b/i },
  { category: 'matching', weight: 1, pattern: /\bundamaged (?:elevations?|slopes?|sides?|walls?|faces?|areas?)\b/i },

  // Documentation missing
  { category: 'documentation', weight: 3, pattern: /\bno (?:receipts?|invoices?|documentation|proof|bill|permit receipt)\b/i },
  { category: 'documentation', weight: 3, pattern: /\b(?:receipts?|invoices?|documentation|proof of (?:payment|purchase|cost))\b[^.;]*\b(?:not )?(?:provided|submitted|received|required|needed|missing)\b/i },
  { category: 'documentation', weight: 3, pattern: /\bnot supported by (?:documentation|receipts?|invoices?)\b|\bunsupported\b|\bnot documented\b|\bundocumented\b/i },
  { category: 'documentation', weight: 2, pattern: /\b(?:submit|provide|send)\b[^.;]*\b(?:receipts?|invoices?|documentation|bids?|quotes?|permit|proof|logs?)\b/i },
  { category: 'documentation', weight: 2, pattern: /\breceipts?\b|\binvoices?\b|\bdocumentation\b/i },
  { category: 'documentation', weight: 1, pattern: /\bpending (?:receipt|invoice|documentation|proof)\b|\bupon receipt\b/i },

  // Included in another item or in waste
  { category: 'included', weight: 3, pattern: /\bincluded (?:in|with|within|as part of)\b|\binclusive of\b|\bincluded\b[^.;]*\bwaste\b/i },
  { category: 'included', weight: 3, pattern: /\b(?:part of|paid (?:in|under|with|as part of)|covered (?:in|by|under) (?:line|item|the))\b/i },
  { category: 'included', weight: 3, pattern: /\bduplicate(?:d|s)?\b|\balready (?:paid|included|allowed|accounted)\b|\bdouble[- ]?(?:dip|count)/i },
  { category: 'included', weight: 2, pattern: /\bin (?:the )?waste\b|\bwaste (?:allowance|factor) (?:covers|includes)\b|\baccounted for (?:in|by)\b/i },

  // Wear and tear / not storm related / pre-existing
  { category: 'wear-and-tear', weight: 3, pattern: /\bwear\s*(?:and|&|\/)?\s*tear\b/i },
  { category: 'wear-and-tear', weight: 3, pattern: /\bnot (?:storm|hail|wind)[- ]related\b|\bnot (?:related to|caused by) (?:the )?(?:storm|hail|wind|event|loss)\b|\bunrelated to (?:the )?(?:storm|loss|event)\b/i },
  { category: 'wear-and-tear', weight: 3, pattern: /\bpre[- ]?existing\b|\bprior (?:to the )?(?:date of )?loss damage\b|\bold damage\b|\bprior damage\b|\bexisted before the (?:storm|loss)\b/i },
  { category: 'wear-and-tear', weight: 3, pattern: /\bdeteriorat(?:ed|ion|ing)\b|\blong[- ]term\b|\bage[- ]related\b|\bdue to age\b|\bmaintenance\b|\bnormal aging\b|\bweathering\b/i },
  { category: 'wear-and-tear', weight: 2, pattern: /\b(?:improper|faulty|poor) (?:installation|workmanship)\b|\b(?:manufactur(?:ing|er) defect|mechanical damage|foot traffic|blistering|thermal cracking)\b/i },
  { category: 'wear-and-tear', weight: 1, pattern: /\bexclu(?:ded|sion)\b/i },

  // Not required by code / no code coverage (including "not there before the loss", "upgrade")
  { category: 'code', weight: 3, pattern: /\b(?:not )?required by (?:the )?(?:code|irc|local code|building code)\b|\bno code\b|\bcode (?:upgrade|upgrades|item|items|requirement|compliance|coverage)\b|\bnot a code\b/i },
  { category: 'code', weight: 3, pattern: /\bordinance (?:or|and|&) law\b|\bo\s*(?:&|and)\s*l coverage\b/i },
  { category: 'code', weight: 3, pattern: /\b(?:not|none|no \w+(?: \w+)?) (?:present|existing|installed|in place) (?:(?:at|on) \w+ )?(?:pre[- ]?loss|prior to (?:the )?(?:date of )?loss|before the (?:storm|loss))\b|\bdid not exist (?:pre[- ]?loss|prior|before)\b|\bnot (?:present|existing|installed) (?:originally|previously)\b/i },
  { category: 'code', weight: 2, pattern: /\bpre[- ]?loss\b|\bprior to (?:the )?loss\b|\bnot (?:originally )?(?:present|existing|installed)\b|\bno existing\b/i },
  { category: 'code', weight: 2, pattern: /\bupgrade\b|\bbetterment\b|\blike[- ]kind(?: and quality)?\b|\blkq\b|\bimprovement\b/i },
  { category: 'code', weight: 1, pattern: /\bcode\b|\birc\b|\bnot required\b/i },

  // Repairable
  { category: 'repairable', weight: 3, pattern: /\brepairable\b|\bcan be (?:repaired|patched|fixed|re-?used|reset|re-?secured)\b|\bspot repair\b|\brepair (?:only|in place)\b|\brepair,? (?:not|rather than|instead of|vs\.?) replace/i },
  { category: 'repairable', weight: 3, pattern: /\bto be re-?used\b|\bre-?use(?:d)?\b|\bre-?secure\b|\bre-?nail\b/i },
  { category: 'repairable', weight: 2, pattern: /\breplace (?:the )?damaged (?:\w+ )?(?:area|pieces?|panels?|courses?|sections?|shingles?|boards?|slopes?) only\b|\b(?:individual|piece|panel)[- ](?:replacement|repair)\b/i },
  { category: 'repairable', weight: 1, pattern: /\brepair(?:ed)?\b|\bpatch(?:ed)?\b/i },

  // Not visible in photos / no damage seen
  { category: 'not-visible', weight: 3, pattern: /\bnot (?:visible|shown|seen|evident|apparent|observed|noted|documented|depicted) in (?:the )?(?:photos?|pictures?|images?)\b/i },
  { category: 'not-visible', weight: 3, pattern: /\bno (?:photos?|pictures?|images?)\b|\bphotos? (?:do(?:es)? not|don'?t|did not) (?:show|support|depict)\b|\bnot supported by (?:the )?(?:photos?|pictures?|images?)\b/i },
  { category: 'not-visible', weight: 3, pattern: /\bno (?:storm |hail |wind |functional |visible )?damage (?:was )?(?:observed|found|noted|seen|visible|evident|present|documented)\b|\bno evidence of (?:storm |hail |wind )?damage\b|\bno (?:hail|wind) (?:hits|damage|marks)\b/i },
  { category: 'not-visible', weight: 2, pattern: /\bnot (?:visible|observed|seen|evident)\b|\bnot damaged\b|\bundamaged\b(?! (?:elevations?|slopes?|sides?|walls?|faces?|areas?)\b)|\bno damage\b|\bunable to (?:verify|confirm|see)\b|\bcould not (?:verify|confirm|see)\b/i },
  { category: 'not-visible', weight: 1, pattern: /\bphotos?\b|\binspection\b|\bcosmetic\b/i },

  // Price disputed
  { category: 'price', weight: 3, pattern: /\bunit (?:price|cost)\b|\bpric(?:e|ing) (?:exceeds|is (?:too )?high|not supported|adjusted|reduced)\b|\bexcessive (?:price|pricing|cost|rate)\b|\boverpriced\b|\bprice list\b/i },
  { category: 'price', weight: 2, pattern: /\b(?:market|local|prevailing) (?:rate|price|pricing|cost)\b|\bper (?:carrier|our|xactimate) pricing\b|\bpricing\b|\bhourly rate\b|\bcost (?:is )?(?:excessive|too high)\b/i },
  { category: 'price', weight: 1, pattern: /\bprice\b|\bcosts?\b|\brate\b/i },

  // Quantity disputed
  { category: 'quantity', weight: 3, pattern: /\bquantity\b|\bmeasurements?\b|\bmeasured\b|\b(?:eagleview|hover|aerial|roof) report\b|\bdiagram\b/i },
  { category: 'quantity', weight: 2, pattern: /\ballowed\b[^.;]*\bonly\b|\b(?:reduced|adjusted|limited) to\b|\bexcessive (?:quantity|amount|hours|labor)\b|\b\d+(?:\.\d+)?\s*% waste\b|\bwaste factor\b|\bplus \d+(?:\.\d+)?\s*%/i },
  { category: 'quantity', weight: 1, pattern: /\b(?:lf|sf|sq|squares?|linear feet|square feet|hours?|courses?)\b|\bonly\b/i },
];

/**
 * Sorts an adjuster's denial text into a category, with the words that decided it. The text itself
 * is never changed here: the caller keeps it verbatim. Text that gives no reason is "other".
 */
export function classifyDenial(text: string): DenialClassification {
  const clean = text.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/[\u2018\u2019]/g, "'");
  const scores = new Map<DenialCategory, number>();
  const words = new Map<DenialCategory, string[]>();
  for (const rule of RULES) {
    const m = rule.pattern.exec(clean);
    if (!m) continue;
    scores.set(rule.category, (scores.get(rule.category) ?? 0) + rule.weight);
    const list = words.get(rule.category) ?? [];
    const found = m[0].trim();
    if (!list.some((w) => w.toLowerCase() === found.toLowerCase())) list.push(found);
    words.set(rule.category, list);
  }
  let best: DenialCategory = 'other';
  let bestScore = 0;
  for (const c of DENIAL_CATEGORIES) {
    const s = scores.get(c) ?? 0;
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  // A lone weak word ("only", "photos", "code") is not a reason: it stays "other".
  if (bestScore < 2) return { category: 'other', matched: [] };
  const found = words.get(best) ?? [];
  // "receipt" adds nothing next to "No receipt": keep the longest wording of each signal.
  const matched = found.filter(
    (w, i) => !found.some((o, j) => j !== i && o.length > w.length && o.toLowerCase().includes(w.toLowerCase())),
  );
  return { category: best, matched };
}

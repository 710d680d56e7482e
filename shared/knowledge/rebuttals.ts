import type { Cell } from '../types/cells';
import type { DenialCategory, Rebuttal } from '../types/knowledge';
import { CATEGORY_LABELS, DENIAL_CATEGORIES, categoryLabel, parseCategory } from './denial';
import { cellText } from '../parse/rows';
import { hasPhrase, wordText, type WordText } from './text';

/** Presentation advice shared by every row: the adjuster is walked to the answer, not told it. */
const PULL = 'Pull, not push:';

/**
 * The default library. It is data: the workbook shows it on the "Rebuttals" sheet and reads the
 * team's edits back (rebuttalsFromRows). Code sections are quoted only where checked; anything that
 * depends on the jurisdiction or the state says so.
 */
const DEFAULT_REBUTTALS: Rebuttal[] = [
  // ---- one row per denial category ----
  {
    key: 'code',
    itemWords: [],
    category: 'code',
    argument:
      'The item is needed for a code-compliant repair where the local jurisdiction has adopted the code section, or it was there before the loss. Cite the section (e.g. IRC R905.2.8.5 drip edge at eaves and rakes; IRC R905.1.2 ice barrier where the jurisdiction requires it) and check whether the policy has Ordinance or Law coverage for code upgrades.',
    evidence:
      'The code edition the jurisdiction enforces (ask the building department); the policy declarations page showing Ordinance or Law coverage; pre-loss or tear-off photos if the item existed.',
    presentation: `${PULL} ask the adjuster which code edition the jurisdiction enforces and where the policy excludes code upgrades; read the section together and let them reach the conclusion.`,
  },
  {
    key: 'not-visible',
    itemWords: [],
    category: 'not-visible',
    argument:
      'The damage is there; the photos the adjuster reviewed did not capture it. Production photos from the field rep show it.',
    evidence:
      'Ask the RF for production photos: a close-up of each damaged spot (marked with chalk) and a wide shot that shows where it is; the inspection report; an offer of a reinspection.',
    presentation: `${PULL} ask which photos they reviewed and what they would need to see to approve it; send the photos and ask them to tell you what they show.`,
  },
  {
    key: 'wear-and-tear',
    itemWords: [],
    category: 'wear-and-tear',
    argument:
      'The damage came from the storm on the date of loss, not from age: it matches the storm damage on the rest of the property (soft metals, vents, gutters) and the weather on that date.',
    evidence:
      'Dated close-up photos of the damage next to the collateral damage on soft metals; a weather report for the address and date of loss; the age and condition of the item before the storm.',
    presentation: `${PULL} ask what in the photos shows wear rather than storm damage; lay the close-ups beside the collateral damage and ask how they explain the difference.`,
  },
  {
    key: 'included',
    itemWords: [],
    category: 'included',
    argument:
      'The item is a separate product or task, not paid inside the line the insurer points to. The manufacturer installation instructions and the other line\'s own description show what that line covers.',
    evidence:
      'Manufacturer installation instructions; the description of what the other line includes; the measurement report and waste calculation.',
    presentation: `${PULL} ask the adjuster to show where in the other line this work or material is paid, and how the waste figure was worked out.`,
  },
  {
    key: 'matching',
    itemWords: [],
    category: 'matching',
    argument:
      'Replacing only the damaged part leaves a visible mismatch. Where the state has a matching or uniform-appearance rule, the repair must give a reasonably uniform appearance: check your state.',
    evidence:
      'Photos of the mismatch (color, profile, exposure, weathering); proof the product is discontinued or no longer made in that color; your state\'s matching rule, if it has one.',
    presentation: `${PULL} ask how they expect the new material to match the old, and what the policy or state rule says about a uniform appearance.`,
  },
  {
    key: 'quantity',
    itemWords: [],
    category: 'quantity',
    argument:
      'Our quantity comes from the measured roof or wall: the measurement report and diagram show it, with the waste the layout needs.',
    evidence:
      'Aerial or hand measurement report; a diagram with eave, rake, valley, hip and ridge lengths; the waste calculation.',
    presentation: `${PULL} ask how they measured and compare the two reports line by line until the difference is explained.`,
  },
  {
    key: 'price',
    itemWords: [],
    category: 'price',
    argument:
      'Our unit price is the price list for the area and date of loss (or the real local cost). A different price list or date on the two estimates explains the gap.',
    evidence:
      'The price list name and date printed on both estimates; supplier quotes or invoices for the material; subcontractor bids.',
    presentation: `${PULL} ask which price list and date they used, and whether they can get the material at their price locally.`,
  },
  {
    key: 'op',
    itemWords: [],
    category: 'op',
    argument:
      'A general contractor is reasonably needed to coordinate the trades on this job, so overhead and profit are owed.',
    evidence:
      'The list of trades on the job (roofing, gutters, siding, paint, electrical...) and the order they must work in; permits, scheduling and site supervision the GC handles.',
    presentation: `${PULL} ask who they expect to schedule and coordinate the trades, and where the policy says O&P depends on the number of trades.`,
  },
  {
    key: 'repairable',
    itemWords: [],
    category: 'repairable',
    argument:
      'A repair is not possible without damaging the surrounding material or leaving a mismatch; a repair would not restore the item to its pre-loss condition.',
    evidence:
      'Photos of a repair attempt or brittleness test; proof the product is discontinued; the manufacturer instructions on replacing individual pieces.',
    presentation: `${PULL} ask how the repair would be done step by step, and how it would look and perform afterwards.`,
  },
  {
    key: 'documentation',
    itemWords: [],
    category: 'documentation',
    argument: 'The cost is real and we will document it.',
    evidence: 'The receipt, invoice, permit, labor log or photos they asked for.',
    presentation: `${PULL} ask exactly which document they need and who should receive it; send it, then confirm they have it and when they will revise.`,
  },
  {
    key: 'other',
    itemWords: [],
    category: 'other',
    argument: 'Get the specific reason first, then pick the matching argument.',
    evidence: "The adjuster's reason in writing.",
    presentation: `${PULL} ask the adjuster to show where the policy, the code or the estimate supports the denial.`,
  },
  // ---- common items (these win over a category row when the item's description matches) ----
  {
    key: 'ice-water',
    itemWords: ['ice and water', 'ice & water', 'ice/water', 'ice barrier', 'ice shield', 'ice guard'],
    category: null,
    argument:
      'IRC R905.1.2: where the jurisdiction requires an ice barrier (areas with a history of ice forming along the eaves), it runs from the eave to a point 24 in. inside the exterior wall line. With the overhang, one 3 ft course often does not reach that point, and valleys are in addition to the eaves. Check the local requirement and Ordinance or Law coverage.',
    evidence:
      'Whether the jurisdiction requires an ice barrier (building department); the overhang measured at the eaves; the eave and valley lengths; manufacturer instructions for the shingle.',
    presentation: `${PULL} ask the adjuster where their allowance stops and measure together how far inside the wall line that is.`,
  },
  {
    key: 'drip-edge',
    itemWords: ['drip edge'],
    category: null,
    argument:
      'IRC R905.2.8.5 calls for drip edge at the eaves and at the rake edges of shingle roofs. Where the jurisdiction has adopted it, drip edge at the rakes is required even if none was there before the loss: that is what Ordinance or Law coverage pays for.',
    evidence:
      'The code edition the jurisdiction enforces; the policy declarations page for Ordinance or Law coverage; the eave and rake lengths from the measurement report.',
    presentation: `${PULL} ask whether the roof will pass inspection without drip edge at the rakes, and which coverage they would use for it.`,
  },
  {
    key: 'starter',
    itemWords: ['starter'],
    category: null,
    argument:
      'The manufacturer installation instructions call for a starter strip at the eaves and the rakes. Starter is its own product or course, not the cutting waste of field shingles.',
    evidence:
      'The shingle manufacturer installation instructions (starter at eaves and rakes); the eave and rake lengths; the waste calculation showing what the waste covers.',
    presentation: `${PULL} ask the adjuster to show where starter at the rakes is paid, and how much of the waste allowance it would use.`,
  },
  {
    key: 'ridge',
    itemWords: ['ridge cap', 'hip / ridge', 'hip/ridge', 'hip and ridge', 'hip & ridge'],
    category: null,
    argument:
      'Hip and ridge cap shingles are a separate product from the field shingles (manufacturer installation instructions); field-shingle waste does not pay for them.',
    evidence:
      'Manufacturer instructions naming the hip/ridge product for this shingle; hip and ridge lengths from the measurement report; the waste calculation.',
    presentation: `${PULL} ask which field shingles they expect to be cut into ridge cap, and whether the manufacturer allows it for this product.`,
  },
  {
    key: 'steep',
    itemWords: ['steep'],
    category: null,
    argument:
      'The slopes are steep enough for the charge: the pitch is measured, and the charge applies to the squares on those slopes, for tear-off and for install.',
    evidence: 'Photos of a pitch gauge on each steep slope; the measurement report with pitch per slope.',
    presentation: `${PULL} ask what pitch they recorded for each slope and compare it with the pitch photos.`,
  },
  {
    key: 'high',
    itemWords: ['high roof', '2 stories', '2 story', 'two story', 'two stories', 'second story'],
    category: null,
    argument:
      'The roof is two stories or more above the ground on the elevations worked on, which needs extra safety equipment and handling: the high-roof charge pays for that.',
    evidence: 'Photos of each elevation showing the stories; eave heights measured; the areas that are two stories or more.',
    presentation: `${PULL} ask how the crew would reach and load that roof safely, and which elevations they counted as one story.`,
  },
  {
    key: 'matching',
    itemWords: ['siding', 'shingle'],
    category: 'matching',
    argument:
      'New siding or shingles will not match the old in color, profile or weathering, so a partial repair leaves a visibly patched house. Where the state has a matching or uniform-appearance rule the repair must look reasonably uniform: check your state.',
    evidence:
      'A sample piece held against the wall or roof; photos of the difference; proof the product is discontinued; your state\'s matching rule, if it has one.',
    presentation: `${PULL} ask how they would make the repaired elevation match the others, and what a buyer would see from the street.`,
  },
  {
    key: 'op',
    itemWords: ['o&p', 'o & p', 'overhead and profit', 'overhead & profit', 'overhead'],
    category: null,
    argument:
      'A general contractor is reasonably needed to coordinate the trades on this job (roofing plus gutters, siding, paint or others), so overhead and profit are owed on the whole estimate.',
    evidence: 'The trades on the estimate and the order they work in; who pulls permits, schedules and supervises.',
    presentation: `${PULL} ask who they expect to coordinate the trades and how the homeowner would do it alone.`,
  },
];

/** The editable library as plain data: a fresh copy every call, so edits never leak. */
export function defaultRebuttals(): Rebuttal[] {
  return DEFAULT_REBUTTALS.map((r) => ({ ...r, itemWords: [...r.itemWords] }));
}

function matchesItem(rebuttal: Rebuttal, description: WordText): boolean {
  return rebuttal.itemWords.some((w) => hasPhrase(description, w));
}

/**
 * The rebuttal to offer for an item. Item rows (matched by the item's description) beat category
 * rows; an item row tied to a category is used only for that category, so a drip edge denied as "not visible" gets the photo argument, not the code one.
 */
export function suggestRebuttal(
  description: string,
  category: DenialCategory | null,
  library: Rebuttal[],
): Rebuttal | null {
  const words = wordText(description);
  const items = library.filter((r) => r.itemWords.length > 0 && matchesItem(r, words));
  const sameCategory = items.find((r) => r.category !== null && r.category === category);
  if (sameCategory) return sameCategory;
  const anyCategory = items.find((r) => r.category === null);
  if (anyCategory) return anyCategory;
  if (category === null) return null;
  return library.find((r) => r.itemWords.length === 0 && r.category === category) ?? null;
}

export const REBUTTAL_HEADERS = [
  'Key',
  'Denial category',
  'Item words (separated by ;)',
  'Reason to approve',
  'Evidence to bring',
  'How to present',
] as const;

/** Header + one row per rebuttal, for the "Rebuttals" sheet. */
export function rebuttalsToRows(library: Rebuttal[]): string[][] {
  const rows: string[][] = [[...REBUTTAL_HEADERS]];
  for (const r of library) {
    rows.push([
      r.key,
      r.category === null ? ANY : categoryLabel(r.category),
      r.itemWords.join('; '),
      r.argument,
      r.evidence,
      r.presentation,
    ]);
  }
  return rows;
}

const ANY = '(any)';

type Field = 'key' | 'category' | 'words' | 'argument' | 'evidence' | 'presentation';

function headerField(text: string): Field | null {
  const t = text.toLowerCase();
  if (t === '') return null;
  if (/^key\b/.test(t)) return 'key';
  if (/categor/.test(t)) return 'category';
  if (/item words|words|keywords/.test(t)) return 'words';
  if (/reason to approve|argument|rebuttal/.test(t)) return 'argument';
  if (/evidence/.test(t)) return 'evidence';
  if (/present/.test(t)) return 'presentation';
  return null;
}

/**
 * Reads the "Rebuttals" sheet back after a person edited it: columns are found by their headers in
 * any order; blank rows are skipped; a row that cannot be used is reported with its row number.
 * A sheet without a usable header gives the default library, with a problem saying so.
 */
export function rebuttalsFromRows(rows: Cell[][]): { library: Rebuttal[]; problems: string[] } {
  const problems: string[] = [];
  let headerRow = -1;
  let columns = new Map<Field, number>();
  for (let r = 0; r < rows.length && headerRow < 0; r++) {
    const found = new Map<Field, number>();
    (rows[r] ?? []).forEach((cell, c) => {
      const f = headerField(cellText(cell));
      if (f && !found.has(f)) found.set(f, c);
    });
    if (found.has('argument') && (found.has('key') || found.has('category'))) {
      headerRow = r;
      columns = found;
    }
  }
  if (headerRow < 0) {
    problems.push(
      'The Rebuttals sheet has no header row with "Key", "Denial category" and "Reason to approve": the default rebuttals are used. Restore the header row to use your edits.',
    );
    return { library: defaultRebuttals(), problems };
  }
  const get = (row: Cell[], f: Field): string => {
    const c = columns.get(f);
    return c === undefined ? '' : cellText(row[c]);
  };
  const library: Rebuttal[] = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.every((cell) => cellText(cell) === '')) continue;
    const rowNo = r + 1;
    const categoryText = get(row, 'category');
    const words = get(row, 'words')
      .split(/[;\n]/)
      .map((w) => w.trim())
      .filter((w) => w !== '');
    let category: DenialCategory | null = null;
    if (categoryText !== '' && categoryText.toLowerCase() !== ANY && categoryText.toLowerCase() !== 'any') {
      category = parseCategory(categoryText);
      if (category === null) {
        problems.push(
          `Rebuttals row ${rowNo}: "${categoryText}" is not a denial category; use one of: ${DENIAL_CATEGORIES.map((c) => CATEGORY_LABELS[c]).join(', ')}, or ${ANY}. The row was not used.`,
        );
        continue;
      }
    }
    const argument = get(row, 'argument');
    if (argument === '') {
      problems.push(`Rebuttals row ${rowNo}: the Reason to approve is empty; fill it in or delete the row. The row was not used.`);
      continue;
    }
    if (words.length === 0 && category === null) {
      problems.push(
        `Rebuttals row ${rowNo}: give either a denial category or item words, so the row can be offered for an item. The row was not used.`,
      );
      continue;
    }
    const key = get(row, 'key') || (words.length > 0 ? words[0].toLowerCase() : (category as DenialCategory));
    library.push({
      key,
      itemWords: words,
      category,
      argument,
      evidence: get(row, 'evidence'),
      presentation: get(row, 'presentation'),
    });
  }
  return { library, problems };
}

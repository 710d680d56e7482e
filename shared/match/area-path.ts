/**
 * Area names as paths: building or structure, then room or elevation. Estimates name the same
 * place in many styles ("Bldg 1 - Roof", "Building 1 | Roof", "Building 1 Roof", a Group column
 * "Building 1" with a Room column "Roof"), and list buildings in any order, so areas are compared
 * part by part on normalised keys, never as raw text.
 */

export interface AreaPath {
  /** Normalised building key ("b:3", "dwelling", "garage:detached"); "" when the area names none. */
  building: string;
  /** Normalised room / elevation key ("roof", "elevation:front", "general"); "" when none. */
  room: string;
  /** As printed, for messages. */
  text: string;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, first: 1, second: 2, third: 3, fourth: 4, fifth: 5,
};

// Words that open a numbered building ("Bldg 3", "Building #3", "Unit 3", "Structure 3").
const NUMBERED_BUILDING = /^(?:bldg|bld|building|blg|structure|struct|unit|units|apt|apartment|block|bldng)\.?$/;
// Structures named by what they are. Synonyms share a key: Dwelling = House = Main.
const STRUCTURES: Array<[RegExp, string]> = [
  [/^(?:main\s+)?(?:dwelling|house|home|residence|main(?:\s+(?:house|building|structure))?)$/, 'dwelling'],
  [/^(?:detached\s+)?garage$/, 'garage'],
  [/^(?:storage\s+)?shed$/, 'shed'],
  [/^barn$/, 'barn'],
  [/^carport$/, 'carport'],
  [/^(?:pool\s*house|poolhouse)$/, 'poolhouse'],
  [/^(?:other\s+structures?)$/, 'other'],
  [/^clubhouse$/, 'clubhouse'],
];

const ELEVATION_WORD = /^(?:elevation|elev|side|wall|walls|exterior)$/;
const DIRECTIONS: Record<string, string> = {
  front: 'front', rear: 'rear', back: 'rear', left: 'left', right: 'right',
  north: 'north', south: 'south', east: 'east', west: 'west',
};
// Rooms with synonyms. General = Debris Removal = Misc.
const ROOMS: Array<[RegExp, string]> = [
  [/^(?:general|debris(?:\s+removal)?|misc\.?|miscellaneous|general\s+conditions|labor|permits?(?:\s+and\s+fees)?)$/, 'general'],
  [/^(?:roof|roofing|main\s+roof|roof\s+covering)$/, 'roof'],
  [/^(?:gutters?(?:\s+and\s+downspouts?)?)$/, 'gutters'],
  [/^(?:interior)$/, 'interior'],
];

function tokens(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[#№]/g, ' ')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

function numberOf(t: string | undefined): number | null {
  if (t === undefined) return null;
  if (/^\d+$/.test(t)) return Number(t);
  return NUMBER_WORDS[t] ?? null;
}

/** The room part of a path from its words: "front elevation" = "front side" = "front". */
function roomKey(all: string[]): string {
  // "Front Elevation 2" = "Front Side 2": the number is compared apart from the words.
  const nums = all.filter((w) => /^\d+$/.test(w));
  const words = all.filter((w) => !/^\d+$/.test(w));
  const key = roomWords(words);
  return nums.length === 0 ? key : `${key}#${nums.join('.')}`;
}

function roomWords(words: string[]): string {
  if (words.length === 0) return '';
  const phrase = words.join(' ');
  for (const [re, key] of ROOMS) if (re.test(phrase)) return key;
  const dir = words.map((w) => DIRECTIONS[w]).filter((d): d is string => d !== undefined);
  const rest = words.filter((w) => DIRECTIONS[w] === undefined && !ELEVATION_WORD.test(w));
  if (dir.length > 0 && rest.length === 0) return `elevation:${dir.join('-')}`;
  if (dir.length === 0 && rest.length === 0) return 'elevation';
  // Anything else keeps its words (plural 's' dropped): "Porch", "Bedroom 2".
  return words.map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)).join(' ');
}

/**
 * The building part, found at the start of the words: returns the key and how many words it took.
 * "Bldg 3 Roof" → b:3 (2 words); "Detached Garage - Roof" → garage (2 words).
 */
function buildingAt(words: string[]): { key: string; used: number } | null {
  const first = words[0];
  if (first === undefined) return null;
  if (NUMBERED_BUILDING.test(first)) {
    const n = numberOf(words[1]);
    if (n !== null) return { key: `b:${n}`, used: 2 };
    // "Building A", "Bldg B": lettered buildings.
    if (words[1] !== undefined && /^[a-z]$/.test(words[1])) return { key: `b:${words[1]}`, used: 2 };
  }
  for (let len = Math.min(3, words.length); len >= 1; len--) {
    const phrase = words.slice(0, len).join(' ');
    for (const [re, key] of STRUCTURES) {
      if (re.test(phrase)) {
        // "Garage 2" is a second garage.
        const n = numberOf(words[len]);
        return n !== null && len < words.length ? { key: `${key}:${n}`, used: len + 1 } : { key, used: len };
      }
    }
  }
  return null;
}

/** The building anywhere in the words (a trailing "Roof - Bldg 3" style). */
function buildingAnywhere(words: string[]): { key: string; start: number; used: number } | null {
  for (let s = 0; s < words.length; s++) {
    const b = buildingAt(words.slice(s));
    if (b) return { key: b.key, start: s, used: b.used };
  }
  return null;
}

const cache = new Map<string, AreaPath>();

/** Normalises one printed area into a path. Results are cached: estimates repeat their areas. */
export function areaPath(area: string): AreaPath {
  const hit = cache.get(area);
  if (hit) return hit;
  const words = tokens(area);
  const b = buildingAnywhere(words);
  let rest = words;
  if (b) rest = [...words.slice(0, b.start), ...words.slice(b.start + b.used)];
  const path: AreaPath = { building: b?.key ?? '', room: roomKey(rest), text: area.trim() };
  if (cache.size > 10_000) cache.clear();
  cache.set(area, path);
  return path;
}

/** "Bldg 3 › Roof", for messages. */
export function formatPath(p: AreaPath): string {
  return p.text;
}

/**
 * How far apart two paths are, part by part: 0 = the same place; buildings that differ are far
 * apart (a multi-building claim must pair each building with itself); a building named on one
 * side only, or another room in the same building, is close.
 */
export interface PathDistance {
  sameBuilding: boolean;
  /** Both name a building and they differ. */
  otherBuilding: boolean;
  sameRoom: boolean;
}

export function comparePaths(a: AreaPath, b: AreaPath): PathDistance {
  const otherBuilding = a.building !== '' && b.building !== '' && a.building !== b.building;
  const sameBuilding = a.building === b.building;
  return { sameBuilding, otherBuilding, sameRoom: a.room === b.room };
}

/** Same place: building and room agree. */
export function samePlace(a: AreaPath, b: AreaPath): boolean {
  return a.building === b.building && a.room === b.room;
}

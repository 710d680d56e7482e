/**
 * Exact minimum-cost one-to-one assignment on a sparse bipartite graph, where any row may also be
 * left unpaired at a fixed cost.
 *
 * Shortest augmenting paths with column potentials (the Hungarian method in Jonker–Volgenant
 * form, on adjacency lists): each row gets a private "unpaired" column, so every row is assigned
 * and the result is optimal over all pairings of any size. Each row's search is a Dijkstra over
 * reduced costs that stops at the first free column, so it only explores the connected component
 * the row lies in, and usually stops after one step (its cheapest insurer line is free). Costs are
 * integers and ties break on the lower column index, so the answer is deterministic.
 *
 * Why not the `munkres` package: it needs a dense n × m matrix (400 million cells at 20,000
 * lines a side) and runs in O(n³); the candidate graph here has at most 16 edges per row.
 */

export interface SparseProblem {
  rows: number;
  cols: number;
  /** CSR adjacency: edges of row r are start[r] .. start[r + 1] − 1. */
  start: Int32Array;
  col: Int32Array;
  cost: Int32Array;
  /** Cost of leaving a row unpaired (same for every row). */
  unpaired: number;
}

export interface Assignment {
  /** Column of each row, or −1 when unpaired. */
  rowCol: Int32Array;
  /** Column → row, or −1. */
  colRow: Int32Array;
  /** Σ cost of pairs + unpaired × unpaired rows. */
  total: number;
}

/** A binary heap of (distance, column) ordered by distance, then column. */
class Heap {
  private d: number[] = [];
  private c: number[] = [];
  get size(): number {
    return this.d.length;
  }
  clear(): void {
    this.d.length = 0;
    this.c.length = 0;
  }
  private less(a: number, b: number): boolean {
    return this.d[a] < this.d[b] || (this.d[a] === this.d[b] && this.c[a] < this.c[b]);
  }
  private swap(a: number, b: number): void {
    const td = this.d[a];
    this.d[a] = this.d[b];
    this.d[b] = td;
    const tc = this.c[a];
    this.c[a] = this.c[b];
    this.c[b] = tc;
  }
  push(dist: number, col: number): void {
    this.d.push(dist);
    this.c.push(col);
    let k = this.d.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (!this.less(k, p)) break;
      this.swap(k, p);
      k = p;
    }
  }
  /** Removes the top; returns its column (its distance is read first with topDist). */
  topDist(): number {
    return this.d[0];
  }
  pop(): number {
    const col = this.c[0];
    const lastD = this.d.pop()!;
    const lastC = this.c.pop()!;
    if (this.d.length > 0) {
      this.d[0] = lastD;
      this.c[0] = lastC;
      let k = 0;
      const n = this.d.length;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < n && this.less(l, m)) m = l;
        if (r < n && this.less(r, m)) m = r;
        if (m === k) break;
        this.swap(k, m);
        k = m;
      }
    }
    return col;
  }
}

export function assign(p: SparseProblem): Assignment {
  const { rows, cols, start, col, cost, unpaired } = p;
  // Columns 0..cols−1 are real; cols + r is row r's private "unpaired" column.
  const n = cols + rows;
  const v = new Float64Array(n);
  const colRow = new Int32Array(n).fill(-1);
  const rowCol = new Int32Array(rows).fill(-1);
  const rowCost = new Float64Array(rows);
  const dist = new Float64Array(n);
  const pred = new Int32Array(n);
  const predCost = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const done = new Int32Array(n).fill(-1);
  const heap = new Heap();
  const scanned: number[] = [];

  let r = 0;
  // One closure for the whole run (not one per row): labels column j with distance d via row `from`.
  const relax = (j: number, d: number, from: number, c: number) => {
    if (done[j] === r) return;
    if (stamp[j] !== r || d < dist[j] || (d === dist[j] && from < pred[j])) {
      stamp[j] = r;
      dist[j] = d;
      pred[j] = from;
      predCost[j] = c;
      heap.push(d, j);
    }
  };
  for (r = 0; r < rows; r++) {
    heap.clear();
    scanned.length = 0;
    for (let e = start[r]; e < start[r + 1]; e++) relax(col[e], cost[e] - v[col[e]], r, cost[e]);
    relax(cols + r, unpaired - v[cols + r], r, unpaired);

    let end = -1;
    let mu = 0;
    while (heap.size > 0) {
      const d = heap.topDist();
      const j = heap.pop();
      if (done[j] === r || d !== dist[j]) continue;
      done[j] = r;
      scanned.push(j);
      const k = colRow[j];
      if (k === -1) {
        end = j;
        mu = d;
        break;
      }
      // Row k holds j: continue the path through k's other columns (reduced costs ≥ 0).
      const uk = rowCost[k] - v[j];
      for (let e = start[k]; e < start[k + 1]; e++) {
        const j2 = col[e];
        relax(j2, d + cost[e] - v[j2] - uk, k, cost[e]);
      }
      const dummy = cols + k;
      relax(dummy, d + unpaired - v[dummy] - uk, k, unpaired);
    }
    // Row r's own unpaired column is always reachable, so a free column is always found.
    for (const j of scanned) v[j] += dist[j] - mu;
    let j = end;
    for (;;) {
      const k = pred[j];
      const prev = rowCol[k]; // the column row k held, which led the path to k (−1 for row r)
      colRow[j] = k;
      rowCol[k] = j;
      rowCost[k] = predCost[j];
      if (k === r) break;
      j = prev;
    }
  }

  let total = 0;
  const out = new Int32Array(rows);
  for (let k = 0; k < rows; k++) {
    total += rowCost[k];
    out[k] = rowCol[k] < cols ? rowCol[k] : -1;
  }
  return { rowCol: out, colRow: colRow.slice(0, cols), total };
}

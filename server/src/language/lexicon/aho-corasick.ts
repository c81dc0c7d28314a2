/**
 * A multi-pattern literal matcher (Aho–Corasick). A lexicon can hold hundreds of phrases
 * and a workspace thousands of `say` lines; testing every phrase against every line would
 * cost their product, whereas the automaton reads each line once whatever the number of
 * phrases. Keys are UTF-16 units, which is exact for CJK text (no word boundaries needed).
 */

/** One occurrence: which key (by index) ends where. */
export interface KeyHit {
  key: number;
  /** Half-open range in the searched text. */
  start: number;
  end: number;
}

/** What one search cost, so tests can check it stays one pass over the text. */
export interface SearchCost {
  /** Characters read: always the text's length. */
  reads: number;
  /** Failure links followed; amortised, never more than `reads`. */
  fallbacks: number;
}

export class AhoCorasick {
  // Node 0 is the root. Per node: its transitions, its failure link, the keys that end
  // exactly there, and the nearest node down the failure chain that ends a key.
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly ends: number[][] = [[]];
  private readonly outLink: number[] = [-1];
  private readonly lengths: number[];

  constructor(keys: readonly string[]) {
    this.lengths = keys.map((k) => k.length);
    keys.forEach((key, index) => {
      if (key.length > 0) this.ends[this.insert(key)].push(index);
    });
    this.link();
  }

  /** Every occurrence of every key in `text`, overlapping ones included. */
  search(text: string, cost?: SearchCost): KeyHit[] {
    const hits: KeyHit[] = [];
    let state = 0;
    let fallbacks = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let target = this.next[state].get(c);
      while (target === undefined && state !== 0) {
        state = this.fail[state];
        fallbacks++;
        target = this.next[state].get(c);
      }
      state = target ?? 0;
      for (let s = this.ends[state].length > 0 ? state : this.outLink[state]; s > 0; s = this.outLink[s]) {
        for (const key of this.ends[s]) hits.push({ key, start: i + 1 - this.lengths[key], end: i + 1 });
      }
    }
    if (cost) {
      cost.reads += text.length;
      cost.fallbacks += fallbacks;
    }
    return hits;
  }

  private insert(key: string): number {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let child = this.next[node].get(c);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.ends.push([]);
        this.outLink.push(-1);
        this.next[node].set(c, child);
      }
      node = child;
    }
    return node;
  }

  /** Breadth-first, so a node's failure link is final before its children need it. */
  private link(): void {
    const queue: number[] = [...this.next[0].values()];
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q];
      for (const [c, child] of this.next[node]) {
        let f = this.fail[node];
        let target = this.next[f].get(c);
        while (target === undefined && f !== 0) {
          f = this.fail[f];
          target = this.next[f].get(c);
        }
        const failTo = target ?? 0;
        this.fail[child] = failTo;
        this.outLink[child] = this.ends[failTo].length > 0 ? failTo : this.outLink[failTo];
        queue.push(child);
      }
    }
  }
}

/**
 * A room's lines as plain data: delivered messages by server_seq (each once,
 * whatever mix of history pages, live messages and resumed streams brought
 * it), then this tab's sends that are not delivered yet, by msg_id. Where the
 * page puts a line is decided here; the DOM only follows.
 */

export interface Delivered {
  seq: number;
  person: string;
  text: string;
  msgId: string;
  serverTsMs: number;
}

export interface Pending {
  msgId: string;
  person: string;
  text: string;
  /** Why the last attempt failed, when it did; undefined while it is being tried. */
  failure?: string;
}

export type Placement = { kind: 'delivered'; line: Delivered; before?: number } | { kind: 'duplicate' };

export class Timeline {
  private readonly delivered = new Map<number, Delivered>();
  /** Delivered seqs in order (small rooms' pages: a sorted array is plenty). */
  private readonly order: number[] = [];
  readonly pending = new Map<string, Pending>();

  get newest(): number {
    return this.order.at(-1) ?? 0;
  }

  get oldest(): number {
    return this.order[0] ?? 0;
  }

  get size(): number {
    return this.order.length;
  }

  has(seq: number): boolean {
    return this.delivered.has(seq);
  }

  /**
   * Takes a delivered message: a duplicate is dropped; otherwise it says which
   * delivered line it goes before (none: at the end). This tab's pending send
   * with the same sender and msg_id is done.
   */
  deliver(line: Delivered): Placement {
    if (this.delivered.has(line.seq)) return { kind: 'duplicate' };
    this.delivered.set(line.seq, line);
    if (this.pending.get(line.msgId)?.person === line.person) this.pending.delete(line.msgId);
    let index = this.order.length;
    while (index > 0 && (this.order[index - 1] ?? 0) > line.seq) index--;
    this.order.splice(index, 0, line.seq);
    return { kind: 'delivered', line, before: this.order[index + 1] };
  }

  /** All delivered lines in order (what a test or a reload compares). */
  lines(): Delivered[] {
    return this.order.map((seq) => this.delivered.get(seq) as Delivered);
  }
}

import * as Y from 'yjs';

/** Where a new item would be integrated: a root type of the document (by name), inside a nested type, or nowhere. */
export type ParentRef = { kind: 'root'; name: string; parentSub: string | null } | { kind: 'nested' } | { kind: 'gc' };

/** A new item of an update (or the new tail of an item the document already has in part). */
export interface NewItem {
  item: Y.Item;
  /** How many of the item's leading units the document already has. */
  offset: number;
}

/** What an incoming update would change, read without applying it. */
export interface Inspection {
  newItems: NewItem[];
  /** Deleted content written as such (GC structs, deleted content) that the document does not have yet. */
  newDeletedContent: boolean;
  /** The delete set deletes something that is not deleted in the document yet. */
  newDeletions: boolean;
  /** Some struct or deletion refers to content neither the document nor the update has: it would stay pending. */
  missingDependencies: boolean;
  /** Nothing the document does not already have. */
  empty: boolean;
  /**
   * The Yjs client ids the update holds structs of, new or already known (a deletion names no writer): a client
   * re-stating structs the server has under its id is told when that id belongs to someone else.
   */
  writers: Set<number>;
}

type Range = readonly [start: number, end: number];

/**
 * Decodes an update and compares it with the document, without applying it: what is new, whether it deletes,
 * whether it depends on unknown content. Costs are in the size of the update, never of the document: structs
 * are looked up by binary search (`findIndexSS`), so a 10,000-entry main courante is never walked.
 */
export class UpdateInspector {
  private readonly ranges = new Map<number, Range[]>();
  private readonly structs = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>();
  readonly inspection: Inspection;
  private readonly ds: Map<number, Array<{ clock: number; len: number }>>;
  private readonly memo = new Map<Y.Item, ParentRef>();
  private readonly structCount: number;
  private roots: Map<object, string> | null = null;

  constructor(
    update: Uint8Array,
    private readonly doc: Y.Doc,
  ) {
    const decoded = Y.decodeUpdate(update);
    this.ds = decoded.ds.clients;
    this.structCount = decoded.structs.length;
    for (const struct of decoded.structs) {
      const list = this.structs.get(struct.id.client) ?? [];
      list.push(struct);
      this.structs.set(struct.id.client, list);
      if (!(struct instanceof Y.Skip)) {
        const ranges = this.ranges.get(struct.id.client) ?? [];
        ranges.push([struct.id.clock, struct.id.clock + struct.length]);
        this.ranges.set(struct.id.client, ranges);
      }
    }
    this.inspection = this.inspect();
  }

  private known(client: number): number {
    return Y.getState(this.doc.store, client);
  }

  /** True when the document or the update holds the unit `id`. */
  hasId(id: Y.ID): boolean {
    return id.clock < this.known(id.client) || this.inUpdate(id) !== null;
  }

  private inUpdate(id: Y.ID): Y.Item | Y.GC | null {
    const list = this.structs.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s instanceof Y.Skip ? null : s;
    }
    return null;
  }

  private inspect(): Inspection {
    const result: Inspection = { newItems: [], newDeletedContent: false, newDeletions: false, missingDependencies: false, empty: true, writers: new Set() };
    for (const [client, list] of this.structs) {
      let covered = this.known(client);
      const known = covered;
      for (const struct of list) {
        const end = struct.id.clock + struct.length;
        if (struct instanceof Y.Skip) continue;
        result.writers.add(client);
        if (end <= known) continue;
        result.empty = false;
        if (struct.id.clock > covered) result.missingDependencies = true;
        covered = Math.max(covered, end);
        if (struct instanceof Y.GC || (struct instanceof Y.Item && struct.content instanceof Y.ContentDeleted)) {
          result.newDeletedContent = true;
          continue;
        }
        if (!(struct instanceof Y.Item)) continue;
        if (!this.dependenciesKnown(struct)) result.missingDependencies = true;
        result.newItems.push({ item: struct, offset: Math.max(0, known - struct.id.clock) });
      }
    }
    this.inspectDeletions(result);
    return result;
  }

  private dependenciesKnown(item: Y.Item): boolean {
    const parent = item.parent as unknown;
    if (item.origin && !this.hasId(item.origin)) return false;
    if (item.rightOrigin && !this.hasId(item.rightOrigin)) return false;
    return !(parent instanceof Y.ID) || this.hasId(parent);
  }

  /** A deletion is new when it touches an update item, or a document struct not deleted yet. */
  private inspectDeletions(result: Inspection): void {
    for (const [client, deletes] of this.ds) {
      const known = this.known(client);
      const docStructs = this.doc.store.clients.get(client);
      for (const { clock, len } of deletes) {
        const end = clock + len;
        if (end > known) {
          result.empty = false;
          result.newDeletions = true;
          const ranges = this.ranges.get(client) ?? [];
          const covered = ranges.some(([s, e]) => s <= Math.max(clock, known) && e >= end);
          if (!covered) result.missingDependencies = true;
        }
        if (!docStructs || clock >= known) continue;
        for (let i = Y.findIndexSS(docStructs, clock); i < docStructs.length; i++) {
          const struct = docStructs[i]!;
          if (struct.id.clock >= Math.min(end, known)) break;
          if (!struct.deleted) {
            result.empty = false;
            result.newDeletions = true;
            break;
          }
        }
      }
    }
  }

  /**
   * The type a new item would be integrated into, found as Yjs does it: from its left origin, else its right
   * origin, else its explicit parent (a root name, or the id of the item holding a nested type). Chains of
   * origins inside the update are followed iteratively and memoised, so a long offline batch costs its length.
   */
  parentOf(item: Y.Item): ParentRef {
    const chain: Y.Item[] = [];
    let current = item;
    let ref = this.memo.get(current);
    while (!ref) {
      chain.push(current);
      const neighbour = current.origin ?? current.rightOrigin;
      if (!neighbour) {
        const parent = current.parent as unknown;
        ref = typeof parent === 'string' ? { kind: 'root', name: parent, parentSub: current.parentSub } : { kind: 'nested' };
        break;
      }
      const inUpdate = this.inUpdate(neighbour);
      if (inUpdate instanceof Y.Item && chain.length <= this.structCount) {
        current = inUpdate;
        ref = this.memo.get(current);
        continue;
      }
      if (inUpdate || neighbour.clock >= this.known(neighbour.client)) {
        ref = { kind: 'gc' };
        break;
      }
      const docStruct = Y.getItem(this.doc.store, neighbour) as Y.Item | Y.GC;
      ref = docStruct instanceof Y.Item ? this.parentOfIntegrated(docStruct) : { kind: 'gc' };
    }
    for (const link of chain) this.memo.set(link, ref);
    return ref;
  }

  private rootNames(): Map<object, string> {
    if (!this.roots) this.roots = new Map([...this.doc.share].map(([name, type]) => [type, name]));
    return this.roots;
  }

  private parentOfIntegrated(item: Y.Item): ParentRef {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType) || parent._item !== null) return { kind: 'nested' };
    const name = this.rootNames().get(parent);
    return name === undefined ? { kind: 'nested' } : { kind: 'root', name, parentSub: item.parentSub };
  }
}

/**
 * A Map with a size cap that evicts the oldest insertion first. Calendar lookups walk forward in
 * time, so first-in-first-out keeps the working set as well as a full LRU at a lower cost per hit.
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): void {
    if (this.map.size >= this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    this.map.set(key, value);
  }
}

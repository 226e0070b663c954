// The objects of the mappings block-yaml.ts reads, built as the `yaml` package builds them (plain
// objects, keys in order, "__proto__" an own property).

/** Keys compared one by one below this many; a Set above. */
const MAX_LINEAR_KEYS = 32;

/** The keys and values of one mapping as it is read, then its object. */
export class Entries {
  private readonly keys: string[] = [];
  private readonly values: unknown[] = [];
  private count = 0;
  /** The keys, once there are too many to compare one by one. */
  private seen: Set<string> | undefined;

  clear(): this {
    this.count = 0;
    this.seen = undefined;
    return this;
  }

  /** Adds a key; false when the mapping has it already (the `yaml` package reports it, or the last one would win). */
  key(key: string): boolean {
    const keys = this.keys;
    const count = this.count;
    if (count < MAX_LINEAR_KEYS) {
      for (let i = 0; i < count; i++) if (keys[i] === key) return false;
    } else {
      this.seen ??= new Set(keys.slice(0, count));
      if (this.seen.has(key)) return false;
      this.seen.add(key);
    }
    keys[count] = key;
    return true;
  }

  /** The value of the last key. */
  value(value: unknown): void {
    this.values[this.count++] = value;
  }

  object(): Record<string, unknown> {
    const { keys, values, count } = this;
    const object: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      // As the `yaml` package sets it: an own property, not the prototype.
      if (key === "__proto__") Object.defineProperty(object, key, { value: values[i], writable: true, enumerable: true, configurable: true });
      else object[key] = values[i];
    }
    return object;
  }
}

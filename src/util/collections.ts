// Small collection helpers shared by the layers.

/** Appends to the list at `key`, creating it: linear, where `map.set(k, [...map.get(k), v])` is quadratic. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Appends every item: `list.push(...items)` passes them as arguments and overflows the stack past ~100,000 (fuzz run, seed 1317). */
export function pushAll<T>(list: T[], items: readonly T[]): T[] {
  for (const item of items) list.push(item);
  return list;
}

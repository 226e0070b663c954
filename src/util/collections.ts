// Small collection helpers shared by the layers.

/** Appends to the list at `key`, creating it: linear, where `map.set(k, [...map.get(k), v])` is quadratic. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

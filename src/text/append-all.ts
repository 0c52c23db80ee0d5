// Appends without spreading: `out.push(...items)` passes every item as an argument and overflows
// the call stack past roughly 120,000 of them (a fleet's image rows, a long images file).
export function appendAll<T>(out: T[], items: Iterable<T>): T[] {
  for (const item of items) out.push(item);
  return out;
}

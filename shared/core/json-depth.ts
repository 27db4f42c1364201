/**
 * Whether `value` nests objects and arrays more than `max` levels deep (`{}` is one level, `[[1]]` two).
 * Iterative on purpose: a hostile payload nested thousands deep must get a clear refusal, not overflow the
 * stack of whatever recursive code (JSON.stringify, canonical hashing, a reducer) would read it next.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth + 1 > max) return true;
    for (const child of Object.values(item.value)) pending.push({ value: child, depth: item.depth + 1 });
  }
  return false;
}

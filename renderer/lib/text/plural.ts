/** Counts in words for labels: "1 record", "2 records", "1,024 events". Pure. */

/** `n` with thousands separators and the noun it counts, singular for exactly 1 (`many`: an irregular plural, default `one` + "s"). */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

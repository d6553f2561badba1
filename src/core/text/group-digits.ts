/**
 * A whole number with thousands separators: 1234567 -> "1,234,567", the same on every locale. Written out rather than
 * `toLocaleString('en-US')`, whose first call in a process maps about 4.7 MB of the ICU number-format data in the node
 * binary into memory (making choice options for a number blank did this in the middle of the app's first quiz).
 */
export function groupDigits(value: number): string {
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${digits}` : digits;
}

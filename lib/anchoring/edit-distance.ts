/** Distance beyond which the banded computation gives up (the full matrix would be needed). */
const BAND_START = 16;

/**
 * Levenshtein distance if it is at most `band`, else `undefined`: only the cells within `band` of the
 * diagonal are computed (a path leaving the band costs more than `band`), O(|a| × band) time.
 */
function bandedDistance(a: string, b: string, band: number): number | undefined {
  if (Math.abs(a.length - b.length) > band) return undefined;
  const outside = band + 1;
  let previous = new Int32Array(b.length + 1).fill(outside);
  let current = new Int32Array(b.length + 1).fill(outside);
  for (let column = 0; column <= Math.min(b.length, band); column++) previous[column] = column;
  for (let row = 1; row <= a.length; row++) {
    const expected = a.charCodeAt(row - 1);
    const from = Math.max(1, row - band);
    const to = Math.min(b.length, row + band);
    current.fill(outside, Math.max(0, from - 1), Math.min(b.length, to + 1) + 1);
    if (row <= band) current[0] = row;
    for (let column = from; column <= to; column++) {
      const substitute = previous[column - 1]! + (b.charCodeAt(column - 1) === expected ? 0 : 1);
      current[column] = Math.min(substitute, previous[column]! + 1, current[column - 1]! + 1, outside);
    }
    [previous, current] = [current, previous];
  }
  const distance = previous[b.length]!;
  return distance <= band ? distance : undefined;
}

/**
 * Levenshtein distance between `a` and `b` (UTF-16 units), or `undefined` when it would take more than
 * `maxCells` cells to find out (the caller then falls back to an estimate). Computed in a band around the
 * diagonal that doubles until the distance fits, so small edits to long quotes cost little.
 */
export function editDistance(a: string, b: string, maxCells = 4_000_000): number | undefined {
  if (a.length === 0 || b.length === 0) return a.length + b.length;
  const longest = Math.max(a.length, b.length);
  for (let band = BAND_START; ; band *= 2) {
    const width = Math.min(2 * band + 1, b.length + 1);
    if (a.length * width > maxCells) return undefined;
    const distance = bandedDistance(a, b, Math.min(band, longest));
    if (distance !== undefined) return distance;
    if (band >= longest) return undefined; // not reached: the distance never exceeds the longer length
  }
}

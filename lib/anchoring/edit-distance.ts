/**
 * Levenshtein distance between `a` and `b` (UTF-16 units), or `undefined` when the matrix would exceed
 * `maxCells` (the caller then falls back to an estimate). Two rows, O(|a| × |b|) time.
 */
export function editDistance(a: string, b: string, maxCells = 4_000_000): number | undefined {
  if (a.length * b.length > maxCells) return undefined;
  if (a.length === 0) return b.length;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let column = 0; column <= b.length; column++) previous[column] = column;
  for (let row = 1; row <= a.length; row++) {
    const expected = a.charCodeAt(row - 1);
    current[0] = row;
    for (let column = 1; column <= b.length; column++) {
      const substitute = previous[column - 1]! + (b.charCodeAt(column - 1) === expected ? 0 : 1);
      current[column] = Math.min(substitute, previous[column]! + 1, current[column - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

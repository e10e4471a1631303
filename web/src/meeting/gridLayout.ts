/** Width / height of a video tile. */
export const TILE_ASPECT = 16 / 9;

/** How a number of 16:9 tiles is laid out in a box. */
export interface GridLayout {
  columns: number;
  rows: number;
  /** Tile width in CSS pixels. */
  tileWidth: number;
  /** Tile height in CSS pixels. */
  tileHeight: number;
}

/**
 * gridLayout picks the number of columns that gives the largest 16:9 tiles for `count` tiles in
 * a `width` × `height` box (CSS pixels) with `gap` pixels between tiles. On a landscape screen
 * this gives 1, 2×1, 2×2, 3×2, 3×3... ; on a portrait one the tiles stack. A tie goes to more
 * columns (wider screens are the common case).
 */
export function gridLayout(count: number, width: number, height: number, gap = 8): GridLayout {
  const n = Math.max(1, Math.floor(count));
  const w = Math.max(0, width);
  const h = Math.max(0, height);
  let best: GridLayout = { columns: 1, rows: n, tileWidth: 0, tileHeight: 0 };
  let largest = -1;
  for (let columns = 1; columns <= n; columns++) {
    const rows = Math.ceil(n / columns);
    const byWidth = (w - gap * (columns - 1)) / columns;
    const byHeight = ((h - gap * (rows - 1)) / rows) * TILE_ASPECT;
    const tileWidth = Math.max(0, Math.min(byWidth, byHeight));
    // Within half a pixel of the largest counts as a tie, which more columns win.
    if (tileWidth >= largest - 0.5) {
      best = { columns, rows, tileWidth, tileHeight: tileWidth / TILE_ASPECT };
    }
    largest = Math.max(largest, tileWidth);
  }
  return {
    ...best,
    tileWidth: Math.floor(best.tileWidth),
    tileHeight: Math.floor(best.tileHeight),
  };
}

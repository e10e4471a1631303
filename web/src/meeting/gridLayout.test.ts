import { describe, expect, it } from 'vitest';
import { gridLayout } from './gridLayout';

function shape(count: number, width = 1600, height = 900): string {
  const { columns, rows } = gridLayout(count, width, height);
  return `${columns}x${rows}`;
}

describe('gridLayout', () => {
  it('gives the usual 1, 2, 4, 6, 9 layouts on a landscape screen', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 9, 12, 16].map((n) => shape(n))).toEqual([
      '1x1', '2x1', '2x2', '2x2', '3x2', '3x2', '3x3', '3x3', '4x3', '4x4',
    ]);
  });

  it('stacks tiles on a portrait screen', () => {
    expect(shape(2, 400, 800)).toBe('1x2');
    expect(shape(4, 400, 800)).toBe('1x4');
  });

  it('keeps tiles 16:9 and inside the box', () => {
    for (const [n, w, h] of [
      [1, 1600, 900],
      [2, 1280, 720],
      [5, 1000, 1000],
      [9, 1920, 1080],
      [3, 390, 844],
    ]) {
      const layout = gridLayout(n, w, h, 8);
      expect(layout.tileWidth * layout.columns + 8 * (layout.columns - 1)).toBeLessThanOrEqual(w);
      expect(layout.tileHeight * layout.rows + 8 * (layout.rows - 1)).toBeLessThanOrEqual(h);
      expect(Math.abs(layout.tileWidth / layout.tileHeight - 16 / 9)).toBeLessThan(0.02);
      expect(layout.columns * layout.rows).toBeGreaterThanOrEqual(n);
    }
  });

  it('fills the height when one tile is in a wide box', () => {
    expect(gridLayout(1, 2000, 900, 8)).toEqual({
      columns: 1,
      rows: 1,
      tileWidth: 1600,
      tileHeight: 900,
    });
  });

  it('survives an empty box and a zero count', () => {
    expect(gridLayout(0, 0, 0)).toEqual({ columns: 1, rows: 1, tileWidth: 0, tileHeight: 0 });
  });
});

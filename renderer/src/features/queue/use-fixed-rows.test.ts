import { describe, expect, it } from 'vitest';
import { windowRows } from './use-fixed-rows';

describe('windowRows', () => {
  it('renders the rows in view plus the overscan on both sides, at their offsets', () => {
    const rows = windowRows(100_000, 36, 36 * 1000 + 10, 360, 4);
    expect(rows[0]).toEqual({ index: 996, start: 996 * 36 });
    // Rows 1000..1010 are (partly) visible in 360 px from 36010 px; four more after them.
    expect(rows.at(-1)?.index).toBe(1014);
    expect(rows.map((r) => r.index)).toEqual(Array.from({ length: 19 }, (_, i) => 996 + i));
  });

  it('stops at both ends of the list', () => {
    expect(windowRows(5, 36, 0, 800, 4).map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(windowRows(0, 36, 0, 800, 4)).toEqual([]);
    expect(windowRows(30, 36, 36 * 25, 360, 4).at(-1)?.index).toBe(29);
  });
});

import { useCallback, useLayoutEffect, useRef, useState } from 'react';

export type FixedRow = { index: number; start: number };

export type FixedRows = {
  /** Callback ref for the scrolling element. */
  ref: (el: HTMLElement | null) => void;
  /** The rows to render (visible plus overscan), each with its offset from the top. */
  rows: FixedRow[];
  totalHeight: number;
  /** Scrolls just enough to show row `index` (nothing when it is in view). */
  scrollToIndex: (index: number) => void;
  /** Back to the first row (nothing when already there). */
  scrollToTop: () => void;
};

/**
 * Windowing for a list whose rows all have one height: the rows to render follow from the scroll
 * offset (scroll events) and the viewport height (a ResizeObserver) alone, so nothing is measured
 * and nothing is kept per row. A general virtualizer measures every row: at 100k rows that is an
 * array of 100k entries per list and forced layouts on each change of the row count.
 */
export function windowRows(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan: number): FixedRow[] {
  if (count <= 0) return [];
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + viewport) / rowHeight) + overscan - 1);
  const rows: FixedRow[] = [];
  for (let i = first; i <= last; i++) rows.push({ index: i, start: i * rowHeight });
  return rows;
}

export function useFixedRows(count: number, rowHeight: number, overscan: number): FixedRows {
  const [scrollTop, setScrollTop] = useState(0);
  // Until the first ResizeObserver answer: the window's height is an upper bound read without a layout.
  const [viewport, setViewport] = useState(() => (typeof window === 'undefined' ? 800 : window.innerHeight));
  const el = useRef<HTMLElement | null>(null);
  const top = useRef(0);
  const detach = useRef<() => void>(() => undefined);

  const ref = useCallback((node: HTMLElement | null) => {
    detach.current();
    detach.current = () => undefined;
    // React detaches refs while the queue is hidden (another screen shows) and attaches the same
    // element again when it shows: keep its offset then. A new element starts at the top.
    if (node && node !== el.current) {
      top.current = 0;
      setScrollTop(0);
    }
    if (node) el.current = node;
    if (!node) return;
    const onScroll = (): void => {
      top.current = node.scrollTop;
      setScrollTop(top.current);
    };
    node.addEventListener('scroll', onScroll, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver((entries) => setViewport(entries[0]?.contentRect.height || window.innerHeight));
    observer?.observe(node);
    detach.current = () => {
      node.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, []);

  // Shown again after being hidden: the browser may not have kept the element's offset (it was
  // not displayed); put back the one the rows were rendered for. Runs once per showing.
  useLayoutEffect(() => {
    const node = el.current;
    if (node && node.isConnected && top.current > 0 && node.scrollTop !== top.current) node.scrollTop = top.current;
  }, []);

  const scrollTo = useCallback((y: number) => {
    const node = el.current;
    if (!node || y === top.current) return;
    top.current = y;
    node.scrollTop = y;
  }, []);
  const scrollToIndex = useCallback(
    (index: number) => {
      const rowTop = index * rowHeight;
      if (rowTop < top.current) scrollTo(rowTop);
      else if (rowTop + rowHeight > top.current + viewport) scrollTo(Math.max(0, rowTop + rowHeight - viewport));
    },
    [rowHeight, viewport, scrollTo],
  );
  const scrollToTop = useCallback(() => scrollTo(0), [scrollTo]);

  return { ref, rows: windowRows(count, rowHeight, scrollTop, viewport, overscan), totalHeight: count * rowHeight, scrollToIndex, scrollToTop };
}

// Debounce with flush: the explanation autosaves after a pause, and flushes on leaving.
export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  flush(): void;
  cancel(): void;
  pending(): boolean;
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: A | undefined;
  const d = ((...args: A) => {
    last = args;
    if (timer) clearTimeout(timer);
    timer = setTimeout(d.flush, ms);
  }) as Debounced<A>;
  d.flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (last) {
      const args = last;
      last = undefined;
      fn(...args);
    }
  };
  d.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    last = undefined;
  };
  d.pending = () => last !== undefined;
  return d;
}

/**
 * Leading-edge throttle with a trailing run: the first request after a quiet
 * interval runs at once (on the next turn of the event loop, so that a batch of
 * committed votes becomes one update); requests within the interval collapse
 * into one run at its end (SPEC B-1).
 */
export class Throttle {
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private immediate: ReturnType<typeof setImmediate> | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly run: () => void,
  ) {}

  request(): void {
    if (this.timer || this.immediate) return;
    const wait = this.last + this.intervalMs - performance.now();
    if (wait <= 0) {
      this.immediate = setImmediate(() => {
        this.immediate = null;
        this.fire();
      });
    } else {
      // Whole milliseconds: Node keeps one list of timers per duration, and a fractional one makes a
      // list (keyed by the number's text) for this timer alone, at every request (issue 17).
      this.timer = setTimeout(() => {
        this.timer = null;
        this.fire();
      }, Math.ceil(wait));
    }
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
  }

  private fire(): void {
    this.last = performance.now();
    this.run();
  }
}

import type { Bar } from '@ares/features';

/**
 * A reusable, mutable bar for the hot path (the engine's previous bar, the backtest runner's current
 * bar). A class of its own rather than an object literal: V8 gives every `{ timestamp, open, … }`
 * literal in the process one shared hidden class, and once any of them holds a non-number its fields
 * turn generic, so that every double stored into them allocates a box. The non-integer initial values
 * make the fields doubles from the start.
 */
export class BarBuffer implements Bar {
  timestamp = 0.5;
  open = 0.5;
  high = 0.5;
  low = 0.5;
  close = 0.5;
  volume = 0.5;

  copyFrom(bar: Bar): void {
    this.timestamp = bar.timestamp;
    this.open = bar.open;
    this.high = bar.high;
    this.low = bar.low;
    this.close = bar.close;
    this.volume = bar.volume;
  }
}

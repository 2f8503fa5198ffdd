/**
 * A port the kill switch polls: something outside the process (a flag file, an environment
 * variable, an ops endpoint) that can ask trading to stop. Implementations may do I/O, so they are
 * polled on a timer by the caller, never on the per-tick path.
 */
export interface KillSwitchSource {
  /** Shown as `KillSwitch.trippedBy`, e.g. `file:/run/ares/STOP`. */
  readonly name: string;
  /** True when the source asks trading to stop. Must not throw. */
  isSignalled(): boolean;
}

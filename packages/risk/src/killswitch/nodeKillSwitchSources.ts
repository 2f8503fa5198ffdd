import { existsSync } from 'node:fs';
import type { KillSwitchSource } from './KillSwitchSource.type.js';

/** Signals while a file exists at `path` (`touch /run/ares/STOP` stops new entries). */
export function fileFlagKillSwitchSource(path: string): KillSwitchSource {
  return { name: `file:${path}`, isSignalled: () => existsSync(path) };
}

const truthy = new Set(['1', 'true', 'yes', 'on']);

/**
 * Signals while environment variable `variable` is `1`, `true`, `yes` or `on` (any case).
 * `env` defaults to `process.env`; pass another object in tests or to read a reloaded env file.
 */
export function environmentKillSwitchSource(variable: string, env: Readonly<Record<string, string | undefined>> = process.env): KillSwitchSource {
  return { name: `env:${variable}`, isSignalled: () => truthy.has((env[variable] ?? '').trim().toLowerCase()) };
}

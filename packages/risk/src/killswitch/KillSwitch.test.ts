import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { KillSwitch } from './KillSwitch.js';
import type { KillSwitchSource } from './KillSwitchSource.type.js';
import { environmentKillSwitchSource, fileFlagKillSwitchSource } from './nodeKillSwitchSources.js';

describe('KillSwitch', () => {
  it('starts armed, latches the first source, and re-arms only on release()', () => {
    const killSwitch = new KillSwitch();
    expect(killSwitch.isTripped).toBe(false);
    killSwitch.trip('ops-console');
    killSwitch.trip('manual');
    expect(killSwitch.trippedBy).toBe('ops-console');
    killSwitch.release();
    expect(killSwitch.isTripped).toBe(false);
    expect(killSwitch.trippedBy).toBeNull();
  });

  it('trips from the first signalling source on poll and stays tripped when the source clears', () => {
    let signalled = false;
    const source: KillSwitchSource = { name: 'fake', isSignalled: () => signalled };
    const killSwitch = new KillSwitch();
    expect(killSwitch.poll([source])).toBe(false);
    signalled = true;
    expect(killSwitch.poll([source])).toBe(true);
    signalled = false;
    expect(killSwitch.poll([source])).toBe(true);
    expect(killSwitch.trippedBy).toBe('fake');
  });
});

describe('Node kill switch sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ares-risk-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fileFlagKillSwitchSource signals while the flag file exists', () => {
    const flag = join(dir, 'STOP');
    const source = fileFlagKillSwitchSource(flag);
    expect(source.name).toBe(`file:${flag}`);
    expect(source.isSignalled()).toBe(false);
    writeFileSync(flag, '');
    expect(source.isSignalled()).toBe(true);
    rmSync(flag);
    expect(source.isSignalled()).toBe(false);
  });

  it.each([
    ['1', true],
    ['true', true],
    [' YES ', true],
    ['on', true],
    ['0', false],
    ['false', false],
    ['', false],
    [undefined, false],
  ])('environmentKillSwitchSource reads %p as %p', (value, expected) => {
    const source = environmentKillSwitchSource('ARES_KILL', { ARES_KILL: value });
    expect(source.isSignalled()).toBe(expected);
    expect(source.name).toBe('env:ARES_KILL');
  });

  it('a polled env source trips the switch', () => {
    const env: Record<string, string | undefined> = {};
    const killSwitch = new KillSwitch();
    const sources = [fileFlagKillSwitchSource(join(dir, 'absent')), environmentKillSwitchSource('ARES_KILL', env)];
    expect(killSwitch.poll(sources)).toBe(false);
    env.ARES_KILL = '1';
    expect(killSwitch.poll(sources)).toBe(true);
    expect(killSwitch.trippedBy).toBe('env:ARES_KILL');
  });
});

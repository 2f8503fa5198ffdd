import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { envVarName, isUnder, secretPaths, settablePaths, toUpperSnake, valuesAt } from './schemaPaths.js';
import { secret } from './secret.js';

describe('schema paths', () => {
  it.each([
    ['maxDrawdown', 'MAX_DRAWDOWN'],
    ['level', 'LEVEL'],
    ['apiKey2', 'API_KEY2'],
    ['smtpURL', 'SMTP_URL'],
    ['max_orders', 'MAX_ORDERS'],
  ])('writes the key %s as %s in variable names', (key, expected) => {
    expect(toUpperSnake(key)).toBe(expected);
  });

  it('joins levels with a double underscore after the prefix, stopping at an array', () => {
    expect(envVarName(['risk', 'maxDrawdown'], 'ARES_')).toBe('ARES_RISK__MAX_DRAWDOWN');
    expect(envVarName(['accounts', '*', 'apiKey'], 'ARES_')).toBe('ARES_ACCOUNTS');
  });

  it('finds secrets through wrappers, nested objects and arrays, and every settable path', () => {
    const schema = z.object({
      a: z.object({ key: secret(z.string()).optional(), plain: z.number().default(1) }).prefault({}),
      list: z.array(z.object({ token: secret(z.string()) })),
      whole: secret(z.object({ user: z.string(), pass: z.string() })).optional(),
    });
    expect(secretPaths(schema)).toEqual([['a', 'key'], ['list', '*', 'token'], ['whole']]);
    expect(settablePaths(schema)).toEqual([['a'], ['a', 'key'], ['a', 'plain'], ['list'], ['whole'], ['whole', 'user'], ['whole', 'pass']]);
  });

  it('collects values under a wildcard path with their concrete paths, and matches paths under a pattern', () => {
    const value = { list: [{ token: 't0' }, {}, { token: 't2' }] };
    expect(valuesAt(value, ['list', '*', 'token']).map((f) => [f.path.join('.'), f.value])).toEqual([
      ['list.0.token', 't0'],
      ['list.2.token', 't2'],
    ]);
    expect(isUnder(['list', '3', 'token'], ['list', '*', 'token'])).toBe(true);
    expect(isUnder(['list', 'x', 'token'], ['list', '*', 'token'])).toBe(false);
    expect(isUnder(['whole', 'pass'], ['whole'])).toBe(true);
    expect(isUnder(['a'], ['a', 'key'])).toBe(false);
  });
});

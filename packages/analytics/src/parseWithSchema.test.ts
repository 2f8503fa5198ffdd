import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { InvalidArgumentError } from './InvalidArgumentError.js';
import { parseWithSchema } from './parseWithSchema.js';

const Schema = z.object({
  rate: z.number().positive().optional(),
  count: z.number().int().min(1).max(10).optional(),
  mode: z.enum(['a', 'b']).optional(),
  names: z.array(z.string()).min(1).optional(),
  flag: z.boolean().optional(),
});

describe('parseWithSchema', () => {
  it.each([
    [{ rate: 0 }, 'Invalid "options.rate": expected a number > 0, received "0".'],
    [{ count: 1.5 }, 'Invalid "options.count": expected an integer, received "1.5".'],
    [{ count: 11 }, 'Invalid "options.count": expected a number <= 10, received "11".'],
    [{ mode: 'c' }, 'Invalid "options.mode": expected one of "a", "b", received "c".'],
    [{ names: [] }, 'Invalid "options.names": expected a list with >= 1 items, received "an array of 0".'],
    [{ flag: 'yes' }, 'Invalid "options.flag": expected a boolean, received "yes".'],
  ])('phrases %p as %s', (input, message) => {
    expect(() => parseWithSchema(Schema, input, 'options')).toThrow(message);
  });

  it('reports every bad path at once, and the first as the argument', () => {
    let caught: unknown;
    try {
      parseWithSchema(Schema, { rate: -1, mode: 'z' }, 'options');
    } catch (error) {
      caught = error;
    }
    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
    expect((caught as InvalidArgumentError).argument).toBe('options.rate');
    expect((caught as Error).message).toBe('Invalid "options.rate": expected a number > 0, received "-1". Invalid "options.mode": expected one of "a", "b", received "z".');
  });

  it('returns the parsed value with defaults', () => {
    expect(parseWithSchema(z.object({ n: z.number().default(3) }), {}, 'options')).toEqual({ n: 3 });
  });
});

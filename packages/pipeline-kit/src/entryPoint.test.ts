import { describe, expect, it, jest } from '@jest/globals';

describe('the package index', () => {
  it('does not load pino-roll (and date-fns) until logs are opened', () => {
    const loads: string[] = [];
    jest.isolateModules(() => {
      jest.doMock('pino-roll', () => {
        loads.push('pino-roll');
        return { default: () => Promise.reject(new Error('not used')) };
      });
      require('./index.js');
      expect(loads).toEqual([]);
    });
  });
});

import { describe, expect, it, jest } from '@jest/globals';

describe('entry points', () => {
  it('the main entry does not load ccxt (half a second of start-up), while @ares/connectors/ccxt does', () => {
    const loads: string[] = [];
    jest.isolateModules(() => {
      jest.doMock('ccxt', () => {
        loads.push('ccxt');
        return {};
      });
      require('./index.js');
      expect(loads).toEqual([]);
      require('./ccxt.js');
      expect(loads).toEqual(['ccxt']);
    });
  });
});

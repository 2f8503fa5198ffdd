// A download run in its own process, to be SIGKILLed by the test: args are the emulator's ccxt
// options (JSON), the store directory, since, until and bars per page. Prints "appended N" after each stored page.
import { register } from 'node:module';

register('./typescriptHooks.mjs', import.meta.url);
const [ccxtOptions, dir, since, until, pageBars] = process.argv.slice(2);
const { downloadBars } = await import('../downloadBars.ts');
const { createCcxtFeed } = await import('../../ccxt/createCcxtFeed.ts');
const { BarStore } = await import('../../store/BarStore.ts');

const store = new BarStore(dir);
let pages = 0;
const counting = {
  append: (symbol, timeframe, series) => {
    const added = store.append(symbol, timeframe, series);
    process.stdout.write(`appended ${++pages}\n`);
    return added;
  },
  read: (...args) => store.read(...args),
  lastTimestamp: (...args) => store.lastTimestamp(...args),
};
const feed = createCcxtFeed(JSON.parse(ccxtOptions));
await downloadBars({ feed, store: counting, symbol: 'BTC/USDT', timeframe: '1m', since: Number(since), until: Number(until), pageBars: Number(pageBars), progress: false });
process.stdout.write('done\n');

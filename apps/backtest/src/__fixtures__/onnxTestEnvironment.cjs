// A jest environment for suites that run onnxruntime-node. The native binding creates output typed
// arrays in Node's main realm, while jest evaluates onnxruntime-common in a sandbox realm whose
// `Float32Array` is a different constructor, so its `instanceof` check rejects every output. Sharing
// the main realm's typed-array constructors with the sandbox makes both sides agree.
const path = require('node:path');

const jestDir = path.dirname(require.resolve('jest'));
const { TestEnvironment } = require(require.resolve('jest-environment-node', { paths: [jestDir] }));

const TYPED_ARRAYS = [
  'ArrayBuffer',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

class OnnxTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
}

module.exports = OnnxTestEnvironment;

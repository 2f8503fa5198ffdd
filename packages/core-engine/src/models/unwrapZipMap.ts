import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/**
 * Removes the `ZipMap` node that produces graph output `output` and exposes its input (the [N, K]
 * probability tensor the converters zip into a sequence of maps) as a graph output instead.
 * onnxruntime-node cannot return a sequence of maps, but it can return that tensor. `undefined` when
 * `output` is not produced by a ZipMap.
 * @see https://onnx.ai/onnx/operators/onnx_aionnxml_ZipMap.html
 */
export function unwrapZipMap(bytes: Uint8Array, output: string): { bytes: Uint8Array; tensorOutput: string } | undefined {
  const model = onnx.ModelProto.decode(bytes);
  const graph = model.graph;
  if (graph === null || graph === undefined) return undefined;
  const nodes = graph.node ?? [];
  const zipMap = nodes.find((n) => n.opType === 'ZipMap' && (n.output ?? []).includes(output));
  const tensorOutput = zipMap?.input?.[0];
  if (zipMap === undefined || tensorOutput === undefined) return undefined;
  graph.node = nodes.filter((n) => n !== zipMap);
  const outputs = (graph.output ?? []).filter((o) => o.name !== output);
  graph.output = outputs;
  if (!outputs.some((o) => o.name === tensorOutput)) {
    outputs.push(onnx.ValueInfoProto.create({ name: tensorOutput, type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT } } }));
  }
  return { bytes: onnx.ModelProto.encode(model).finish(), tensorOutput };
}

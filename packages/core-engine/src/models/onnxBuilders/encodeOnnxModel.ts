// Internal: writes small ONNX graphs for the test suite and the benchmark. Not exported from the
// package index.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** ONNX TensorProto.DataType codes used here. */
export const ONNX_FLOAT = 1;
export const ONNX_INT64 = 7;

/** A dimension: a fixed size, or a symbolic name such as `N` for the batch. */
export type Dimension = number | string;

export type AttributeValue = number | string | readonly number[] | readonly string[] | { readonly ints: readonly number[] };

export interface NodeSpec {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** `ai.onnx.ml` for the classic ML operators; the default domain otherwise. */
  readonly domain?: string;
  /**
   * Attributes: a number is a FLOAT (ONNX wants float-typed attributes as FLOAT), `{ ints }` is INTS,
   * `integer(n)` an INT; strings and string lists map to STRING / STRINGS, number lists to FLOATS.
   */
  readonly attributes?: Readonly<Record<string, AttributeValue | IntegerAttribute>>;
}

export interface IntegerAttribute {
  readonly int: number;
}

/** Marks an attribute as INT (a bare number is encoded as FLOAT). */
export function integer(value: number): IntegerAttribute {
  return { int: value };
}

export type ValueSpec =
  | { readonly name: string; readonly type: 'float' | 'int64'; readonly shape: readonly Dimension[] }
  /** A sequence of maps int64 → float, what ZipMap produces. */
  | { readonly name: string; readonly type: 'zipmap' };

export interface ModelSpec {
  readonly nodes: readonly NodeSpec[];
  readonly inputs: readonly ValueSpec[];
  readonly outputs: readonly ValueSpec[];
  /** Constant float tensors (weights, biases), by name. */
  readonly initializers?: Readonly<Record<string, { readonly dims: readonly number[]; readonly values: readonly number[] }>>;
  /** Default-domain opset. Default 13. */
  readonly opset?: number;
  /** `ai.onnx.ml` opset when ML operators are used. TreeEnsembleClassifier needs <= 4 (onnxruntime refuses it at 5). */
  readonly mlOpset?: number;
}

const encoder = new TextEncoder();

function attribute(name: string, value: AttributeValue | IntegerAttribute): onnxProto.onnx.IAttributeProto {
  const types = onnx.AttributeProto.AttributeType;
  if (typeof value === 'number') return { name, type: types.FLOAT, f: value };
  if (typeof value === 'string') return { name, type: types.STRING, s: encoder.encode(value) };
  if ('int' in value) return { name, type: types.INT, i: value.int };
  if ('ints' in value) return { name, type: types.INTS, ints: [...value.ints] };
  if (value.every((v): v is string => typeof v === 'string')) return { name, type: types.STRINGS, strings: value.map((s) => encoder.encode(s)) };
  return { name, type: types.FLOATS, floats: [...(value as readonly number[])] };
}

function valueInfo(spec: ValueSpec): onnxProto.onnx.IValueInfoProto {
  if (spec.type === 'zipmap') {
    return {
      name: spec.name,
      type: { sequenceType: { elemType: { mapType: { keyType: ONNX_INT64, valueType: { tensorType: { elemType: ONNX_FLOAT } } } } } },
    };
  }
  const dim = spec.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name: spec.name, type: { tensorType: { elemType: spec.type === 'float' ? ONNX_FLOAT : ONNX_INT64, shape: { dim } } } };
}

/** Encodes a graph as ONNX model bytes (IR version 8, producer `ares-test`). */
export function encodeOnnxModel(spec: ModelSpec): Uint8Array {
  const opsetImport: onnxProto.onnx.IOperatorSetIdProto[] = [{ domain: '', version: spec.opset ?? 13 }];
  if (spec.mlOpset !== undefined) opsetImport.push({ domain: 'ai.onnx.ml', version: spec.mlOpset });
  const model: onnxProto.onnx.IModelProto = {
    irVersion: 8,
    producerName: 'ares-test',
    opsetImport,
    graph: {
      name: 'graph',
      node: spec.nodes.map((n, i) => ({
        name: `${n.op}_${i}`,
        opType: n.op,
        domain: n.domain ?? '',
        input: [...n.inputs],
        output: [...n.outputs],
        attribute: Object.entries(n.attributes ?? {}).map(([k, v]) => attribute(k, v)),
      })),
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
      initializer: Object.entries(spec.initializers ?? {}).map(([name, t]) => ({
        name,
        dims: [...t.dims],
        dataType: ONNX_FLOAT,
        floatData: [...t.values],
      })),
    },
  };
  return onnx.ModelProto.encode(model).finish();
}

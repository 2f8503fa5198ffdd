// `@ares/core-engine/onnx-builders`: writes small ONNX models (and their metadata files) for tests,
// examples and benchmarks of code that loads models, without Python or a trained model. Kept out of
// the package index: production code never builds models.
export type { LinearClassifierSpec } from './models/onnxBuilders/buildLinearClassifier.js';
export { buildLinearClassifier } from './models/onnxBuilders/buildLinearClassifier.js';
export type { MlpPolicySpec } from './models/onnxBuilders/buildMlpPolicy.js';
export { buildMlpPolicy } from './models/onnxBuilders/buildMlpPolicy.js';
export type { Tree, TreeEnsemble, TreeEnsembleClassifierOptions } from './models/onnxBuilders/buildTreeEnsembleClassifier.js';
export { buildTreeEnsembleClassifier, randomTreeEnsemble } from './models/onnxBuilders/buildTreeEnsembleClassifier.js';
export type { TestModel } from './models/onnxBuilders/testModels.js';
export { logisticRegressionModel, mlpPolicyModel, softmaxClassifierModel, treeEnsembleModel } from './models/onnxBuilders/testModels.js';
export type { ModelFiles, UnhashedMetadata } from './models/onnxBuilders/writeModelFiles.js';
export { writeModelFiles } from './models/onnxBuilders/writeModelFiles.js';

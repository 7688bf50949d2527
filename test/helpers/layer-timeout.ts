// The default timeout of every test in a layer (set per layer in jest.config.cjs).
declare const layerTimeoutMs: number;
jest.setTimeout(layerTimeoutMs);

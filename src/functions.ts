// The custom functions, described once as data: scripts/build.mjs renders their JSDoc
// wrappers in dist/Code.js from CUSTOM_FUNCTIONS, and the local runtime registers them in its
// formula engine from the same table.

export interface CustomFunctionParam {
  name: string;
  description: string;
  /** What the formula helper shows as the type, e.g. a range example "F5:F44". */
  example: string;
  optional?: boolean;
}

export interface CustomFunctionSpec {
  name: string;
  description: string;
  params: CustomFunctionParam[];
  returns: string;
}

export const CUSTOM_FUNCTIONS: CustomFunctionSpec[] = [];

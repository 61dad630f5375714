import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as path from 'path';

interface Param {
  name: string;
  type: string;
  optional?: boolean;
  description: string;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: { type?: string };
  options?: { stream?: boolean };
}

const EXPECTED: Record<string, [string, boolean][]> = {
  PERCENTOFPLAN: [['actual', false], ['plan', false], ['decimals', true]],
  VSPRIOR: [['current', false], ['prior', false]],
  GROWTH: [['current', false], ['prior', false]],
  TIMES: [['current', false], ['prior', false]],
  COMPARE: [['current', false], ['prior', false], ['decimals', true]],
  PLANTEXT: [['actual', false], ['plan', false], ['decimals', true]],
  VNNUMBER: [['value', false], ['decimals', true]],
  NUMBERTOWORDS: [['value', false], ['unit', true]],
  TASKSTATUS: [['deadline', false], ['completed', false], ['asOf', true]],
  METRIC: [['key', false]],
};

// The same generator CustomFunctionsMetadataPlugin runs in the build, run on the source.
describe('functions.json', () => {
  let functions: Fn[];
  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata([path.resolve(__dirname, '../../src/functions/functions.ts')], false);
    expect(result.errors).toEqual([]);
    functions = JSON.parse(result.metadataJson).functions;
  });

  it('lists every function with its parameters and a Vietnamese description', () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of functions) {
      expect(f.name).toBe(f.id);
      expect(f.parameters.map((p) => [p.name, !!p.optional])).toEqual(EXPECTED[f.id]);
      expect(f.description).toMatch(/[àáảãạăâđêôơưạ-ỹ]/i);
      for (const p of f.parameters) expect(p.description.length).toBeGreaterThan(3);
    }
  });

  it('declares the types Excel passes', () => {
    const byId = Object.fromEntries(functions.map((f) => [f.id, f]));
    expect(byId.PERCENTOFPLAN.parameters.map((p) => p.type)).toEqual(['number', 'number', 'number']);
    expect(byId.NUMBERTOWORDS.parameters[1].type).toBe('string');
    expect(byId.TASKSTATUS.parameters.map((p) => p.type)).toEqual(['any', 'any', 'any']);
    expect(byId.COMPARE.result.type).toBe('string');
    expect(byId.METRIC.options?.stream).toBe(true);
  });
});

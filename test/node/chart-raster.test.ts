import { nodeRasterizer, wasmRasterizer } from '../../src/node/chart-raster';
import { FIGURE_WIDTH_PX, renderFigures } from '../../src/document/figures';
import { exampleReport } from '../document/example-report';

test('the native resvg and its WebAssembly build (the task pane\'s) draw the same PNG, byte for byte', async () => {
  const model = exampleReport().model;
  const native = await renderFigures(model, nodeRasterizer());
  const wasm = await renderFigures(model, wasmRasterizer());
  expect(native.size).toBe(4);
  for (const [chart, image] of native) {
    const other = wasm.get(chart)!;
    expect(Buffer.from(image.png).equals(Buffer.from(other.png))).toBe(true);
    // a PNG at least 200 dpi wide at its printed 150 mm
    expect(new DataView(image.png.buffer, image.png.byteOffset).getUint32(16)).toBe(FIGURE_WIDTH_PX);
    expect(FIGURE_WIDTH_PX / (150 / 25.4)).toBeGreaterThanOrEqual(200);
  }
});

import { initWasm, Resvg } from '@resvg/resvg-wasm';

/** Turns an SVG into PNG bytes `widthPx` wide. */
export type Rasterize = (svg: string, widthPx: number) => Promise<Uint8Array>;

let ready: Promise<void> | null = null;

/**
 * A rasteriser on resvg's WebAssembly build, the same in Node and in the task pane, so both make the
 * same PNG. The caller supplies the .wasm module (bytes, URL or Response) and the font files: the
 * WebAssembly build sees no system fonts, and BaoCao ships Liberation Serif, Times New Roman's metric twin.
 */
export function resvgRasterizer(wasm: () => Promise<BufferSource | Response | URL>, fonts: () => Promise<Uint8Array[]>): Rasterize {
  let fontBuffers: Promise<Uint8Array[]> | null = null;
  return async (svg, widthPx) => {
    ready ??= wasm().then((w) => initWasm(w));
    fontBuffers ??= fonts();
    await ready;
    const resvg = new Resvg(svg, {
      font: { fontBuffers: await fontBuffers, defaultFontFamily: 'Liberation Serif', serifFamily: 'Liberation Serif' },
      fitTo: { mode: 'width', value: Math.round(widthPx) },
      background: '#FFFFFF',
    });
    const image = resvg.render();
    const png = image.asPng();
    image.free();
    resvg.free();
    return png;
  };
}

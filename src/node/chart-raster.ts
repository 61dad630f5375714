import fs from 'node:fs';
import path from 'node:path';
import { Rasterize, resvgRasterizer } from '../document/rasterize';

/** The package's own folder: from build/src/node or from src/node (tests). */
function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('BaoCao package folder not found');
    dir = up;
  }
  return dir;
}

/** The charts set no bold text: one face to parse per chart. */
export const FONT_FILES = ['LiberationSerif-Regular.ttf'];
const fontPaths = () => FONT_FILES.map((f) => path.join(packageRoot(), 'assets/fonts', f));

let rasterize: Rasterize | null = null;

/**
 * resvg, the same renderer as the task pane's WebAssembly build (same version, same fonts, the
 * same PNG bytes — the Chromium test compares them): its native build where the platform has one,
 * rendering off the main thread so the charts of a report are drawn side by side; else the
 * WebAssembly build with its .wasm and the fonts read from disk.
 */
export function nodeRasterizer(): Rasterize {
  if (rasterize) return rasterize;
  try {
    const native = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
    const fontFiles = fontPaths();
    rasterize = async (svg, widthPx) => {
      const image = await native.renderAsync(svg, {
        font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Liberation Serif', serifFamily: 'Liberation Serif' },
        fitTo: { mode: 'width', value: Math.round(widthPx) },
        background: '#FFFFFF',
      });
      return new Uint8Array(image.asPng());
    };
  } catch {
    rasterize = wasmRasterizer();
  }
  return rasterize;
}

/** The WebAssembly build in Node: where no native build loads, and to prove both give the same PNG. */
export function wasmRasterizer(): Rasterize {
  return resvgRasterizer(
    async () => fs.readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')),
    async () => fontPaths().map((f) => new Uint8Array(fs.readFileSync(f))),
  );
}

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

export const FONT_FILES = ['LiberationSerif-Regular.ttf', 'LiberationSerif-Bold.ttf'];

let rasterize: Rasterize | null = null;

/** The resvg rasteriser with its .wasm and fonts read from disk. */
export function nodeRasterizer(): Rasterize {
  rasterize ??= resvgRasterizer(
    async () => fs.readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')),
    async () => FONT_FILES.map((f) => new Uint8Array(fs.readFileSync(path.join(packageRoot(), 'assets/fonts', f)))),
  );
  return rasterize;
}

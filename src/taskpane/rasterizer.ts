import { Rasterize, resvgRasterizer } from '../document/rasterize';

const FONTS = ['assets/fonts/LiberationSerif-Regular.ttf'];

async function load(url: string): Promise<ArrayBuffer> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.arrayBuffer();
}

/** The Word download's chart rasteriser: the same resvg module and fonts as the command line, served with the pane. */
export function browserRasterizer(): Rasterize {
  return resvgRasterizer(
    () => load('assets/resvg.wasm'),
    async () => (await Promise.all(FONTS.map(load))).map((b) => new Uint8Array(b)),
  );
}

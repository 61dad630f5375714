import * as fs from 'fs';
import * as path from 'path';

// Offline checks of manifest.xml against itself, the build configuration and the sources.
const ROOT = path.resolve(__dirname, '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const DEV = 'https://localhost:3000/';

const all = (re: RegExp, text = xml) => [...text.matchAll(re)].map((m) => m[1]);
const section = (tag: string) => {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  if (!m) throw new Error(`no <${tag}>`);
  return m[1];
};

interface WebpackConfig {
  entry: Record<string, unknown>;
  plugins: {
    constructor: { name: string };
    userOptions?: { filename?: string };
    options?: { output?: string };
    patterns?: { from: string; to: string; transform?: (c: Buffer) => string | Buffer }[];
  }[];
}

async function webpackConfig(mode: string): Promise<WebpackConfig> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const make = require(path.join(ROOT, 'webpack.config.js'));
  return make({}, { mode });
}

/** Files `npm run build` emits, from the configuration (entries, pages, functions.json, copied files). */
async function emittedFiles(): Promise<Set<string>> {
  const config = await webpackConfig('production');
  const files = new Set(Object.keys(config.entry).map((e) => `${e}.js`));
  for (const p of config.plugins) {
    if (p.constructor.name === 'HtmlWebpackPlugin') files.add(p.userOptions!.filename!);
    if (p.constructor.name === 'CustomFunctionsMetadataPlugin') files.add(p.options!.output!);
    if (p.constructor.name === 'CopyPlugin') {
      for (const pat of p.patterns!) {
        if (pat.from === 'assets/*.png') fs.readdirSync(path.join(ROOT, 'assets')).filter((f) => f.endsWith('.png')).forEach((f) => files.add(`assets/${f}`));
        else if (!pat.from.includes('*')) files.add(pat.to);
      }
    }
  }
  return files;
}

describe('manifest.xml', () => {
  const resources = section('Resources');
  const defined = new Map(all(/<bt:(?:Image|Url|String) id="([^"]+)"/g, resources).map((id) => [id, true]));
  const value = (id: string) => new RegExp(`id="${id.replace(/\./g, '\\.')}" DefaultValue="([^"]*)"`).exec(resources)?.[1];

  it('defines every resid it uses, once, and uses every resource it defines', () => {
    const used = all(/resid="([^"]+)"/g);
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(defined.has(id)).toBe(true);
    const ids = all(/<bt:(?:Image|Url|String) id="([^"]+)"/g, resources);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(used).toContain(id);
  });

  it('uses https URLs only, each pointing at a file the build emits', async () => {
    const urls = [...all(/(?:DefaultValue|Value)="(https?:[^"]*)"/g), ...all(/<AppDomain>([^<]*)<\/AppDomain>/g)];
    expect(urls.length).toBeGreaterThan(5);
    const emitted = await emittedFiles();
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      if (url === DEV.slice(0, -1)) continue; // the app domain
      expect(url.startsWith(DEV)).toBe(true);
      expect([...emitted]).toContain(url.slice(DEV.length));
    }
    const dist = path.join(ROOT, 'dist');
    if (fs.existsSync(path.join(dist, 'manifest.xml'))) {
      for (const url of urls.filter((u) => u.startsWith(DEV))) expect(fs.existsSync(path.join(dist, url.slice(DEV.length)))).toBe(true);
    }
  });

  it('runs the task pane, the ribbon commands and the custom functions in one long-lived shared runtime', () => {
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
    const runtimes = all(/<Runtime resid="([^"]+)" lifetime="long"\/>/g);
    expect(runtimes).toHaveLength(1);
    const runtime = runtimes[0];
    expect(all(/<Page>\s*<SourceLocation resid="([^"]+)"/g)).toEqual([runtime]);
    expect(all(/<FunctionFile resid="([^"]+)"/g)).toEqual([runtime]);
    expect(all(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="([^"]+)"/g)).toEqual([runtime]);
    expect(all(/<DefaultSettings>\s*<SourceLocation DefaultValue="([^"]+)"/g)).toEqual([value(runtime)]);
    expect(value(runtime)).toBe(`${DEV}taskpane.html`);
    expect(value('Functions.Metadata.Url')).toBe(`${DEV}functions.json`);
  });

  it('declares the BAOCAO namespace, the Workbook host and ReadWriteDocument', () => {
    const ns = all(/<Namespace resid="([^"]+)"/g);
    expect(ns.map(value)).toEqual(['BAOCAO']);
    expect(all(/<Host Name="([^"]+)"/g)).toEqual(['Workbook']);
    expect(all(/<Permissions>([^<]+)<\/Permissions>/g)).toEqual(['ReadWriteDocument']);
    expect(all(/<DefaultLocale>([^<]+)</g)).toEqual(['vi-VN']);
  });

  it('has the three Home-tab buttons: Tạo báo cáo runs generateReport, Thêm kiểm tra nhập liệu addDataValidation, BaoCao opens the pane', () => {
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    const controls = xml.split('<Control ').slice(1);
    expect(controls).toHaveLength(3);
    const [generate, validate, pane] = controls;
    expect(value(/<Label resid="([^"]+)"/.exec(validate)![1])).toBe('Thêm kiểm tra nhập liệu');
    expect(/<FunctionName>([^<]+)</.exec(validate)![1]).toBe('addDataValidation');
    expect(value(/<Label resid="([^"]+)"/.exec(generate)![1])).toBe('Tạo báo cáo');
    expect(/<FunctionName>([^<]+)</.exec(generate)![1]).toBe('generateReport');
    expect(value(/<Label resid="([^"]+)"/.exec(pane)![1])).toBe('BaoCao');
    expect(pane).toMatch(/xsi:type="ShowTaskpane"/);
    const commands = fs.readFileSync(path.join(ROOT, 'src/commands/commands.ts'), 'utf8');
    expect(commands).toMatch(/associate\('generateReport',/);
    expect(commands).toMatch(/associate\('addDataValidation',/);
  });

  it('gives every shown string an en-US override', () => {
    const strings = [...resources.matchAll(/<bt:String id="([^"]+)"[^>]*?(\/>|>([\s\S]*?)<\/bt:String>)/g)];
    for (const [, id, , body] of strings) {
      if (id === 'Functions.Namespace') continue;
      expect(body ?? '').toMatch(/<bt:Override Locale="en-US" Value="[^"]+"\/>/);
    }
    expect(xml).toMatch(/<DisplayName DefaultValue="BaoCao">\s*<Override Locale="en-US"/);
    expect(xml).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="en-US"/);
  });

  it('points at 16, 32 and 80 px PNG icons of those sizes', () => {
    for (const size of [16, 32, 80]) {
      const ids = all(new RegExp(`<bt:Image size="${size}" resid="([^"]+)"`, 'g'));
      expect(ids.length).toBeGreaterThan(0);
      for (const id of new Set(ids)) {
        const file = path.join(ROOT, value(id)!.slice(DEV.length));
        const png = fs.readFileSync(file);
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      }
    }
  });

  it('is rewritten to the production URL by the build and left alone in development', async () => {
    const copyOf = async (mode: string) => (await webpackConfig(mode)).plugins.find((p) => p.constructor.name === 'CopyPlugin')!.patterns!.find((p) => p.from === 'manifest*.xml')!;
    const prod = String((await copyOf('production')).transform!(Buffer.from(xml)));
    expect(prod).not.toMatch(/localhost/);
    expect(all(/(?:DefaultValue|Value)="(http[^"]*)"/g, prod).every((u) => u.startsWith('https://'))).toBe(true);
    expect(String((await copyOf('development')).transform!(Buffer.from(xml)))).toBe(xml);
  });
});

describe('the publishing folder', () => {
  it('holds only the add-in: webpack empties dist/ on each build, the command line compiles elsewhere', async () => {
    const config = (await webpackConfig('production')) as unknown as { output: { path: string; clean: unknown } };
    expect(config.output.path).toBe(path.join(ROOT, 'dist'));
    expect(config.output.clean).toBe(true);
    const node = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.node.json'), 'utf8'));
    expect(path.resolve(ROOT, node.compilerOptions.outDir)).not.toBe(path.join(ROOT, 'dist'));
    expect(fs.readFileSync(path.join(ROOT, 'bin/baocao.js'), 'utf8')).toContain(`../${node.compilerOptions.outDir}/src/node/cli.js`);
    // after a build (CI builds after the tests; locally it may be there): no compiled Node code in it
    if (fs.existsSync(path.join(ROOT, 'dist/manifest.xml'))) for (const d of ['src', 'scripts', 'node']) expect(fs.existsSync(path.join(ROOT, 'dist', d))).toBe(false);
  });
});

// docs/script-lab/self-test.yaml: the self-test as a Script Lab snippet (Script Lab ▸ Import).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ts from 'typescript';

const FILE = path.resolve(__dirname, '../docs/script-lab/self-test.yaml');
const yaml = fs.readFileSync(FILE, 'utf8');

/** The top-level keys of a YAML file (lines that start with a key at column 0). */
const topKeys = (text: string) => text.split('\n').flatMap((l) => /^([A-Za-z_]+):/.exec(l)?.[1] ?? []);

/** A block scalar `parent: … content: |` as YAML reads it (indentation of its first line removed). */
function blockContent(text: string, parent: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === `${parent}:`);
  const at = lines.findIndex((l, i) => i > start && /^ {4}content: \|-?$/.test(l));
  expect(start).toBeGreaterThanOrEqual(0);
  expect(at).toBeGreaterThan(start);
  const body: string[] = [];
  const indent = /^( *)/.exec(lines.slice(at + 1).find((l) => l.trim())!)![1].length;
  expect(indent).toBeGreaterThan(4);
  for (const l of lines.slice(at + 1)) {
    if (l.trim() && !l.startsWith(' '.repeat(indent))) break;
    body.push(l.slice(indent));
  }
  return body.join('\n');
}

describe('Script Lab snippet', () => {
  it('has the keys of a Script Lab snippet, for Excel', () => {
    expect(topKeys(yaml)).toEqual(['name', 'description', 'host', 'api_set', 'script', 'template', 'style', 'libraries']);
    expect(yaml).toMatch(/^host: EXCEL$/m);
    expect(yaml).toMatch(/^script:\n {4}content: \|\n[\s\S]*?^ {4}language: typescript$/m);
    expect(yaml).toMatch(/^template:\n {4}content: \|\n[\s\S]*?^ {4}language: html$/m);
    expect(yaml).toMatch(/^libraries: \|\n {4}https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js\n {4}@types\/office-js$/m);
    expect(yaml).not.toMatch(/\t/);
  });

  const script = blockContent(yaml, 'script');

  it('has a script that compiles: no syntax errors, and it type-checks against office-js', () => {
    const out = ts.transpileModule(script, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
    expect(out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-snippet-'));
    const file = path.join(dir, 'snippet.ts');
    fs.writeFileSync(file, script);
    try {
      const program = ts.createProgram([file], {
        noEmit: true,
        strict: true,
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
        types: ['office-js'],
        typeRoots: [path.resolve(__dirname, '../node_modules/@types')],
      });
      const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(errors).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds every element it uses in its template, writes text only, and says METRIC needs the add-in', () => {
    const template = blockContent(yaml, 'template');
    for (const [, id] of script.matchAll(/getElementById\("([\w-]+)"\)/g)) expect(template).toContain(`id="${id}"`);
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML/);
    expect(script).toMatch(/"metric", \(\) => \{ throw new Skip\("needs the add-in's custom functions/);
    expect(yaml).toMatch(/^description: .*METRIC check is not here/m);
    // the same temporary sheet name and checks as the add-in's self-test
    expect(script).toContain('"BaoCao_TuKiemTra_"');
    for (const id of ['table-list', 'markers-read', 'sheet-write', 'marker-write', 'payload', 'sheet-delete']) expect(script).toContain(`check("${id}"`);
  });
});

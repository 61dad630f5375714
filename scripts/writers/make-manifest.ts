// Writes test/fixtures/writers/expected.json: what a correct reader must give for each file of the
// foreign-writer corpus. The example's figures are computed here from the bundled example; the
// figures a formula column may change are found by perturbing that column and seeing which
// metrics move, so the "must still hold" lists are derived, not typed.
//
// usage: node build/scripts/writers/make-manifest.js <example.xlsx> <fixtures dir> <versions.json> <variants-info.json>
import fs from 'node:fs';
import path from 'node:path';
import { readWorkbookFile } from '../../src/node/input-file';
import { buildReport, reportJson } from '../../src/core/engine';
import { CellValue, TableSnapshot, tableCell } from '../../src/core/records/snapshot';

const TODAY = '2026-11-27';
const TIME_ZONES = ['Asia/Ho_Chi_Minh', 'America/New_York'];

type Level = 'error' | 'warning' | 'info';
interface ExpectedProblem {
  level: Level;
  cell: string;
  keyword: string;
}
interface Entry {
  writer: string;
  exercises: string;
  figures?: 'example';
  except?: string[];
  problems?: ExpectedProblem[];
  inputError?: string;
  mayAlsoReport?: { level: Level; cell: string | null; code: string }[];
}

interface Versions {
  python: string;
  xlsxwriter: string;
  openpyxl: string;
  libreoffice: string;
  fflate: string;
  node: string;
}

/** Plain copies of the snapshots (the fast reader's rows are getters that re-read the package). */
function plain(snaps: TableSnapshot[]): TableSnapshot[] {
  return snaps.map((s) => ({ ...s, headers: [...s.headers], rows: s.rows.map((r) => [...r]), merged: s.merged }));
}

function metricsOf(snaps: TableSnapshot[]): Record<string, unknown> {
  return reportJson(buildReport(snaps, { today: TODAY })).metrics as Record<string, unknown>;
}

/** The non-empty cells of one column, with their addresses. */
function columnCells(snaps: TableSnapshot[], table: string, header: string): { t: TableSnapshot; col: number; rows: number[]; cells: string[] } {
  const t = snaps.find((s) => s.name === table)!;
  const col = t.headers.indexOf(header);
  if (col < 0) throw new Error(`no column ${header} in ${table}`);
  const rows = t.rows.map((r, i) => (r[col] === null ? -1 : i)).filter((i) => i >= 0);
  return { t, col, rows, cells: rows.map((i) => tableCell(t, i, col)) };
}

/**
 * The metrics that may differ from the example's when the reader cannot trust a column's cells:
 * every key that moves when those cells are emptied, zeroed or changed.
 */
function affectedBy(snaps: TableSnapshot[], table: string, header: string): string[] {
  const base = metricsOf(snaps);
  const moved = new Set<string>();
  const perturbations: ((v: CellValue) => CellValue)[] = [() => null, () => 0, (v) => (typeof v === 'number' ? v * 2 + 1 : v)];
  for (const f of perturbations) {
    const copy = plain(snaps);
    const { t, col, rows } = columnCells(copy, table, header);
    for (const i of rows) t.rows[i][col] = f(t.rows[i][col]);
    const m = metricsOf(copy);
    for (const k of Object.keys(base)) if (JSON.stringify(base[k]) !== JSON.stringify(m[k])) moved.add(k);
  }
  return Object.keys(base).filter((k) => moved.has(k));
}

/**
 * The problems the engine itself raises, away from the column's cells, when those cells cannot be
 * trusted (emptied or zeroed): consequences a correct report may carry (e.g. "a plan for a unit
 * but no collections in the period"), listed so that the test allows exactly those and no others.
 */
function consequences(snaps: TableSnapshot[], table: string, header: string): { level: Level; cell: string | null; code: string }[] {
  const seen = new Map<string, { level: Level; cell: string | null; code: string }>();
  for (const f of [() => null, () => 0] as ((v: CellValue) => CellValue)[]) {
    const copy = plain(snaps);
    const { t, col, rows, cells } = columnCells(copy, table, header);
    for (const i of rows) t.rows[i][col] = f(t.rows[i][col]);
    for (const p of buildReport(copy, { today: TODAY }).problems) {
      if (p.level === 'info' || cells.includes(p.cell ?? '')) continue;
      seen.set(`${p.level} ${p.cell} ${p.code}`, { level: p.level, cell: p.cell, code: p.code });
    }
  }
  return [...seen.values()];
}

async function main(): Promise<void> {
  const [example, dir, versionsFile, infoFile] = process.argv.slice(2);
  const v: Versions = JSON.parse(fs.readFileSync(versionsFile, 'utf8'));
  const info: Record<string, { cells?: string[] }> = JSON.parse(fs.readFileSync(infoFile, 'utf8'));
  const snaps = plain(await readWorkbookFile(path.resolve(example), 'vi'));
  const example0 = reportJson(buildReport(snaps, { today: TODAY }));
  if ((example0.problems as unknown[]).length) throw new Error('the example itself has problems: the corpus assumes it has none');

  const xw = `XlsxWriter ${v.xlsxwriter} (Python ${v.python})`;
  const opx = `openpyxl ${v.openpyxl} (Python ${v.python})`;
  const lo = `LibreOffice ${v.libreoffice}`;
  const hand = `hand-made from the example's own package (scripts/writers/xml-variants.ts, fflate ${v.fflate}, Node ${v.node})`;
  const same = (writer: string, exercises: string): Entry => ({ writer, exercises, figures: 'example', problems: [] });

  const formulaEntry = (writer: string, exercises: string, table: string, header: string, level: Level): Entry => {
    const also = consequences(snaps, table, header);
    return {
      writer,
      exercises,
      figures: 'example',
      except: affectedBy(snaps, table, header),
      problems: columnCells(snaps, table, header).cells.map((cell) => ({ level, cell, keyword: 'công thức' })),
      ...(also.length ? { mayAlsoReport: also } : {}),
    };
  };

  /** Metrics that change when a whole table is left out. */
  const affectedByTable = (all: TableSnapshot[], table: string): string[] => {
    const without = reportJson(buildReport(all.filter((t) => t.name !== table), { today: TODAY })).metrics as Record<string, unknown>;
    const base = example0.metrics as Record<string, unknown>;
    return Object.keys(base).filter((k) => JSON.stringify(base[k]) !== JSON.stringify(without[k]));
  };

  const files: Record<string, Entry> = {
    'xlsxwriter-tables.xlsx': same(xw, 'tables by add_table (contract names and headers), strings as shared strings, dates as serial numbers with a date format'),
    'xlsxwriter-formula-no-calc.xlsx': formulaEntry(
      xw,
      'KeHoach[Kế hoạch] written by write_formula with no value: XlsxWriter stores <v>0</v> and sets <calcPr fullCalcOnLoad="1"/>, so the cached 0 is not the result Excel would show; the reader must warn at each such cell that the value may be stale',
      'KeHoach',
      'Kế hoạch',
      'warning',
    ),
    'openpyxl-tables.xlsx': same(opx, 'tables by openpyxl.worksheet.table.Table, strings as inline strings with numeric character references (<is><t>Kh&#243;a</t></is>), dates as serial numbers'),
    'openpyxl-iso-dates.xlsx': same(opx, 'workbook.iso_dates = True: every date as <c t="d"><v>2023-01-05T00:00:00</v></c> (no zone: a calendar date, the same in every time zone)'),
    'openpyxl-formula-no-value.xlsx': formulaEntry(
      opx,
      'NganSach[Số nộp] (required) holds formulas with no cached value (<f>ROUND(197.8,2)</f><v></v>): the value is unknown, the reader must say so at each cell (error: the row cannot be counted) and never read it as 0',
      'NganSach',
      'Số nộp',
      'error',
    ),
    'libreoffice-roundtrip.xlsx': same(lo, 'the example converted to .ods and back to .xlsx by soffice --headless --convert-to: the Excel tables survive as database ranges and come back as table parts; LibreOffice styles, shared strings, explicit t="n" cells'),
    'libreoffice.ods': { writer: lo, exercises: 'the example saved as OpenDocument (.ods, a zip with mimetype application/vnd.oasis.opendocument.spreadsheet): not an .xlsx, the reader must say it is an .ods file', inputError: 'ods' },
    'xml-x-prefix.xlsx': same(hand, 'every SpreadsheetML element prefixed x: (xmlns:x=…), as .NET System.IO.Packaging / Open XML SDK writers do'),
    'xml-strict.xlsx': same(hand, 'ISO 29500 Strict: purl.oclc.org namespaces for spreadsheetml, relationships (r:id) and relationship types, conformance="strict"'),
    'xml-str-formula-trailing-space.xlsx': {
      ...same(hand, `text formula results with a trailing space in a text column: <c t="str"><f>…</f><v xml:space="preserve">FDI-2023-… </v></c> at ${(info['xml-str-formula-trailing-space.xlsx']?.cells ?? []).join(', ')} (the cached value has an attribute on <v>)`),
    },
    'xml-shared-strings-renamed.xlsx': same(hand, 'the shared strings part named xl/strs.xml: found through the workbook relationship and [Content_Types].xml, not by its usual name'),
    'xml-single-quotes.xlsx': same(hand, "every attribute in every part quoted with ' instead of \""),
    'xml-cdata.xlsx': same(hand, 'every shared string text as a CDATA section (<t><![CDATA[…]]></t>)'),
    'xml-date1904.xlsx': same(hand, 'the 1904 date system: <workbookPr date1904="1"/> and every date serial 1462 smaller'),
    'xml-inline-strings.xlsx': same(hand, 'every text as an inline string (<c t="inlineStr"><is><t>…</t></is></c>), no shared strings part at all'),
    'xml-rich-text.xlsx': same(hand, 'every shared string as rich-text runs (<r><rPr>…</rPr><t>…</t></r>, split mid-text), every fifth with a phonetic run <rPh> that is not part of the text'),
    'xml-totals-row.xlsx': same(hand, `a totals row under NganSach (totalsRowCount="1", label "Tổng cộng" and SUBTOTAL(109,…) at ${(info['xml-totals-row.xlsx']?.cells ?? []).join(', ')}): not a data row`),
    'xml-no-header-row.xlsx': {
      writer: hand,
      exercises:
        'KeHoach with its header row turned off (headerRowCount="0", the header cells gone, the table starting at its first data row): a table without a header row cannot be read by column names, so it is reported as an error at its range and left out; every figure that needs KeHoach (plans, stated priors) is not checked',
      figures: 'example',
      except: affectedByTable(snaps, 'KeHoach'),
      problems: [{ level: 'error', cell: 'KeHoach!C2:F14', keyword: 'không có dòng tiêu đề' }],
      mayAlsoReport: [],
    },
    'xml-iso-dates.xlsx': same(hand, 'every date as an ISO 8601 date cell without time (<c t="d"><v>2023-01-05</v></c>)'),
    'xlsb-renamed.xlsx': { writer: hand, exercises: 'an .xlsb-shaped package (xl/workbook.bin, binary BIFF12 parts) under an .xlsx name: the reader must say it is a binary .xlsb workbook', inputError: 'xlsb' },
    'csv-renamed.xlsx': { writer: hand, exercises: 'the Settings table as CSV text under an .xlsx name', inputError: 'không phải là sổ Excel .xlsx' },
  };
  for (const name of Object.keys(files)) if (!fs.existsSync(path.join(dir, name))) throw new Error(`missing fixture ${name}`);

  const manifest = {
    about:
      'What a correct reader must give for each file of test/fixtures/writers (built by scripts/writers/make-writers-corpus.sh). ' +
      'A workbook entry is read with readWorkbookFile and buildReport(…, {today}) under each time zone of timeZones. ' +
      '"figures": "example" — every metric equals exampleMetrics (deep equality, full precision), except the keys listed in "except", which are not checked. ' +
      '"problems": [] — the report has no problem at all, like the example. ' +
      '"problems": [{level, cell, keyword}, …] — each is present (same level, same cell, message containing keyword, case-insensitive); ' +
      'any other problem must be at one of those cells, or of level info, or listed in "mayAlsoReport" (same level, cell and code: ' +
      'what the engine itself concludes when those cells are unusable, found by emptying and zeroing them). ' +
      '"inputError": keyword — readWorkbookFile rejects with an InputError whose message contains keyword (case-insensitive).',
    example: 'examples/hai-phong-2023-h1.xlsx',
    today: TODAY,
    timeZones: TIME_ZONES,
    versions: v,
    exampleMetrics: example0.metrics,
    files,
  };
  fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote ${path.join(dir, 'expected.json')} (${Object.keys(files).length} files)`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

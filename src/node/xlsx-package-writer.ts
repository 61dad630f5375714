// The report workbook's SpreadsheetML package, written straight from the sheet plan. What exceljs
// wrote for the same plan (cells, shared strings, styles, merges, row heights, column widths, page
// breaks, print setup, print titles and area, the marker in the document properties) is what this
// writes, with the plan's native charts, in time linear in the cells: exceljs checked each merge
// against every earlier one, so a report with tens of thousands of annex rows took minutes. The
// sheets and the shared strings, tens of megabytes of text in such a report, are deflated in chunks
// as they are written. Nothing is decided here; layout is the plan's.
import { WorkbookPlan } from '../core/report/sheet-plan';
import { columnLetters } from '../core/records/snapshot';
import { xmlSafe } from '../core/records/xml-text';
import { PackageParts, chartAdditions, withOverrides } from './xlsx-charts';
import { sheetXml } from './xlsx-sheet-xml';
import { NS_MAIN, SharedStrings, Styles, XML_HEAD, xmlText } from './xlsx-styles';
import { ZipWriter } from './xlsx-zip';

export { checkMerges } from './xlsx-sheet-xml';

const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const CT = 'application/vnd.openxmlformats-officedocument.';
const TYPES = '[Content_Types].xml';

const quoted = (sheet: string) => `'${xmlSafe(sheet).replace(/'/g, "''")}'`;

/** The package's small parts (name → text): all but the sheets, the styles and the shared strings. Every text of the plan passes xmlText. */
function smallParts(plan: WorkbookPlan, now: Date, sheetParts: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  const names: string[] = [];
  plan.sheets.forEach((s, i) => {
    if (s.printArea) names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlText(`${quoted(s.name)}!$A$1:$${columnLetters(s.printArea.lastCol)}$${s.printArea.lastRow}`)}</definedName>`);
    if (s.printTitleRows) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${quoted(s.name)}!$${s.printTitleRows[0]}:$${s.printTitleRows[1]}`)}</definedName>`);
  });
  const sheetRel = (i: number) => `rId${i + 3}`;
  const workbook =
    XML_HEAD +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    '<bookViews><workbookView/></bookViews>' +
    `<sheets>${plan.sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="${sheetRel(i)}"/>`).join('')}</sheets>` +
    (names.length ? `<definedNames>${names.join('')}</definedNames>` : '') +
    '<calcPr calcId="171027"/></workbook>';
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${xmlText(target)}"/>`;
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  files[TYPES] = (
    XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}spreadsheetml.sheet.main+xml"/>` +
      sheetParts.map((p) => `<Override PartName="/${p}" ContentType="${CT}spreadsheetml.worksheet+xml"/>`).join('') +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}spreadsheetml.sharedStrings+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      `<Override PartName="/docProps/app.xml" ContentType="${CT}extended-properties+xml"/>` +
      '</Types>'
  );
  files['_rels/.rels'] = (
    XML_HEAD +
      `<Relationships xmlns="${NS_PKG_REL}">` +
      rel('rId1', `${REL}officeDocument`, 'xl/workbook.xml') +
      rel('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml') +
      rel('rId3', `${REL}extended-properties`, 'docProps/app.xml') +
      '</Relationships>'
  );
  files['docProps/core.xml'] = (
    XML_HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>BaoCao</dc:creator><cp:keywords>${xmlText(plan.marker)}</cp:keywords>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
      '</cp:coreProperties>'
  );
  files['docProps/app.xml'] = (
    XML_HEAD +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<Application>BaoCao</Application>' +
      `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${plan.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${plan.sheets.length}" baseType="lpstr">${plan.sheets.map((s) => `<vt:lpstr>${xmlText(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
      '</Properties>'
  );
  files['xl/workbook.xml'] = workbook;
  files['xl/_rels/workbook.xml.rels'] = (
    XML_HEAD +
      `<Relationships xmlns="${NS_PKG_REL}">` +
      rel('rId1', `${REL}styles`, 'styles.xml') +
      rel('rId2', `${REL}sharedStrings`, 'sharedStrings.xml') +
      sheetParts.map((p, i) => rel(sheetRel(i), `${REL}worksheet`, p.slice(3))).join('') +
      '</Relationships>'
  );
  return files;
}

/** The report workbook's bytes: [Content_Types].xml, the sheets, the other parts, the styles, the shared strings, the charts. */
export async function writePackage(plan: WorkbookPlan, now: Date): Promise<Buffer> {
  const sheetParts = plan.sheets.map((_, i) => `xl/worksheets/sheet${i + 1}.xml`);
  const files = smallParts(plan, now, sheetParts);
  const charts = chartAdditions(files as PackageParts, plan);
  const zip = new ZipWriter(now);
  zip.add(TYPES, charts ? withOverrides(files[TYPES], charts.overrides) : files[TYPES]);
  const styles = new Styles();
  const strings = new SharedStrings();
  for (const [i, sheet] of plan.sheets.entries()) await zip.addChunks(sheetParts[i], sheetXml(sheet, styles, strings, charts?.drawings.get(sheetParts[i]) ?? null));
  for (const [name, part] of Object.entries(files)) if (name !== TYPES) zip.add(name, part);
  zip.add('xl/styles.xml', styles.xml());
  await zip.addChunks('xl/sharedStrings.xml', strings.chunks());
  for (const [name, part] of Object.entries(charts?.parts ?? {})) zip.add(name, part);
  return zip.finish();
}

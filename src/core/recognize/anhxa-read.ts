import { CellValue, TableSnapshot, cellAddress, columnNumber, columnLetters, quoteSheet, tableCell } from '../records/snapshot';
import { TableDef } from '../records/schema';
import { EVENTS, matchColumn, matchTableKind } from '../records/mapping';
import { describe, formatDayDMY, isBlank, parseDate, parseInteger, parseMonth } from '../records/parse';
import { Problems } from '../problems';
import { cleanText, foldKey } from '../records/text';
import { ANHXA_COLUMNS, ANHXA_TABLE, AnhXaKey, FROM_GROUP_ROWS, FROM_PROJECT_NAME, FROM_TASK_TITLE } from './anhxa';
import { blockFromArea } from './blocks';
import { Area, GridView, areaRef, parseArea } from './grid';
import { ColumnMapping, Proposal } from './propose';
import { MoneyUnit, findMoneyUnit } from './units';
import { DataKind, ID_FROM, MEASURES, NEEDS_ONE_OF, isDataKind } from './vocab';
import { ProjectEvent, eventOfValue } from './fixed';

/**
 * Reading the `AnhXa` / `Mapping` table (the format is in anhxa.ts): rows grouped into blocks by
 * sheet and range, every row checked, a bad row named at its cell and left out, and each block
 * turned into the same proposal recognition would make, so it is read by `proposalSnapshot`.
 */

/** Table names the AnhXa table is found by (case, diacritics, spaces and underscores ignored). */
const NAMES = new Set([ANHXA_TABLE.vi, ANHXA_TABLE.en, 'Anh Xa'].map(foldKey));

export function isAnhXaName(name: string): boolean {
  return NAMES.has(foldKey(name));
}

/** The workbook's AnhXa table, if it has one. */
export function findAnhXaTable(snapshots: TableSnapshot[]): TableSnapshot | undefined {
  return snapshots.find((s) => isAnhXaName(s.name));
}

/** The sheet names an AnhXa table writes (as written, blanks left out): the sheets the CLI must read. */
export function anhXaSheetNames(snap: TableSnapshot): string[] {
  const i = snap.headers.findIndex((h) => {
    const f = foldKey(String(h ?? ''));
    return ANHXA_COLUMNS.some((c) => c.key === 'sheet' && (foldKey(c.vi) === f || foldKey(c.en) === f || foldKey(c.key) === f));
  });
  if (i < 0) return [];
  return [...new Set(snap.rows.map((r) => text(r[i] ?? null)).filter((s) => s))];
}

/** One column read from a sheet, as an AnhXa row says. */
export interface AnhXaColumn {
  col: number;
  field: string;
  /** The AnhXa row's "Tiêu đề cột" (the sheet's own header is used when it has one). */
  header: string;
  unit?: MoneyUnit;
  /** 'YYYY-MM' for a month laid out across. */
  month?: string;
  /** Projects: the event a capital or date column holds (the AnhXa row's fixed value, "Điều chỉnh"). */
  event?: ProjectEvent;
}

/** A block of a sheet as the AnhXa table says to read it. */
export interface AnhXaBlock {
  /** The sheet's name as the workbook spells it. */
  sheet: string;
  area: Area;
  range: string;
  headerRows: number;
  kind: DataKind;
  columns: AnhXaColumn[];
  fixed: Record<string, string>;
  zoneFromGroups: boolean;
  idFromName: boolean;
  titleUnit?: MoneyUnit;
  /** The cell of the block's first AnhXa row ("Trang tính"), where problems about the block go. */
  cell: string;
  /** Worksheet rows of the AnhXa table that make the block. */
  rows: number[];
  /** The AnhXa table's sheet, for naming its rows. */
  anhXaSheet: string;
}

export interface AnhXaRead {
  blocks: AnhXaBlock[];
  /** Sheets the table names (as the workbook spells them): these are read only as it says. */
  sheets: Set<string>;
}

type Why = { vi: string; en: string };


const text = (v: CellValue): string => {
  if (isBlank(v)) return '';
  if (v instanceof Date) return describe(v);
  return cleanText(String(typeof v === 'object' ? describe(v) : v));
};

const RANGE = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

/**
 * Reads the AnhXa table into blocks. `sheetNames` are the workbook's sheets. Every row that cannot
 * be used is an error at the cell that is wrong; a block that lacks a required field is an error
 * at its first row and is not read.
 */
export function readAnhXa(snap: TableSnapshot, sheetNames: string[], problems: Problems): AnhXaRead {
  const lang = problems.lang;
  const idx: Partial<Record<AnhXaKey, number>> = {};
  snap.headers.forEach((h, i) => {
    const f = foldKey(String(h ?? ''));
    const c = ANHXA_COLUMNS.find((x) => foldKey(x.vi) === f || foldKey(x.en) === f || foldKey(x.key) === f);
    if (c && idx[c.key] === undefined) idx[c.key] = i;
  });
  const blocks: AnhXaBlock[] = [];
  const sheets = new Set<string>();
  const required: AnhXaKey[] = ['sheet', 'range', 'headerRows', 'table', 'column', 'field'];
  const missing = required.filter((k) => idx[k] === undefined);
  if (missing.length) {
    for (const k of missing) {
      const c = ANHXA_COLUMNS.find((x) => x.key === k)!;
      problems.add('error', cellAddress(snap.sheet, snap.headerRow, snap.firstColumn), 'columnMissing', { table: snap.name, header: c[lang], rows: snap.rows.length });
    }
    return { blocks, sheets };
  }

  const bySheetName = (name: string): string | undefined => sheetNames.find((s) => s === name) ?? sheetNames.find((s) => s.trim().toLowerCase() === name.trim().toLowerCase());
  interface Building extends AnhXaBlock {
    def: TableDef;
    firstRow: number;
    plain: Map<string, number>;
    across: Map<string, number>;
    acrossFields: Set<string>;
    /** "capital\0adjust" → its AnhXa row: columns of one event each. */
    events: Map<string, number>;
    cols: Map<number, number>;
    titleUnitRow?: number;
  }
  const byKey = new Map<string, Building>();

  snap.rows.forEach((row, ri) => {
    const get = (k: AnhXaKey): CellValue => (idx[k] === undefined ? null : (row[idx[k]!] ?? null));
    const cellOf = (k: AnhXaKey) => tableCell(snap, ri, idx[k] ?? 0);
    const wsRow = snap.rowNumbers?.[ri] ?? snap.headerRow + 1 + ri;
    if (ANHXA_COLUMNS.every((c) => isBlank(get(c.key)))) return;
    const bad = (k: AnhXaKey, why: Why) => problems.add('error', cellOf(k), 'anhXaRow', { row: wsRow, why: why[lang] });

    // Where: sheet, range, header rows, table.
    const sheetText = text(get('sheet'));
    const sheet = sheetText ? bySheetName(sheetText) : undefined;
    if (!sheetText) return bad('sheet', { vi: 'thiếu tên trang tính', en: 'no sheet name' });
    if (!sheet) return bad('sheet', { vi: `sổ không có trang tính "${sheetText}"`, en: `the workbook has no sheet "${sheetText}"` });
    sheets.add(sheet);
    const rangeText = text(get('range')).replace(/^.*!/, '').trim();
    if (!RANGE.test(rangeText)) return bad('range', { vi: `vùng "${text(get('range'))}" không phải là vùng ô (ví dụ A3:H40)`, en: `"${text(get('range'))}" is not a range (such as A3:H40)` });
    const area = parseArea(rangeText.replace(/\$/g, ''));
    const range = areaRef(area);
    const hr = parseInteger(get('headerRows'));
    if (!hr.ok || hr.value < 1 || hr.value > 3) return bad('headerRows', { vi: `số dòng tiêu đề "${text(get('headerRows'))}" phải là 1, 2 hoặc 3`, en: `header rows "${text(get('headerRows'))}" must be 1, 2 or 3` });
    if (hr.value >= area.bottom - area.top + 1) return bad('headerRows', { vi: `vùng ${range} không có dòng nào dưới ${hr.value} dòng tiêu đề`, en: `range ${range} has no row under its ${hr.value} header rows` });
    const tableText = text(get('table'));
    const def = matchTableKind(tableText);
    if (!def || !isDataKind(def.kind)) {
      return bad('table', {
        vi: `"${tableText}" không phải là bảng số liệu của hợp đồng (DuAn, LaoDong, SanXuatKinhDoanh, NganSach, NhiemVu, KeHoach)`,
        en: `"${tableText}" is not a data table of the contract (Projects, Labour, Revenue, Budget, Tasks, Targets)`,
      });
    }
    const key = `${sheet}\u0000${range}`;
    let b = byKey.get(key);
    if (b && b.kind !== def.kind) return bad('table', { vi: `vùng ${range} đã được ghi là bảng ${b.def.vi} ở dòng ${b.firstRow}`, en: `range ${range} is given as ${b.def.en} on row ${b.firstRow}` });
    if (b && b.headerRows !== hr.value) return bad('headerRows', { vi: `vùng ${range} đã được ghi ${b.headerRows} dòng tiêu đề ở dòng ${b.firstRow}`, en: `range ${range} is given ${b.headerRows} header rows on row ${b.firstRow}` });
    if (!b) {
      b = {
        sheet,
        area,
        range,
        headerRows: hr.value,
        kind: def.kind,
        columns: [],
        fixed: {},
        zoneFromGroups: false,
        idFromName: false,
        cell: cellOf('sheet'),
        rows: [],
        anhXaSheet: snap.sheet,
        def,
        firstRow: wsRow,
        plain: new Map(),
        across: new Map(),
        acrossFields: new Set(),
        events: new Map(),
        cols: new Map(),
      };
      byKey.set(key, b);
    }
    const block = b;

    // What: a column, a fixed value, or the unit of the table.
    const colText = text(get('column')).toUpperCase();
    const fieldText = text(get('field'));
    const unitText = text(get('unit'));
    const monthRaw = get('month');
    const valueRaw = get('value');
    const valueText = text(valueRaw);
    const field = fieldText ? matchColumn(def, fieldText) : undefined;
    const fieldName = (k: string) => (lang === 'vi' ? (def.columns.find((c) => c.key === k)?.vi[0] ?? k) : k);
    const taken = (k: string): number | undefined => block.plain.get(k);
    const conflict = (k: AnhXaKey, other: number, what: Why) => bad(k, { vi: `${what.vi} đã có ở dòng ${other}`, en: `${what.en} is already given on row ${other}` });

    if (!colText && !fieldText) {
      if (!unitText) return bad('field', { vi: 'dòng không ghi cột, trường hay đơn vị nào', en: 'the row names no column, field or unit' });
      const unit = moneyUnit(unitText);
      if (!unit) return bad('unit', unknownUnit(unitText));
      if (block.titleUnitRow !== undefined) return conflict('unit', block.titleUnitRow, { vi: 'đơn vị chung của bảng', en: 'the unit of the table' });
      block.titleUnit = unit;
      block.titleUnitRow = wsRow;
      block.rows.push(wsRow);
      return;
    }
    if (!fieldText) return bad('field', { vi: `cột ${colText} chưa ghi trường`, en: `column ${colText} has no field` });
    if (!field) {
      return bad('field', {
        vi: `bảng ${def.vi} không có trường "${fieldText}" (các trường: ${def.columns.map((c) => c.vi[0]).join(', ')})`,
        en: `the ${def.en} table has no field "${fieldText}" (its fields: ${def.columns.map((c) => c.key).join(', ')})`,
      });
    }
    const k = field.key;

    if (colText) {
      if (!/^[A-Z]{1,3}$/.test(colText)) return bad('column', { vi: `"${colText}" không phải là chữ cái của cột`, en: `"${colText}" is not a column letter` });
      const col = columnNumber(colText);
      if (col < area.left || col > area.right) return bad('column', { vi: `cột ${colText} nằm ngoài vùng ${range}`, en: `column ${colText} is outside the range ${range}` });
      // a capital or date column of one event ("Vốn điều chỉnh" with "Điều chỉnh"): the row's records one per event
      const event = valueText && block.kind === 'projects' && (k === 'capital' || k === 'date') ? eventOfValue(valueText) : null;
      if (valueText && !event) return bad('value', { vi: 'dòng có cả cột và giá trị cố định: xóa một trong hai (chỉ cột Vốn đầu tư hoặc Ngày của một loại sự kiện mới ghi cả hai)', en: 'the row has both a column and a fixed value: clear one of them (only a capital or date column of one event has both)' });
      const prevCol = block.cols.get(col);
      if (prevCol !== undefined) return conflict('column', prevCol, { vi: `cột ${colText}`, en: `column ${colText}` });
      let unit: MoneyUnit | undefined;
      if (unitText) {
        unit = moneyUnit(unitText) ?? undefined;
        if (!unit) return bad('unit', unknownUnit(unitText));
      }
      let month: string | undefined;
      if (!isBlank(monthRaw)) {
        const m = parseMonth(monthRaw);
        if (!m.ok) return bad('month', { vi: `tháng "${text(monthRaw)}" không phải là tháng (mm/yyyy)`, en: `month "${text(monthRaw)}" is not a month (mm/yyyy)` });
        if (!def.columns.some((c) => c.key === 'month') || !MEASURES[def.kind as DataKind].includes(k)) {
          return bad('month', { vi: `trường ${fieldName(k)} của bảng ${def.vi} không trải theo tháng`, en: `field ${k} of ${def.en} is not laid out by month` });
        }
        month = m.value;
        const am = `${k}\u0000${month}`;
        if (block.across.has(am)) return conflict('month', block.across.get(am)!, { vi: `${fieldName(k)} tháng ${text(monthRaw)}`, en: `${k} for ${text(monthRaw)}` });
        if (taken(k) !== undefined) return conflict('field', taken(k)!, { vi: `trường ${fieldName(k)}`, en: `field ${k}` });
        if (taken('month') !== undefined) return conflict('month', taken('month')!, { vi: 'trường Tháng', en: 'the month field' });
        block.across.set(am, wsRow);
        block.acrossFields.add(k);
      } else if (event) {
        const ek = `${k}\u0000${event}`;
        if (block.events.has(ek)) return conflict('value', block.events.get(ek)!, { vi: `${fieldName(k)} của sự kiện ${valueText}`, en: `${k} of the event ${valueText}` });
        if (taken('event') !== undefined) return conflict('field', taken('event')!, { vi: 'trường Loại', en: 'the event field' });
        block.events.set(ek, wsRow);
      } else {
        if (taken(k) !== undefined) return conflict('field', taken(k)!, { vi: `trường ${fieldName(k)}`, en: `field ${k}` });
        if (block.acrossFields.has(k) || (k === 'month' && block.across.size)) return bad('field', { vi: `trường ${fieldName(k)} đã được trải theo tháng`, en: `field ${k} is already laid out by month` });
        block.plain.set(k, wsRow);
      }
      block.cols.set(col, wsRow);
      block.columns.push({ col, field: k, header: text(get('header')), ...(unit ? { unit } : {}), ...(month ? { month } : {}), ...(event ? { event } : {}) });
      block.rows.push(wsRow);
      return;
    }

    // A fixed value for every row.
    if (unitText) return bad('unit', { vi: 'đơn vị chỉ ghi cho một cột, hoặc trên dòng riêng (không cột, không trường) cho cả bảng', en: 'a unit goes with a column, or on a row of its own (no column, no field) for the whole table' });
    if (!isBlank(monthRaw)) return bad('month', { vi: 'tháng trải theo cột cần một cột', en: 'a month laid out across needs a column' });
    if (!valueText) return bad('value', { vi: `trường ${fieldName(k)} không có cột cũng không có giá trị cố định`, en: `field ${k} has neither a column nor a fixed value` });
    if (taken(k) !== undefined) return conflict('field', taken(k)!, { vi: `trường ${fieldName(k)}`, en: `field ${k}` });
    if (block.acrossFields.has(k) || (k === 'month' && block.across.size)) return bad('field', { vi: `trường ${fieldName(k)} đã được trải theo tháng`, en: `field ${k} is already laid out by month` });
    const vf = foldKey(valueText);
    if (vf === foldKey(FROM_GROUP_ROWS.vi) || vf === foldKey(FROM_GROUP_ROWS.en)) {
      if (k !== 'zone') return bad('value', { vi: `"${valueText}" chỉ dùng cho trường Khu`, en: `"${valueText}" is only for the zone field` });
      block.zoneFromGroups = true;
    } else if (vf === foldKey(FROM_PROJECT_NAME.vi) || vf === foldKey(FROM_PROJECT_NAME.en)) {
      if (k !== 'projectId') return bad('value', { vi: `"${valueText}" chỉ dùng cho trường Mã dự án`, en: `"${valueText}" is only for the project id field` });
      block.idFromName = true;
    } else if (vf === foldKey(FROM_TASK_TITLE.vi) || vf === foldKey(FROM_TASK_TITLE.en)) {
      if (k !== 'taskId') return bad('value', { vi: `"${valueText}" chỉ dùng cho trường Mã nhiệm vụ`, en: `"${valueText}" is only for the task id field` });
      block.idFromName = true;
    } else {
      const v = fixedValue(k, field.type, valueRaw, valueText);
      if (v === null) return bad('value', { vi: `giá trị "${valueText}" không hợp với trường ${fieldName(k)}`, en: `"${valueText}" is not a value of field ${k}` });
      block.fixed[k] = v;
    }
    block.plain.set(k, wsRow);
    block.rows.push(wsRow);
  });

  // Whole blocks: every required field given, no overlap with another block of the same sheet.
  const done: Building[] = [];
  for (const b of byKey.values()) {
    const def = b.def;
    const notRead = (why: Why) => problems.add('error', b.cell, 'anhXaBlockNotUsed', { sheet: b.sheet, range: b.range, why: why[lang] });
    const has = new Set<string>([...b.plain.keys(), ...b.acrossFields]);
    if (b.across.size) has.add('month');
    const eventKinds = new Set([...b.events.keys()].filter((k) => k.startsWith('capital')).map((k) => k.split('\u0000')[1]));
    if (eventKinds.size) {
      has.add('capital');
      has.add('event');
      if ([...b.events.keys()].some((k) => k.startsWith('date'))) has.add('date');
    }
    const idFrom = ID_FROM[b.kind];
    if (b.idFromName && idFrom && !b.columns.some((c) => c.field === idFrom.from && !c.month)) {
      notRead(b.kind === 'tasks' ? { vi: 'Mã nhiệm vụ lấy theo nội dung nhưng không có cột Nội dung', en: 'the task id is taken from the task text but no column holds it' } : { vi: 'Mã dự án lấy theo tên dự án nhưng không có cột Tên dự án', en: 'the project id is taken from the name but no column holds the name' });
      continue;
    }
    const missing = def.columns.filter((c) => c.required && !has.has(c.key));
    const oneOf = NEEDS_ONE_OF[b.kind];
    const lacksOne = oneOf && !oneOf.some((k) => has.has(k));
    if (missing.length || lacksOne) {
      const names = missing.map((c) => (lang === 'vi' ? c.vi[0] : c.key));
      if (lacksOne) names.push(oneOf!.map((k) => (lang === 'vi' ? def.columns.find((c) => c.key === k)!.vi[0] : k)).join('/'));
      notRead({ vi: `thiếu trường ${names.join(', ')} của bảng ${def.vi}`, en: `no ${names.join(', ')} for the ${def.en} table` });
      continue;
    }
    const over = done.find((o) => o.sheet === b.sheet && !(o.area.bottom < b.area.top || o.area.top > b.area.bottom || o.area.right < b.area.left || o.area.left > b.area.right));
    if (over) {
      notRead({ vi: `vùng chồng lên vùng ${over.range} (dòng ${over.firstRow})`, en: `it overlaps range ${over.range} (row ${over.firstRow})` });
      continue;
    }
    done.push(b);
  }
  for (const b of done) {
    b.columns.sort((x, y) => x.col - y.col);
    const { sheet, area, range, headerRows, kind, columns, fixed, zoneFromGroups, idFromName, titleUnit, cell, rows, anhXaSheet } = b;
    blocks.push({ sheet, area, range, headerRows, kind, columns, fixed, zoneFromGroups, idFromName, ...(titleUnit ? { titleUnit } : {}), cell, rows, anhXaSheet });
  }
  blocks.sort((x, y) => sheetNames.indexOf(x.sheet) - sheetNames.indexOf(y.sheet) || x.area.top - y.area.top || x.area.left - y.area.left);
  return { blocks, sheets };
}

/** A money unit as written in the AnhXa table ("triệu USD"), keeping the staff's spelling. */
function moneyUnit(s: string): MoneyUnit | null {
  const u = findMoneyUnit(s);
  return u ? { currency: u.currency, exponent: u.exponent, text: s } : null;
}

function unknownUnit(s: string): Why {
  return {
    vi: `không hiểu đơn vị "${s}" (ví dụ: tỷ đồng, triệu đồng, nghìn đồng, triệu USD, nghìn USD)`,
    en: `unit "${s}" is not understood (for example: tỷ đồng, triệu đồng, triệu USD, nghìn USD)`,
  };
}

/** A fixed value as the proposal holds it: FDI/DDI, new/adjust/terminate, 'YYYY-MM', dd/mm/yyyy, or text. */
function fixedValue(key: string, type: string, raw: CellValue, t: string): string | null {
  if (key === 'source') {
    const u = t.toUpperCase();
    return u === 'FDI' || u === 'DDI' ? u : null;
  }
  if (key === 'event') return EVENTS[foldKey(t)] ?? null;
  if (type === 'month') {
    const m = parseMonth(raw);
    return m.ok ? m.value : null;
  }
  if (type === 'date') {
    const d = parseDate(raw);
    return d.ok ? formatDayDMY(d.value) : null;
  }
  return t;
}

/** The proposal an AnhXa block stands for: what `proposalSnapshot` reads, as for a recognised block. */
export function anhXaProposal(g: GridView, b: AnhXaBlock): Proposal {
  const block = blockFromArea(g, b.area, b.headerRows);
  const headerOf = (col: number) => block.columns.find((c) => c.col === col)?.header ?? '';
  const columns: ColumnMapping[] = b.columns.map((c) => ({
    col: c.col,
    header: headerOf(c.col) || c.header || columnLetters(c.col),
    field: c.field,
    ...(c.unit ? { unit: c.unit } : {}),
    ...(c.month ? { month: c.month } : {}),
    ...(c.event ? { event: c.event } : {}),
  }));
  return {
    sheet: g.name,
    range: b.range,
    kind: b.kind,
    confidence: 1,
    usable: true,
    columns,
    fixed: { ...b.fixed },
    ...(b.titleUnit ? { titleUnit: b.titleUnit } : {}),
    zoneFromGroups: b.zoneFromGroups && block.rows.some((r) => r.type === 'group'),
    idFromName: b.idFromName,
    reasons: [],
    block,
  };
}

/** "AnhXa!2:10": the rows of the AnhXa table a block comes from. */
export function anhXaRowsRef(b: AnhXaBlock): string {
  const lo = Math.min(...b.rows);
  const hi = Math.max(...b.rows);
  return `${quoteSheet(b.anhXaSheet)}!${lo}:${hi}`;
}

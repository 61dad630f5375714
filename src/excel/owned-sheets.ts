import { supportsExcelApi } from './requirements';

/** Worksheet custom property (ExcelApi 1.12) that BaoCao writes on every sheet it makes. */
export const SHEET_MARKER_KEY = 'BaoCao';
/**
 * Workbook setting that lists the ids of the sheets BaoCao made: the fallback where worksheet
 * custom properties are not supported (it costs a sync after the write, when the new ids are
 * known), and still read everywhere so sheets recorded this way stay recognised.
 */
export const OWNED_SHEETS_SETTING = 'BaoCao.sheets';

export interface ExistingSheet {
  id: string;
  name: string;
  position: number;
  /** Made by BaoCao: carries the marker property, or is listed in the setting. */
  owned: boolean;
}

export interface SheetInspection {
  sheets: ExistingSheet[];
  /** True where the marker is a worksheet custom property; false: the ids go to the setting. */
  byProperty: boolean;
  /** Ids the setting lists (the fallback rewrites it). */
  settingIds: string[];
}

/** Marker in custom properties wherever ExcelApi 1.12 is there. */
export const markerByProperty = () => supportsExcelApi('1.12');

/**
 * Queues the load of every worksheet's name, id, position and (ExcelApi 1.12) the keys of its
 * custom properties, plus the owned-sheets setting. Call the returned function after the next sync.
 * "items/customProperties/items/key" is a load path into a child collection, which the Office.js
 * reference does not document (see table-list.ts); generate.ts falls back to the setting alone
 * when a host refuses it.
 */
export function queueSheetList(context: Excel.RequestContext, byProperty = markerByProperty()): () => SheetInspection {
  const worksheets = context.workbook.worksheets;
  worksheets.load(byProperty ? 'items/name,items/id,items/position,items/customProperties/items/key' : 'items/name,items/id,items/position');
  const setting = context.workbook.settings.getItemOrNullObject(OWNED_SHEETS_SETTING);
  setting.load('value');
  return () => {
    const settingIds = setting.isNullObject ? [] : parseSettingIds(setting.value);
    const listed = new Set(settingIds);
    const key = SHEET_MARKER_KEY.toLowerCase();
    const sheets = worksheets.items.map((w) => ({
      id: w.id,
      name: w.name,
      position: w.position,
      owned: listed.has(w.id) || (byProperty && w.customProperties.items.some((p) => p.key.toLowerCase() === key)),
    }));
    return { sheets, byProperty, settingIds };
  };
}

/** Marks a sheet BaoCao just added (queued; written by the same sync as the sheet). */
export function markSheet(ws: Excel.Worksheet, marker: string): void {
  ws.customProperties.add(SHEET_MARKER_KEY, marker);
}

/** Fallback: the setting lists the ids of BaoCao's sheets. */
export function recordOwnedIds(context: Excel.RequestContext, marker: string, ids: string[]): void {
  context.workbook.settings.add(OWNED_SHEETS_SETTING, JSON.stringify({ marker, sheets: ids }));
}

function parseSettingIds(value: unknown): string[] {
  try {
    const parsed = typeof value === 'string' ? JSON.parse(value) : value;
    const ids = (parsed as { sheets?: unknown })?.sheets;
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

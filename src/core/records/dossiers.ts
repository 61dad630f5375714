import { Day, Parsed } from './parse';
import type { CellValue } from './snapshot';
import { Dossier } from './schema';
import { foldKey } from './text';

/*
 * Dossiers of the one-stop system (workbook contract, "Dossiers"): what a kind or channel cell
 * says, and the one classification of the dossiers_* metrics and the annex of overdue dossiers.
 */

/** Loại hồ sơ, folded: empty or an administrative procedure → TTHC; other dossiers → other. */
const KINDS: Record<string, Dossier['kind']> = {
  tthc: 'TTHC',
  thutuchanhchinh: 'TTHC',
  thuthtuchanhchinh: 'TTHC',
  administrativeprocedure: 'TTHC',
  procedure: 'TTHC',
  khac: 'other',
  other: 'other',
  khongthuoctthc: 'other',
  khongthuocthutuchanhchinh: 'other',
  ngoaitthc: 'other',
  hosokhac: 'other',
};

/** Hình thức nộp, folded. */
const CHANNELS: Record<string, NonNullable<Dossier['channel']>> = {
  tructuyen: 'online',
  online: 'online',
  quamang: 'online',
  dichvucongtructuyen: 'online',
  dvctt: 'online',
  nopquamang: 'online',
  noptructuyen: 'online',
  tructiep: 'desk',
  taiquay: 'desk',
  motcua: 'desk',
  desk: 'desk',
  inperson: 'desk',
  noptructiep: 'desk',
  buuchinh: 'post',
  buudien: 'post',
  buuchinhcongich: 'post',
  post: 'post',
  mail: 'post',
};

/** An export repeats a few words thousands of times: each is folded once (a bounded cache). */
const FOLDED = new Map<string, string>();
function fold(text: string): string {
  let f = FOLDED.get(text);
  if (f === undefined) {
    f = foldKey(text);
    if (FOLDED.size < 1000) FOLDED.set(text, f);
  }
  return f;
}

/** The kind a cell names, TTHC when empty; undefined when it names none the contract knows. */
export function dossierKind(text: string | null): Dossier['kind'] | undefined {
  if (text === null || !fold(text)) return 'TTHC';
  return KINDS[fold(text)];
}

/** The channel a cell names, null when empty; undefined when it names none the contract knows. */
export function dossierChannel(text: string | null): Dossier['channel'] | undefined {
  if (text === null || !fold(text)) return null;
  return CHANNELS[fold(text)];
}

/** How the one-stop export says a fee was paid, folded: online or by transfer is without cash. */
const PAYMENTS: Record<string, boolean> = {
  tructuyen: true,
  thanhtoantructuyen: true,
  chuyenkhoan: true,
  khongdungtienmat: true,
  quanganhang: true,
  online: true,
  transfer: true,
  cashless: true,
  tienmat: false,
  thanhtoantienmat: false,
  cash: false,
};

/** A payment word in the cashless column, or null to read the cell as yes/no like any other. */
export function cashlessCell(v: CellValue): Parsed<boolean> | null {
  if (typeof v !== 'string') return null;
  const paid = PAYMENTS[fold(v)];
  return paid === undefined ? null : { ok: true, value: paid };
}

type Dated = Pick<Dossier, 'kind' | 'received' | 'due' | 'returned'>;

const within = (d: Day | null, a: Day, b: Day): d is Day => d !== null && d >= a && d <= b;

/**
 * The dossiers each dossiers_* metric counts, in table order: resolved = TTHC returned in the
 * period (on time: returned on or before a due date); other = non-TTHC returned in the period;
 * received = TTHC received in the period; pending = TTHC received by `asOf` and not returned by
 * then (overdue: due before `asOf`).
 */
export function classifyDossiers<T extends Dated>(rows: readonly T[], start: Day, end: Day, asOf: Day) {
  const out = { resolved: [] as T[], withDue: [] as T[], onTime: [] as T[], other: [] as T[], received: [] as T[], pending: [] as T[], overdue: [] as T[], returnedInPeriod: [] as T[] };
  for (const d of rows) {
    const returned = within(d.returned, start, end);
    if (returned) out.returnedInPeriod.push(d);
    if (d.kind === 'other') {
      if (returned) out.other.push(d);
      continue;
    }
    if (returned) {
      out.resolved.push(d);
      if (d.due !== null) {
        out.withDue.push(d);
        if (d.returned! <= d.due) out.onTime.push(d);
      }
    }
    if (within(d.received, start, end)) out.received.push(d);
    if (d.received <= asOf && (d.returned === null || d.returned > asOf)) {
      out.pending.push(d);
      if (d.due !== null && d.due < asOf) out.overdue.push(d);
    }
  }
  return out;
}

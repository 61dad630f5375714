import { TableKind } from '../records/schema';
import { fold, hasWords, memoOnText } from './words';

/** The contract kinds staff sheets are read as. */
export type DataKind = 'projects' | 'labour' | 'revenue' | 'budget' | 'tasks' | 'dossiers' | 'targets';
export const DATA_KINDS: DataKind[] = ['projects', 'labour', 'revenue', 'budget', 'tasks', 'dossiers', 'targets'];

/**
 * Header words per field (folded: no diacritics, lower case, words apart), English included.
 * Longer phrases win over shorter ones, so "Số GCN" is the project id and "Ngày cấp GCNĐKĐT" the date.
 */
export const FIELD_WORDS: Record<DataKind, Record<string, string[]>> = {
  projects: {
    projectId: ['ma du an', 'ma da', 'ma so du an', 'ma so', 'so gcn', 'so gcndkdt', 'so gcnđkđt', 'so giay chung nhan', 'so giay chung nhan dang ky dau tu', 'so chung nhan', 'so gcn dkdt', 'project id', 'project code', 'certificate no', 'certificate number', 'id'],
    name: ['ten du an', 'ten da', 'du an', 'project', 'project name', 'ten'],
    investor: ['nha dau tu', 'ndt', 'chu dau tu', 'ten nha dau tu', 'investor', 'investors'],
    country: ['quoc gia', 'quoc tich', 'nuoc', 'quoc gia vung lanh tho', 'country', 'nationality', 'country of origin'],
    zone: ['khu', 'kcn', 'kkt', 'kcn kkt', 'khu cong nghiep', 'dia diem', 'vi tri', 'zone', 'industrial park', 'location', 'park'],
    source: ['nguon von', 'nguon', 'source', 'capital source'],
    event: ['loai', 'loai giao dich', 'hinh thuc', 'event', 'type'],
    date: ['ngay', 'ngay cap', 'ngay cap gcn', 'ngay cap gcndkdt', 'gcndkdt', 'ngay dieu chinh', 'ngay cham dut', 'ngay thu hoi', 'ngay gcn', 'date', 'license date', 'issue date', 'date of issue'],
    capital: ['von dau tu', 'von dt', 'von', 'tong von dau tu', 'tong von', 'von dang ky', 'von dieu chinh', 'von tang them', 'von tang', 'tang von', 'von tang giam', 'so von', 'capital', 'investment', 'registered capital', 'investment capital'],
  },
  labour: {
    enterprise: ['doanh nghiep', 'ten doanh nghiep', 'dn', 'ten dn', 'cong ty', 'enterprise', 'company', 'enterprise name'],
    zone: ['khu', 'kcn', 'kkt', 'khu cong nghiep', 'zone', 'industrial park'],
    month: ['thang', 'month', 'ky bao cao'],
    workers: ['so lao dong', 'sl lao dong', 'so luong lao dong', 'lao dong', 'so ld', 'sl ld', 'ld', 'tong so lao dong', 'tong lao dong', 'workers', 'employees', 'headcount', 'labour', 'labor'],
    avgIncome: ['thu nhap binh quan', 'thu nhap bq', 'tnbq', 'thu nhap', 'luong binh quan', 'average income', 'avg income', 'income'],
  },
  revenue: {
    enterprise: ['doanh nghiep', 'ten doanh nghiep', 'dn', 'ten dn', 'cong ty', 'enterprise', 'company', 'enterprise name'],
    zone: ['khu', 'kcn', 'kkt', 'khu cong nghiep', 'zone', 'industrial park'],
    month: ['thang', 'month', 'ky bao cao'],
    revenue: ['doanh thu', 'dt', 'tong doanh thu', 'revenue', 'turnover', 'sales'],
    export: ['xuat khau', 'xk', 'kim ngach xuat khau', 'gia tri xuat khau', 'kn xk', 'export', 'exports'],
    import: ['nhap khau', 'nk', 'kim ngach nhap khau', 'gia tri nhap khau', 'kn nk', 'import', 'imports'],
    taxPaid: ['nop ngan sach', 'nop ns', 'nop nsnn', 'thue', 'nop thue', 'thue da nop', 'tax', 'tax paid', 'taxes', 'taxes paid'],
    estimated: ['uoc tinh', 'uoc', 'so uoc', 'estimated', 'estimate'],
  },
  budget: {
    unit: ['don vi', 'don vi nop', 'ten don vi', 'co quan', 'unit'],
    month: ['thang', 'month', 'ky'],
    amount: ['so nop', 'so thu', 'so tien', 'so da nop', 'so thu phi le phi', 'thu phi le phi', 'phi le phi', 'amount', 'collections', 'collected'],
  },
  tasks: {
    taskId: ['ma nhiem vu', 'ma nv', 'so hieu van ban', 'so van ban', 'so ky hieu', 'so hieu', 'task id', 'task no', 'ma'],
    title: ['noi dung', 'noi dung nhiem vu', 'trich yeu', 'ten nhiem vu', 'task', 'title', 'description'],
    assigned: ['ngay giao', 'ngay ban hanh', 'ngay nhan', 'ngay van ban', 'assigned', 'date assigned'],
    deadline: ['han xu ly', 'thoi han', 'han', 'han hoan thanh', 'thoi han hoan thanh', 'deadline', 'due', 'due date'],
    completed: ['ngay hoan thanh', 'hoan thanh', 'ngay xong', 'completed', 'date completed', 'done'],
  },
  // the one-stop system's export ("Hệ thống thông tin giải quyết TTHC"): one row per dossier
  dossiers: {
    dossierId: ['ma ho so', 'so ho so', 'ma so ho so', 'so bien nhan', 'ma bien nhan', 'dossier id', 'dossier no', 'dossier code', 'file no'],
    procedure: ['ten thu tuc', 'ten thu tuc hanh chinh', 'thu tuc hanh chinh', 'thu tuc', 'ten tthc', 'procedure', 'procedure name'],
    kind: ['loai ho so', 'phan loai', 'loai', 'dossier kind', 'kind', 'type'],
    channel: ['hinh thuc nop', 'hinh thuc tiep nhan', 'kenh tiep nhan', 'hinh thuc', 'nop truc tuyen', 'truc tuyen', 'channel', 'submission channel', 'submitted'],
    received: ['ngay tiep nhan', 'ngay nhan ho so', 'ngay nop', 'tiep nhan', 'received', 'date received'],
    due: ['ngay hen tra', 'hen tra', 'ngay hen tra ket qua', 'han giai quyet', 'han xu ly', 'due', 'due date'],
    returned: ['ngay tra ket qua', 'ngay tra', 'tra ket qua', 'ngay co ket qua', 'ngay hoan thanh', 'returned', 'date returned', 'resolved'],
    fee: ['phi le phi', 'phi', 'le phi', 'so tien phi le phi', 'so tien', 'fee', 'fees', 'charge'],
    cashless: ['khong dung tien mat', 'thanh toan truc tuyen', 'thanh toan khong dung tien mat', 'cashless', 'paid online', 'paid without cash'],
  },
  targets: {
    metric: ['chi tieu', 'ma chi tieu', 'metric', 'indicator'],
    year: ['nam', 'year'],
    plan: ['ke hoach', 'kh', 'ke hoach nam', 'plan', 'target'],
    prior: ['cung ky', 'cung ky nam truoc', 'ck', 'prior', 'previous year', 'last year'],
  },
};

/** Words in a sheet name or title that point to a kind. */
export const KIND_HINTS: Record<DataKind, string[]> = {
  projects: ['du an', 'fdi', 'ddi', 'dau tu', 'cap moi', 'dieu chinh', 'cham dut', 'gcndkdt', 'projects', 'investment', 'licensing'],
  labour: ['lao dong', 'labour', 'labor', 'workers', 'employment'],
  revenue: ['doanh thu', 'san xuat kinh doanh', 'sxkd', 'xuat khau', 'nhap khau', 'ket qua san xuat', 'revenue', 'business results', 'exports'],
  budget: ['ngan sach', 'thu phi', 'phi le phi', 'thu ngan sach', 'budget', 'collections'],
  tasks: ['nhiem vu', 'van ban chi dao', 'tasks', 'assignments'],
  dossiers: ['ho so', 'tthc', 'thu tuc hanh chinh', 'mot cua', 'dich vu cong', 'giai quyet', 'dossiers', 'administrative procedures'],
  targets: ['ke hoach', 'chi tieu', 'targets', 'plans'],
};

/** The numeric fields of a kind (for totals, units and months across), and the one months across default to. */
export const MEASURES: Record<DataKind, string[]> = {
  projects: ['capital'],
  labour: ['workers', 'avgIncome'],
  revenue: ['revenue', 'export', 'import', 'taxPaid'],
  budget: ['amount'],
  tasks: [],
  dossiers: [],
  targets: ['plan', 'prior'],
};
export const DEFAULT_MEASURE: Partial<Record<DataKind, string>> = { labour: 'workers', budget: 'amount' };

/**
 * A list without a code column is keyed by its name: a project by its name, a task by its content
 * (staff task lists number tasks by STT, which changes from one report to the next).
 */
export const ID_FROM: Partial<Record<DataKind, { id: string; from: string }>> = {
  projects: { id: 'projectId', from: 'name' },
  tasks: { id: 'taskId', from: 'title' },
};

/** Revenue rows need a figure, projects a capital, … beyond the contract's required columns. */
export const NEEDS_ONE_OF: Partial<Record<DataKind, string[]>> = { revenue: ['revenue', 'export', 'import', 'taxPaid'] };

export interface FieldMatch {
  key: string;
  /** Length of the matched phrase (longer is more specific). */
  weight: number;
  exact: boolean;
}

/**
 * Each kind's header phrases by their words: a header is looked up by the runs of its words
 * (as many as the longest phrase has), never by scanning every phrase: headers of foreign sheets
 * run by the ten thousand.
 */
interface PhraseIndex {
  /** phrase → its field and its place in FIELD_WORDS (the first place wins a tie, as listed). */
  phrases: Map<string, { key: string; order: number }>;
  /** The first words of the phrases: a header word that starts none is passed over. */
  starts: Set<string>;
  longest: number;
}

function phraseIndex(words: Record<string, string[]>): PhraseIndex {
  const phrases = new Map<string, { key: string; order: number }>();
  let order = 0;
  let longest = 1;
  const starts = new Set<string>();
  for (const [key, list] of Object.entries(words)) {
    for (const w of list) {
      if (!phrases.has(w)) phrases.set(w, { key, order });
      order++;
      longest = Math.max(longest, w.split(' ').length);
      starts.add(w.split(' ')[0]);
    }
  }
  return { phrases, starts, longest };
}

const INDEX = Object.fromEntries(DATA_KINDS.map((k) => [k, phraseIndex(FIELD_WORDS[k])])) as Record<DataKind, PhraseIndex>;
/** Every kind's phrases together, for telling a header word of any kind. */
const ANY = phraseIndex(Object.fromEntries(DATA_KINDS.flatMap((k) => Object.entries(FIELD_WORDS[k]).map(([f, w]) => [`${k}.${f}`, w]))));

const matchers = Object.fromEntries(DATA_KINDS.map((k) => [k, memoOnText((header) => lookUp(INDEX[k], header))])) as Record<DataKind, (header: string) => FieldMatch | null>;

/** The best field of `kind` for a folded header text: the longest phrase it holds as whole words (the whole header counts most). */
export function matchField(kind: DataKind, header: string): FieldMatch | null {
  return matchers[kind](header);
}

function lookUp(index: PhraseIndex, header: string): FieldMatch | null {
  let best: { key: string; order: number; weight: number; exact: boolean } | null = null;
  const words = header.split(' ');
  for (let i = 0; i < words.length; i++) {
    if (!index.starts.has(words[i])) continue;
    let phrase = '';
    for (let n = 0; n < index.longest && i + n < words.length; n++) {
      phrase = n ? `${phrase} ${words[i + n]}` : words[i];
      const hit = phrase && index.phrases.get(phrase);
      if (!hit) continue;
      const exact = header === phrase;
      const weight = phrase.length + (exact ? 100 : 0);
      if (!best || weight > best.weight || (weight === best.weight && hit.order < best.order)) best = { key: hit.key, order: hit.order, weight, exact };
    }
  }
  return best && { key: best.key, weight: best.weight, exact: best.exact };
}

/** Whether folded text holds any header word of any kind (header row detection). */
export const anyFieldWord = memoOnText((header: string): boolean => lookUp(ANY, header) !== null);

export function kindHintScore(kind: DataKind, text: string): number {
  return KIND_HINTS[kind].filter((w) => hasWords(text, w)).length;
}

export function isDataKind(k: TableKind | string): k is DataKind {
  return (DATA_KINDS as string[]).includes(k);
}

export { fold };

// Bundled example workbook data: Ban Quản lý Khu kinh tế Hải Phòng, report period
// 01/01/2023–30/06/2023. Pure and deterministic: every call of buildExampleTables()
// returns the same tables (a seeded mulberry32 PRNG, integer hundredths for money,
// only exactly-rounded arithmetic — no Math.exp/log/pow — so every JS engine agrees).
//
// The rows reproduce the seed report's figures under the workbook contract
// (docs/workbook-schema.md):
//   FDI  new 25 / 281,00 triệu USD; adjusted 17 projects / 381,18; valid at 30/06/2023
//        484 projects / 24.480,37 triệu USD; KeHoach prior 626 overrides the data (600,35).
//   DDI  new 10 / 13.733 tỷ đồng; adjusted 11 projects / 845; valid 213 / 308.793 tỷ đồng;
//        KeHoach prior 6.493,39 overrides the data (5.856,35).
//   Labour 195.683 workers at 06/2023, 204.512 at 06/2022; headcount-weighted income ≈ 11,5.
//   Revenue 306.966 tỷ đồng, export 9.101 and import 7.409 triệu USD, taxes 5.412 tỷ đồng.
//   Budget 1.210,9 + 157,1 = 1.368 triệu đồng. Tasks at 07/06/2023: 197/224 done,
//   27 open (01 overdue, 12 within deadline, 14 without deadline), 3 done late.
//   Dossiers (HoSo, ./dossiers.ts): 3.946 TTHC resolved, 4.265 other, 1.703 online, 1,38 triệu
//   đồng of fees paid without cash.

import { exampleSections, exampleRecipients } from './sections';
import { DOSSIER_HEADERS, dossierRows } from './dossiers';

export type ExampleCell = string | number | boolean | Date | null;

export interface ExampleTable {
  name: string;
  sheet: string;
  topLeft: string;
  headers: string[];
  rows: ExampleCell[][];
  numFmt?: Record<string, string>;
}

// ---------------------------------------------------------------------------
// Deterministic helpers
// ---------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1][0];
  }
  /** Approximately standard normal (Irwin–Hall, 12 uniforms). */
  normal(): number {
    let s = 0;
    for (let i = 0; i < 12; i++) s += this.next();
    return s - 6;
  }
  /** Heavy-tailed positive weight: median ≈ 2,5, mean ≈ 8,7, max ≈ 150. */
  heavy(): number {
    const x = 1 / (0.035 + this.next());
    return x * Math.sqrt(x);
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }
}

const DAY_MS = 86_400_000;

function d(y: number, m: number, day: number): Date {
  return new Date(Date.UTC(y, m - 1, day));
}

function addDays(dt: Date, n: number): Date {
  return new Date(dt.getTime() + n * DAY_MS);
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

function within(dt: Date, from: Date, to: Date): boolean {
  return dt.getTime() >= from.getTime() && dt.getTime() <= to.getTime();
}

/** A random working day (Mon–Fri) in [from, to]; `from` when none is found. */
function pickWeekday(rng: Rng, from: Date, to: Date): Date {
  const span = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  if (span <= 0) return from;
  for (let i = 0; i < 40; i++) {
    const dt = addDays(from, rng.int(0, span));
    const wd = dt.getUTCDay();
    if (wd !== 0 && wd !== 6) return dt;
  }
  return from;
}

function byDate(a: Date, b: Date): number {
  return a.getTime() - b.getTime();
}

/**
 * Split the integer `total` into integers proportional to `weights` (largest remainder),
 * each at least its floor. The parts always sum to `total` exactly.
 */
function apportion(total: number, weights: number[], floor: number | number[] = 0): number[] {
  const n = weights.length;
  const floors = typeof floor === 'number' ? weights.map(() => floor) : floor;
  let rest = total;
  for (const f of floors) rest -= f;
  if (n === 0 || rest < 0) throw new Error(`apportion: cannot split ${total} into ${n} parts`);
  let sw = 0;
  for (const w of weights) sw += w;
  const raw = weights.map((w) => (rest * w) / sw);
  const parts = raw.map((r) => Math.floor(r));
  let left = rest;
  for (const p of parts) left -= p;
  const order = raw
    .map((r, i) => [r - parts[i], i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < left; k++) parts[order[k][1]] += 1;
  return parts.map((p, i) => p + floors[i]);
}

// ---------------------------------------------------------------------------
// Reference data: zones, countries, industries, names
// ---------------------------------------------------------------------------

const FDI_ZONES: readonly (readonly [string, number, number])[] = [
  // [zone, first year it takes projects, weight]
  ['KCN Nomura - Hải Phòng', 2007, 2.5],
  ['KCN Đình Vũ', 2007, 4],
  ['KCN Đồ Sơn', 2007, 1],
  ['KKT Đình Vũ - Cát Hải', 2008, 1.5],
  ['KCN Tràng Duệ', 2008, 5],
  ['KCN VSIP Hải Phòng', 2010, 5],
  ['KCN Nam Cầu Kiền', 2013, 2],
  ['KCN Deep C', 2014, 4],
  ['KCN Nam Đình Vũ', 2015, 3],
  ['KCN An Dương', 2018, 4],
];

const DDI_ZONES: readonly (readonly [string, number, number])[] = [
  ['KKT Đình Vũ - Cát Hải', 2008, 5],
  ['KCN Đình Vũ', 2008, 3],
  ['KCN Nomura - Hải Phòng', 2008, 1],
  ['KCN Đồ Sơn', 2008, 1],
  ['KCN Tràng Duệ', 2009, 2],
  ['KCN VSIP Hải Phòng', 2010, 1.5],
  ['KCN Nam Cầu Kiền', 2013, 2.5],
  ['KCN Deep C', 2014, 1.5],
  ['KCN Nam Đình Vũ', 2015, 4],
  ['KCN An Dương', 2018, 2],
];

function pickZone(rng: Rng, zones: readonly (readonly [string, number, number])[], year: number): string {
  const open = zones.filter(([, from]) => from <= year).map(([z, , w]) => [z, w] as const);
  return rng.weighted(open);
}

interface Industry {
  vi: string; // project-name stem
  en: string; // investor/enterprise-name word
  kind: 'labour' | 'tech' | 'heavy' | 'service';
  w: number;
}

const FDI_INDUSTRIES: readonly Industry[] = [
  { vi: 'Nhà máy sản xuất linh kiện điện tử', en: 'Electronics', kind: 'labour', w: 4 },
  { vi: 'Nhà máy sản xuất bảng mạch in', en: 'Circuit', kind: 'tech', w: 2 },
  { vi: 'Nhà máy sản xuất linh kiện ô tô', en: 'Auto Parts', kind: 'tech', w: 2 },
  { vi: 'Nhà máy sản xuất khuôn mẫu chính xác', en: 'Precision', kind: 'tech', w: 2 },
  { vi: 'Nhà máy sản xuất sợi và vải kỹ thuật', en: 'Textile', kind: 'labour', w: 1 },
  { vi: 'Nhà máy sản xuất bao bì', en: 'Packaging', kind: 'heavy', w: 1.5 },
  { vi: 'Nhà máy sản xuất thiết bị y tế', en: 'Medical', kind: 'tech', w: 1 },
  { vi: 'Nhà máy sản xuất sản phẩm nhựa kỹ thuật', en: 'Plastics', kind: 'heavy', w: 2 },
  { vi: 'Nhà máy sản xuất pin lithium', en: 'Energy', kind: 'tech', w: 1 },
  { vi: 'Nhà máy sản xuất mô-đun camera', en: 'Optics', kind: 'labour', w: 1 },
  { vi: 'Nhà máy sản xuất dây và cáp điện', en: 'Cable', kind: 'heavy', w: 1.5 },
  { vi: 'Nhà máy sản xuất thiết bị gia dụng', en: 'Home Appliances', kind: 'labour', w: 1 },
  { vi: 'Trung tâm logistics và kho bãi', en: 'Logistics', kind: 'service', w: 1.5 },
  { vi: 'Nhà máy sản xuất hóa chất công nghiệp', en: 'Chemical', kind: 'heavy', w: 1 },
  { vi: 'Nhà máy sản xuất kết cấu thép', en: 'Steel', kind: 'heavy', w: 1 },
  { vi: 'Nhà máy sản xuất lốp xe', en: 'Tire', kind: 'heavy', w: 0.5 },
  { vi: 'Nhà máy sản xuất giày dép', en: 'Footwear', kind: 'labour', w: 1 },
  { vi: 'Nhà máy sản xuất đồ gỗ nội thất', en: 'Furniture', kind: 'labour', w: 1 },
  { vi: 'Nhà máy sản xuất linh kiện máy in', en: 'Imaging', kind: 'labour', w: 0.5 },
  { vi: 'Nhà máy sản xuất động cơ điện', en: 'Motor', kind: 'tech', w: 1 },
  { vi: 'Nhà máy sản xuất tấm nền màn hình', en: 'Display', kind: 'labour', w: 0.5 },
  { vi: 'Nhà máy sản xuất thiết bị viễn thông', en: 'Telecom', kind: 'tech', w: 1 },
  { vi: 'Nhà máy sản xuất thiết bị điện mặt trời', en: 'Solar', kind: 'tech', w: 0.7 },
  { vi: 'Nhà máy sản xuất vật liệu xây dựng', en: 'Materials', kind: 'heavy', w: 0.8 },
  { vi: 'Nhà máy sản xuất đồ chơi', en: 'Toys', kind: 'labour', w: 0.5 },
];

function industryByEn(en: string): Industry {
  const found = FDI_INDUSTRIES.find((i) => i.en === en);
  if (!found) throw new Error(`unknown industry ${en}`);
  return found;
}

const DDI_INDUSTRIES: readonly Industry[] = [
  { vi: 'Nhà máy sản xuất cấu kiện bê tông đúc sẵn', en: '', kind: 'heavy', w: 1 },
  { vi: 'Kho bãi và dịch vụ logistics', en: '', kind: 'service', w: 2 },
  { vi: 'Nhà máy chế biến thức ăn chăn nuôi', en: '', kind: 'heavy', w: 1 },
  { vi: 'Nhà máy sản xuất ống thép', en: '', kind: 'heavy', w: 1 },
  { vi: 'Nhà máy sản xuất sơn công nghiệp', en: '', kind: 'heavy', w: 0.8 },
  { vi: 'Trung tâm phân phối hàng hóa', en: '', kind: 'service', w: 1 },
  { vi: 'Nhà máy sản xuất bao bì giấy', en: '', kind: 'labour', w: 1 },
  { vi: 'Nhà máy cơ khí chế tạo', en: '', kind: 'tech', w: 1.2 },
  { vi: 'Cảng cạn và kho ngoại quan', en: '', kind: 'service', w: 1 },
  { vi: 'Nhà máy sản xuất dây cáp điện', en: '', kind: 'heavy', w: 0.8 },
  { vi: 'Nhà máy sản xuất vật liệu xây dựng', en: '', kind: 'heavy', w: 1 },
  { vi: 'Nhà máy đóng mới và sửa chữa tàu biển', en: '', kind: 'labour', w: 0.8 },
  { vi: 'Nhà máy sản xuất phân bón', en: '', kind: 'heavy', w: 0.6 },
  { vi: 'Kho xăng dầu', en: '', kind: 'service', w: 0.6 },
  { vi: 'Nhà máy sản xuất gạch ốp lát', en: '', kind: 'heavy', w: 0.6 },
  { vi: 'Nhà máy xử lý chất thải công nghiệp', en: '', kind: 'service', w: 0.6 },
  { vi: 'Nhà xưởng xây sẵn cho thuê', en: '', kind: 'service', w: 1.5 },
  { vi: 'Nhà máy chế biến thủy sản', en: '', kind: 'labour', w: 0.6 },
  { vi: 'Nhà máy sản xuất hóa chất', en: '', kind: 'heavy', w: 0.6 },
  { vi: 'Nhà máy sản xuất đồ gỗ xuất khẩu', en: '', kind: 'labour', w: 0.8 },
];

interface CountryStyle {
  country: string;
  w: number;
  brand: (rng: Rng) => string;
  suffix: (rng: Rng) => string;
}

const KR1 = ['Dae', 'Hwa', 'Seo', 'Han', 'Sung', 'Jin', 'Young', 'Kum', 'Dong', 'Nam', 'Woo', 'Shin', 'Hyun', 'Kyung', 'Sam', 'Joo', 'Chung', 'Hae', 'Myung', 'Il'];
const KR2 = ['yang', 'seung', 'jin', 'il', 'won', 'sung', 'kwang', 'heung', 'do', 'san', 'chang', 'woo', 'hwa', 'bo', 'shin', 'a'];
const JP1 = ['Taka', 'Miya', 'Hoshi', 'Nishi', 'Kawa', 'Yama', 'Sano', 'Mori', 'Ishi', 'Kita', 'Naka', 'Shima', 'Toyo', 'Asa', 'Hira', 'Matsu', 'Tani', 'Fuku'];
const JP2 = ['hara', 'moto', 'zaki', 'da', 'saki', 'mura', 'ta', 'no', 'oka', 'yama', 'shita', 'gawa'];
const CN1 = ['Jin', 'Hua', 'Xin', 'Hong', 'Tian', 'Long', 'Sheng', 'Heng', 'Rui', 'Yong', 'Bao', 'Kai', 'Guang', 'Ming', 'Hai', 'Run', 'De', 'Jia'];
const CN2 = ['feng', 'yuan', 'da', 'tai', 'sheng', 'xing', 'hui', 'li', 'cheng', 'rong', 'tong', 'xiang', 'chuang', 'fu'];
const TW1 = ['Chun', 'Kuo', 'Ching', 'Hsin', 'Yung', 'Chia', 'Lien', 'Wei', 'Fu', 'Tai', 'Cheng', 'Ho'];
const TW2 = ['hsing', 'yu', 'feng', 'chang', 'sheng', 'mao', 'lung', 'hua', 'tai', 'yi', 'teng'];

const FDI_COUNTRIES: readonly CountryStyle[] = [
  { country: 'Hàn Quốc', w: 28, brand: (r) => r.pick(KR1) + r.pick(KR2), suffix: () => 'Co., Ltd.' },
  { country: 'Nhật Bản', w: 22, brand: (r) => r.pick(JP1) + r.pick(JP2), suffix: (r) => r.pick(['Co., Ltd.', 'Corporation']) },
  { country: 'Trung Quốc', w: 18, brand: (r) => r.pick(CN1) + r.pick(CN2), suffix: () => 'Co., Ltd.' },
  { country: 'Đài Loan (Trung Quốc)', w: 9, brand: (r) => r.pick(TW1) + r.pick(TW2), suffix: (r) => r.pick(['Co., Ltd.', 'Corporation']) },
  {
    country: 'Singapore', w: 7,
    brand: (r) => r.pick(['Pacific Star', 'Orient Bay', 'Straits Link', 'Harbourview', 'Lion Gate', 'Marina Crest', 'Jurong Tech', 'Equator', 'Sentosa Bay', 'Asia Gateway', 'Tanjong Rhu', 'Bukit Mas']),
    suffix: () => 'Pte. Ltd.',
  },
  {
    country: 'Hồng Kông (Trung Quốc)', w: 5,
    brand: (r) => r.pick(['Kowloon Bay', 'Victoria Peak', 'Pearl River', 'Golden Dragon', 'Tsuen Wan', 'Sino Bright', 'Kwai Chung', 'Lantau', 'Silver Bay']),
    suffix: () => 'Limited',
  },
  { country: 'Hoa Kỳ', w: 2, brand: (r) => r.pick(['Keystone', 'Northfield', 'Riverside', 'Meridian', 'Brightwater', 'Summit Ridge', 'Lakeview']), suffix: (r) => r.pick(['Inc.', 'LLC']) },
  { country: 'Thái Lan', w: 2, brand: (r) => r.pick(['Siam Rich', 'Chao Phraya', 'Rattana', 'Bangna', 'Thonburi']), suffix: () => 'Co., Ltd.' },
  { country: 'Malaysia', w: 2, brand: (r) => r.pick(['Selangor', 'Penang Tech', 'Klang Valley', 'Johor Star', 'Melaka Jaya']), suffix: () => 'Sdn. Bhd.' },
  { country: 'Hà Lan', w: 1, brand: (r) => r.pick(['Van Dijk', 'Rijnmond', 'Hollandia', 'De Vries']), suffix: () => 'B.V.' },
  { country: 'Đức', w: 1, brand: (r) => r.pick(['Hoffmann', 'Rheinwerk', 'Brandt', 'Kessler']), suffix: () => 'GmbH' },
  { country: 'Bỉ', w: 1, brand: (r) => r.pick(['Vanderberg', 'Scheldt', 'Flandria']), suffix: () => 'NV' },
];

const VN_PLACES = [
  'Hải An', 'Đông Hải', 'Thành Công', 'Hoàng Long', 'Minh Phát', 'Việt Hưng', 'An Phú', 'Bạch Đằng', 'Duyên Hải',
  'Thái Bình Dương', 'Hưng Thịnh', 'Cát Bà', 'Lạch Tray', 'Kiến An', 'Vạn Lợi', 'Thuận Phát', 'Nam Triệu', 'Tân Hưng',
  'Phương Đông', 'Đại Dương', 'Hồng Bàng', 'Lê Chân', 'Ngô Quyền', 'Thủy Nguyên', 'An Lão', 'Tiên Lãng', 'Vĩnh Bảo',
  'Phú Xuân', 'Trường Thịnh', 'Quang Minh', 'Bảo Long', 'Gia Phát', 'Hùng Vương', 'Sông Cấm', 'Cửa Cấm', 'Ánh Dương',
  'Hoàng Hà', 'Mạnh Cường', 'Tín Nghĩa', 'Đức Phát', 'Kim Long', 'Nhật Quang', 'Phúc Lộc', 'Hòa Bình', 'Sao Mai',
];
const VN_PREFIXES = ['Đầu tư', 'Đầu tư và Phát triển', 'Thương mại', 'Xây dựng', 'Logistics', 'Công nghiệp', 'Sản xuất và Thương mại', 'Cơ khí'];

// ---------------------------------------------------------------------------
// Projects (table DuAn)
// ---------------------------------------------------------------------------

type EventKind = 'Cấp mới' | 'Điều chỉnh' | 'Chấm dứt';
type Source = 'FDI' | 'DDI';

interface ProjEvent {
  kind: EventKind;
  date: Date;
  cents: number | null; // hundredths of the unit; null for Chấm dứt
}

interface Project {
  id: string;
  source: Source;
  name: string;
  investor: string;
  country: string;
  zone: string;
  brand: string;
  industry: Industry;
  licensed: Date;
  weight: number;
  events: ProjEvent[];
}

interface ProjectSpec {
  country?: string;
  industry?: string;
  zone?: string;
  name?: string;
  investor?: string;
  kind?: Industry['kind'];
}

class Namer {
  private readonly usedNames = new Set<string>();
  constructor(private readonly rng: Rng) {}

  fdi(licensed: Date, spec: ProjectSpec = {}): Project {
    const r = this.rng;
    const year = licensed.getUTCFullYear();
    const style = spec.country
      ? FDI_COUNTRIES.find((c) => c.country === spec.country) ?? FDI_COUNTRIES[0]
      : r.weighted(FDI_COUNTRIES.map((c) => [c, c.w] as const));
    const industry = spec.industry ? industryByEn(spec.industry) : r.weighted(FDI_INDUSTRIES.map((i) => [i, i.w] as const));
    let brand = '';
    let name = '';
    for (let tries = 0; tries < 30; tries++) {
      brand = style.brand(r);
      name = `${industry.vi} ${brand} Việt Nam`;
      if (!this.usedNames.has(name)) break;
    }
    if (this.usedNames.has(name)) name = `${industry.vi} ${brand} Việt Nam (giai đoạn 2)`;
    this.usedNames.add(name);
    return {
      id: '',
      source: 'FDI',
      name,
      investor: `${brand} ${industry.en} ${style.suffix(r)}`,
      country: style.country,
      zone: spec.zone ?? pickZone(r, FDI_ZONES, year),
      brand,
      industry,
      licensed,
      weight: r.heavy(),
      events: [],
    };
  }

  ddi(licensed: Date, spec: ProjectSpec = {}): Project {
    const r = this.rng;
    const year = licensed.getUTCFullYear();
    const industry: Industry = spec.name
      ? { vi: spec.name, en: '', kind: spec.kind ?? 'heavy', w: 0 }
      : r.weighted(DDI_INDUSTRIES.map((i) => [i, i.w] as const));
    let place = '';
    let name = spec.name ?? '';
    if (!spec.name) {
      for (let tries = 0; tries < 30; tries++) {
        place = r.pick(VN_PLACES);
        name = `${industry.vi} ${place}`;
        if (!this.usedNames.has(name)) break;
      }
      if (this.usedNames.has(name)) name = `${name} (giai đoạn 2)`;
    } else {
      place = r.pick(VN_PLACES);
    }
    this.usedNames.add(name);
    const investor =
      spec.investor ?? `Công ty ${r.weighted([['Cổ phần', 3], ['TNHH', 2]] as const)} ${r.pick(VN_PREFIXES)} ${place}`;
    return {
      id: '',
      source: 'DDI',
      name,
      investor,
      country: 'Việt Nam',
      zone: spec.zone ?? pickZone(r, DDI_ZONES, year),
      brand: place,
      industry,
      licensed,
      weight: r.heavy(),
      events: [],
    };
  }
}

function addEvent(p: Project, kind: EventKind, date: Date, cents: number | null = 0): ProjEvent {
  const ev: ProjEvent = { kind, date, cents: kind === 'Chấm dứt' ? null : cents };
  p.events.push(ev);
  return ev;
}

/** Random pre-2023 adjustment date after the licence, avoiding the comparison half-year 01–06/2022. */
function historicAdjustDate(rng: Rng, licensed: Date): Date | null {
  const from = addDays(licensed, 120);
  const to = d(2022, 12, 29);
  if (from.getTime() > to.getTime()) return null;
  for (let i = 0; i < 12; i++) {
    const dt = pickWeekday(rng, from, to);
    if (!within(dt, d(2022, 1, 1), d(2022, 6, 30))) return dt;
  }
  return null;
}

function setCents(events: ProjEvent[], values: number[]): void {
  events.forEach((ev, i) => {
    ev.cents = values[i];
  });
}

interface SourcePlan {
  source: Source;
  yearWeights: number[]; // licences per year, from firstYear to 2021
  firstYear: number;
  oldBefore2022: number; // valid projects licensed before 2022, anchors included
  h1Of2022: number; // valid projects licensed 01–06/2022
  h2Of2022: number; // valid projects licensed 07–12/2022
  h1NewCents: number; // capital of the 01–06/2022 licences
  h1AdjustCents: number[]; // adjustments in 01–06/2022 (one per project; may be negative)
  historicAdjustProb: number;
  newFloor: number;
  adjustFloor: number;
  cumulativeTarget: number; // registered capital of the projects valid at 30/06/2023
  periodNew: number; // licences in 01–06/2023
  periodNewCents: number;
  periodNewTerminated: boolean; // one of them terminated again in the period
  periodAdjustProjects: number; // distinct projects adjusted in the period
  periodAdjustNetCents: number;
  periodNegativeCents: number; // one small negative adjustment (0: none)
  periodAdjustOnNew: number; // how many of the adjusted projects are 2023 licences
  terminatedBefore2023: number;
  anchors: { year: number; weight: number; spec: ProjectSpec }[];
  afterPeriod: { newLicences: [Date, number][]; adjustments: [Date, number][]; terminations: Date[] };
}

function buildSource(rng: Rng, namer: Namer, plan: SourcePlan): Project[] {
  const make = (licensed: Date, spec?: ProjectSpec): Project =>
    plan.source === 'FDI' ? namer.fdi(licensed, spec) : namer.ddi(licensed, spec);
  const all: Project[] = [];

  // (a) Anchors: the large, early projects (several expansions each).
  const anchors = plan.anchors.map((a) => {
    const p = make(pickWeekday(rng, d(a.year, 2, 1), d(a.year, 11, 30)), a.spec);
    p.weight = a.weight;
    return p;
  });

  // (b) Other projects licensed before 2022, still valid at 30/06/2023.
  const perYear = apportion(plan.oldBefore2022 - anchors.length, plan.yearWeights);
  const olderValid: Project[] = [...anchors];
  perYear.forEach((n, i) => {
    const y = plan.firstYear + i;
    for (let k = 0; k < n; k++) olderValid.push(make(pickWeekday(rng, d(y, 1, 3), d(y, 12, 28))));
  });

  // (c) Licences of 2022: the first half-year is the "same period last year".
  const h1New: Project[] = [];
  for (let k = 0; k < plan.h1Of2022; k++) {
    const dt = k === plan.h1Of2022 - 1 ? d(2022, 6, 30) : pickWeekday(rng, d(2022, 1, 4), d(2022, 6, 29));
    h1New.push(make(dt));
  }
  const h2New: Project[] = [];
  for (let k = 0; k < plan.h2Of2022; k++) {
    const dt = k === 0 ? d(2022, 7, 1) : pickWeekday(rng, d(2022, 7, 4), d(2022, 12, 29));
    h2New.push(make(dt));
  }
  const valid = [...olderValid, ...h1New, ...h2New];
  all.push(...valid);

  // Licence events (amounts filled in below).
  const newEv = new Map<Project, ProjEvent>();
  for (const p of valid) newEv.set(p, addEvent(p, 'Cấp mới', p.licensed));

  // (d) Historic adjustments before 2023 (outside 01–06/2022).
  const historicAdj: ProjEvent[] = [];
  const historicAdjWeight: number[] = [];
  for (const p of olderValid) {
    const isAnchor = anchors.includes(p);
    const k = isAnchor ? rng.int(2, 4) : rng.chance(plan.historicAdjustProb) ? rng.int(1, p.licensed.getUTCFullYear() < 2016 ? 3 : 2) : 0;
    const dates: Date[] = [];
    for (let j = 0; j < k; j++) {
      const dt = historicAdjustDate(rng, p.licensed);
      if (dt) dates.push(dt);
    }
    dates.sort(byDate);
    for (const dt of dates) {
      historicAdj.push(addEvent(p, 'Điều chỉnh', dt));
      historicAdjWeight.push(p.weight * (0.15 + 0.45 * rng.float()));
    }
  }
  // Boundary dates around the comparison half-year.
  for (const dt of [d(2022, 7, 1), d(2022, 12, 30)]) {
    const p = rng.pick(olderValid.filter((q) => !anchors.includes(q)));
    historicAdj.push(addEvent(p, 'Điều chỉnh', dt));
    historicAdjWeight.push(p.weight * 0.3);
  }

  // (e) Adjustments in 01–06/2022, one per project.
  const h1AdjProjects = rng
    .shuffle(olderValid.filter((p) => !anchors.includes(p) && p.weight > 3))
    .slice(0, plan.h1AdjustCents.length);
  h1AdjProjects.forEach((p, i) => {
    const dt = i === 0 ? d(2022, 6, 30) : pickWeekday(rng, d(2022, 1, 4), d(2022, 6, 29));
    addEvent(p, 'Điều chỉnh', dt, plan.h1AdjustCents[i]);
  });
  setCents(
    h1New.map((p) => newEv.get(p)!),
    apportion(plan.h1NewCents, h1New.map((p) => p.weight), plan.newFloor),
  );

  // (f) Projects terminated before 2023: not valid, not counted.
  for (let k = 0; k < plan.terminatedBefore2023; k++) {
    const y = rng.int(plan.firstYear + 1, 2019);
    const p = make(pickWeekday(rng, d(y, 1, 3), d(y, 12, 28)));
    const cap = plan.source === 'FDI' ? 100 + rng.int(0, 4500) : 2000 + rng.int(0, 40000);
    addEvent(p, 'Cấp mới', p.licensed, cap);
    const end = minDate(addDays(p.licensed, 365 * 6), d(2022, 12, 20));
    const term = pickWeekday(rng, addDays(p.licensed, 400), end);
    if (rng.chance(0.35)) {
      const adj = pickWeekday(rng, addDays(p.licensed, 150), addDays(term, -60));
      if (!within(adj, d(2022, 1, 1), d(2022, 6, 30)) && adj.getTime() > p.licensed.getTime()) {
        addEvent(p, 'Điều chỉnh', adj, Math.round(cap * (0.1 + 0.4 * rng.float())));
      }
    }
    addEvent(p, 'Chấm dứt', term);
    all.push(p);
  }

  // (g) After the period (July–August 2023): must not count anywhere.
  const notAnchors = olderValid.filter((p) => !anchors.includes(p));
  const afterTerminated = rng.shuffle([...notAnchors]).slice(0, plan.afterPeriod.terminations.length);
  afterTerminated.forEach((p, i) => addEvent(p, 'Chấm dứt', plan.afterPeriod.terminations[i]));
  const reserved = new Set<Project>([...afterTerminated]);

  // (h) Licences in the period.
  const periodNew: Project[] = [];
  for (let k = 0; k < plan.periodNew; k++) {
    const dt = k === plan.periodNew - 1 ? d(2023, 6, 30) : pickWeekday(rng, d(2023, 1, 3), d(2023, 6, 29));
    periodNew.push(make(dt));
  }
  periodNew.sort((a, b) => byDate(a.licensed, b.licensed));
  const periodNewEv = periodNew.map((p) => addEvent(p, 'Cấp mới', p.licensed));
  setCents(periodNewEv, apportion(plan.periodNewCents, periodNew.map((p) => p.weight), plan.newFloor));
  all.push(...periodNew);
  let terminatedNewCents = 0;
  let terminatedNew: Project | null = null;
  if (plan.periodNewTerminated) {
    const cands = periodNew.filter((p) => within(p.licensed, d(2023, 2, 1), d(2023, 4, 14)));
    terminatedNew = rng.pick(cands);
    addEvent(terminatedNew, 'Chấm dứt', pickWeekday(rng, addDays(terminatedNew.licensed, 45), minDate(addDays(terminatedNew.licensed, 80), d(2023, 6, 23))));
    terminatedNewCents = terminatedNew.events[0].cents ?? 0;
  }

  // (i) Adjustments in the period: `periodAdjustProjects` distinct projects, the first
  // adjusted twice, the last one with a small negative change.
  const adjNew = periodNew
    .filter((p) => p !== terminatedNew && p.licensed.getTime() < d(2023, 4, 15).getTime())
    .slice(0, plan.periodAdjustOnNew);
  const nOld = plan.periodAdjustProjects - adjNew.length;
  const negative = plan.periodNegativeCents !== 0;
  const oldPool = rng.shuffle(valid.filter((p) => !reserved.has(p) && !anchors.slice(0, 3).includes(p)));
  const adjOld = negative
    ? [anchors[0], anchors[1], ...oldPool.slice(0, nOld - 3), anchors[2]]
    : [anchors[0], anchors[1], ...oldPool.slice(0, nOld - 2)];
  const positive: { p: Project; date: Date }[] = [];
  adjOld.forEach((p, i) => {
    if (i === 0) {
      positive.push({ p, date: pickWeekday(rng, d(2023, 1, 9), d(2023, 3, 31)) });
      positive.push({ p, date: pickWeekday(rng, d(2023, 4, 3), d(2023, 6, 28)) });
    } else if (i === adjOld.length - 1 && negative) {
      // the negative one, below
    } else {
      positive.push({ p, date: i === 1 ? d(2023, 6, 30) : pickWeekday(rng, d(2023, 1, 4), d(2023, 6, 30)) });
    }
  });
  for (const p of adjNew) positive.push({ p, date: pickWeekday(rng, addDays(p.licensed, 20), d(2023, 6, 30)) });
  const posCents = apportion(
    plan.periodAdjustNetCents - plan.periodNegativeCents,
    positive.map((x) => x.p.weight * (0.2 + 0.4 * rng.float())),
    plan.adjustFloor,
  );
  positive.forEach((x, i) => addEvent(x.p, 'Điều chỉnh', x.date, posCents[i]));
  if (negative) {
    addEvent(adjOld[adjOld.length - 1], 'Điều chỉnh', pickWeekday(rng, d(2023, 2, 1), d(2023, 5, 31)), plan.periodNegativeCents);
  }

  // (j) The rest of the after-period events.
  const used = new Set<Project>([...reserved, ...adjOld]);
  const afterAdj = rng.shuffle(valid.filter((p) => !used.has(p))).slice(0, plan.afterPeriod.adjustments.length);
  afterAdj.forEach((p, i) => addEvent(p, 'Điều chỉnh', plan.afterPeriod.adjustments[i][0], plan.afterPeriod.adjustments[i][1]));
  for (const [dt, cents] of plan.afterPeriod.newLicences) {
    const p = make(dt);
    addEvent(p, 'Cấp mới', dt, cents);
    all.push(p);
  }

  // (k) Historic amounts: whatever remains of the cumulative target once the period and
  // 01–06/2022 amounts are fixed.
  let h1AdjSum = 0;
  for (const c of plan.h1AdjustCents) h1AdjSum += c;
  const validAtEnd =
    plan.cumulativeTarget - (plan.periodNewCents - terminatedNewCents) - plan.periodAdjustNetCents - plan.h1NewCents - h1AdjSum;
  const histNew = olderValid.concat(h2New).map((p) => newEv.get(p)!);
  const histWeights = olderValid.concat(h2New).map((p) => p.weight);
  const values = apportion(
    validAtEnd,
    [...histWeights, ...historicAdjWeight],
    [...histWeights.map(() => plan.newFloor), ...historicAdjWeight.map(() => plan.adjustFloor)],
  );
  setCents(histNew, values.slice(0, histNew.length));
  setCents(historicAdj, values.slice(histNew.length));
  // A few historic capital reductions (kept out of anchors); the biggest anchor absorbs them.
  const reducible = historicAdj.filter((ev) => !anchors.some((a) => a.events.includes(ev)));
  for (const ev of rng.shuffle([...reducible]).slice(0, 3)) {
    const v = ev.cents ?? 0;
    ev.cents = -v;
    const anchorNew = newEv.get(anchors[0])!;
    anchorNew.cents = (anchorNew.cents ?? 0) + 2 * v;
  }

  // Identifiers in licence order: FDI-2016-007, DDI-2023-004, …
  all.sort((a, b) => byDate(a.licensed, b.licensed));
  const seq = new Map<number, number>();
  for (const p of all) {
    const y = p.licensed.getUTCFullYear();
    const n = (seq.get(y) ?? 0) + 1;
    seq.set(y, n);
    p.id = `${plan.source}-${y}-${String(n).padStart(3, '0')}`;
  }
  return all;
}

const FDI_PLAN: SourcePlan = {
  source: 'FDI',
  firstYear: 2007,
  yearWeights: [6, 7, 7, 9, 10, 11, 12, 14, 16, 18, 20, 22, 23, 20, 21], // 2007–2021
  oldBefore2022: 420,
  h1Of2022: 19,
  h2Of2022: 21,
  h1NewCents: 37_260,
  h1AdjustCents: [-150, 2_480, 1_925, 3_160, 1_105, 2_870, 950, 1_640, 2_215, 1_380, 1_760, 990, 1_230, 1_210], // 227,75
  historicAdjustProb: 0.3,
  newFloor: 100,
  adjustFloor: 30,
  cumulativeTarget: 2_448_037, // 24.480,37 million USD
  periodNew: 25,
  periodNewCents: 28_100, // 281,00
  periodNewTerminated: true,
  periodAdjustProjects: 17,
  periodAdjustNetCents: 38_118, // 381,18
  periodNegativeCents: -235,
  periodAdjustOnNew: 2,
  terminatedBefore2023: 12,
  anchors: [
    { year: 2013, weight: 900, spec: { country: 'Hàn Quốc', industry: 'Display', zone: 'KCN Tràng Duệ' } },
    { year: 2014, weight: 520, spec: { country: 'Hàn Quốc', industry: 'Home Appliances', zone: 'KCN Tràng Duệ' } },
    { year: 2012, weight: 380, spec: { country: 'Nhật Bản', industry: 'Tire', zone: 'KCN Đình Vũ' } },
    { year: 2016, weight: 260, spec: { country: 'Hàn Quốc', industry: 'Optics', zone: 'KCN Tràng Duệ' } },
    { year: 2018, weight: 200, spec: { country: 'Đài Loan (Trung Quốc)', industry: 'Electronics', zone: 'KCN Deep C' } },
    { year: 2011, weight: 160, spec: { country: 'Nhật Bản', industry: 'Imaging', zone: 'KCN VSIP Hải Phòng' } },
    { year: 2017, weight: 130, spec: { country: 'Hồng Kông (Trung Quốc)', industry: 'Textile', zone: 'KCN VSIP Hải Phòng' } },
  ],
  afterPeriod: {
    newLicences: [
      [d(2023, 7, 5), 1_250],
      [d(2023, 8, 17), 4_320],
    ],
    adjustments: [
      [d(2023, 7, 3), 640],
      [d(2023, 7, 12), 850],
      [d(2023, 8, 3), 2_200],
    ],
    terminations: [d(2023, 8, 22)],
  },
};

const DDI_PLAN: SourcePlan = {
  source: 'DDI',
  firstYear: 2008,
  yearWeights: [3, 4, 5, 6, 7, 8, 9, 11, 13, 15, 17, 18, 16, 17], // 2008–2021
  oldBefore2022: 185,
  h1Of2022: 8,
  h2Of2022: 10,
  h1NewCents: 498_020, // 4.980,20 billion VND
  h1AdjustCents: [31_250, 18_765, 25_100, 12_500], // 876,15
  historicAdjustProb: 0.25,
  newFloor: 2_000,
  adjustFloor: 500,
  cumulativeTarget: 30_879_300, // 308.793 billion VND
  periodNew: 10,
  periodNewCents: 1_373_300, // 13.733
  periodNewTerminated: false,
  periodAdjustProjects: 11,
  periodAdjustNetCents: 84_500, // 845
  periodNegativeCents: 0,
  periodAdjustOnNew: 0,
  terminatedBefore2023: 5,
  anchors: [
    {
      year: 2017, weight: 1200,
      spec: { zone: 'KKT Đình Vũ - Cát Hải', name: 'Tổ hợp sản xuất ô tô và linh kiện Cát Hải', investor: 'Công ty Cổ phần Sản xuất Ô tô Duyên Hải', kind: 'tech' },
    },
    {
      year: 2018, weight: 300,
      spec: { zone: 'KKT Đình Vũ - Cát Hải', name: 'Bến cảng tổng hợp và container Nam Triệu', investor: 'Công ty Cổ phần Cảng quốc tế Nam Triệu', kind: 'service' },
    },
    {
      year: 2015, weight: 260,
      spec: { zone: 'KCN Nam Đình Vũ', name: 'Đầu tư xây dựng và kinh doanh kết cấu hạ tầng KCN Nam Đình Vũ (khu 1)', investor: 'Công ty Cổ phần Đầu tư Hạ tầng Bạch Đằng' },
    },
    {
      year: 2018, weight: 200,
      spec: { zone: 'KCN An Dương', name: 'Đầu tư xây dựng và kinh doanh kết cấu hạ tầng KCN An Dương', investor: 'Công ty TNHH Phát triển Khu công nghiệp An Dương' },
    },
    {
      year: 2019, weight: 180,
      spec: { zone: 'KKT Đình Vũ - Cát Hải', name: 'Nhà máy thép cán nguội Đình Vũ', investor: 'Công ty Cổ phần Thép Duyên Hải' },
    },
    {
      year: 2013, weight: 150,
      spec: { zone: 'KCN Nam Cầu Kiền', name: 'Đầu tư xây dựng và kinh doanh kết cấu hạ tầng KCN Nam Cầu Kiền', investor: 'Công ty Cổ phần Khu công nghiệp Thủy Nguyên' },
    },
  ],
  afterPeriod: {
    newLicences: [[d(2023, 7, 20), 45_000]],
    adjustments: [[d(2023, 8, 10), 12_000]],
    terminations: [],
  },
};

const EVENT_ORDER: Record<EventKind, number> = { 'Cấp mới': 0, 'Điều chỉnh': 1, 'Chấm dứt': 2 };

function projectRows(projects: Project[]): ExampleCell[][] {
  const events: { p: Project; ev: ProjEvent }[] = [];
  for (const p of projects) for (const ev of p.events) events.push({ p, ev });
  events.sort(
    (a, b) =>
      byDate(a.ev.date, b.ev.date) ||
      (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0) ||
      EVENT_ORDER[a.ev.kind] - EVENT_ORDER[b.ev.kind],
  );
  return events.map(({ p, ev }) => [
    p.id,
    p.name,
    p.investor,
    p.country,
    p.zone,
    p.source,
    ev.kind,
    ev.date,
    ev.cents === null ? null : ev.cents / 100,
  ]);
}

// ---------------------------------------------------------------------------
// Enterprises (tables LaoDong, SanXuatKinhDoanh)
// ---------------------------------------------------------------------------

interface Enterprise {
  name: string;
  zone: string;
  industry: Industry;
  ddi: boolean;
  startIdx: number; // first month with data, 0 = 01/2022
  weight: number; // headcount weight
}

/** Month index 0 = 01/2022 … 17 = 06/2023. */
function monthDate(idx: number): Date {
  return d(2022 + Math.floor(idx / 12), (idx % 12) + 1, 1);
}

function pickEnterprises(rng: Rng, fdi: Project[], ddi: Project[]): Enterprise[] {
  const operating = (p: Project): boolean =>
    p.licensed.getTime() < d(2022, 1, 1).getTime() && !p.events.some((e) => e.kind === 'Chấm dứt');
  const fdiName = (p: Project): string => `Công ty TNHH ${p.brand} ${p.industry.en} Việt Nam`;
  const out: Enterprise[] = [];
  const names = new Set<string>();
  const add = (p: Project, startIdx: number, weight: number): void => {
    const name = p.source === 'FDI' ? fdiName(p) : p.investor;
    if (names.has(name)) return;
    names.add(name);
    out.push({ name, zone: p.zone, industry: p.industry, ddi: p.source === 'DDI', startIdx, weight });
  };
  const factor: Record<Industry['kind'], number> = { labour: 2.5, tech: 1.2, heavy: 0.6, service: 0.4 };
  const capped = (): number => Math.min(rng.heavy(), 40);

  // The largest employers first (the FDI anchors, by anchor order).
  const anchorWeights = [260, 150, 30, 110, 90, 50, 80];
  const fdiAnchors = FDI_PLAN.anchors.map((a) =>
    fdi.find((p) => p.industry.en === a.spec.industry && p.country === a.spec.country && p.zone === a.spec.zone && p.licensed.getUTCFullYear() === a.year),
  );
  fdiAnchors.forEach((p, i) => {
    if (p) add(p, 0, anchorWeights[i]);
  });
  const carMaker = ddi.find((p) => p.name.startsWith('Tổ hợp sản xuất ô tô'));
  if (carMaker) add(carMaker, 0, 45);

  const fdiPool = rng.shuffle(fdi.filter((p) => operating(p) && !fdiAnchors.includes(p)));
  for (const p of fdiPool) {
    if (out.length >= 62) break;
    add(p, 0, capped() * factor[p.industry.kind]);
  }
  const ddiPool = rng.shuffle(ddi.filter((p) => operating(p) && !p.name.includes('kết cấu hạ tầng') && p !== carMaker));
  for (const p of ddiPool) {
    if (out.length >= 72) break;
    add(p, 0, capped() * factor[p.industry.kind] * 0.6);
  }
  // Three 2022 licences that start reporting later: 09/2022, 11/2022, 02/2023.
  const late = fdi.filter((p) => p.licensed.getUTCFullYear() === 2022 && p.industry.kind !== 'service');
  [8, 10, 13].forEach((startIdx, i) => add(late[i * 3], startIdx, 3 + 2 * i));
  return out;
}

function labourRows(rng: Rng, ents: Enterprise[]): { rows: ExampleCell[][]; june23: number[] } {
  const n = ents.length;
  const june23 = apportion(195_683, ents.map((e) => e.weight), 40);
  const existed = ents.map((e) => e.startIdx <= 5);
  const ratio = ents.map(() => 1.045 + 0.06 * rng.normal());
  const priorIdx = ents.map((_, i) => i).filter((i) => existed[i]);
  const priorVals = apportion(204_512, priorIdx.map((i) => june23[i] * ratio[i]), 30);
  const june22 = ents.map(() => 0);
  priorIdx.forEach((i, k) => {
    june22[i] = priorVals[k];
  });

  // Monthly headcount: exact at 06/2022 (idx 5) and 06/2023 (idx 17), smooth in between.
  const heads: number[][] = ents.map((e, i) => {
    const series: number[] = [];
    for (let m = 0; m < 18; m++) {
      let v: number;
      if (m < e.startIdx) {
        v = -1;
      } else if (m === 17) {
        v = june23[i];
      } else if (m === 5 && existed[i]) {
        v = june22[i];
      } else if (!existed[i]) {
        const t = (m - e.startIdx + 1) / (18 - e.startIdx);
        v = Math.round(june23[i] * (0.3 + 0.7 * t) * (1 + 0.02 * rng.normal()));
      } else if (m < 5) {
        v = Math.round(june22[i] * (1 - 0.004 * (5 - m)) * (1 + 0.012 * rng.normal()));
      } else {
        const t = (m - 5) / 12;
        v = Math.round((june22[i] + (june23[i] - june22[i]) * t) * (1 + 0.015 * rng.normal()));
      }
      series.push(Math.max(v, m < e.startIdx ? -1 : 0));
    }
    return series;
  });

  // Income at 06/2023: the big assembly employers pay less than the small technical firms,
  // so the headcount-weighted mean (≈ 11,5) is well below the plain mean of the averages.
  const rank = ents.map((_, i) => i).sort((a, b) => june23[b] - june23[a] || a - b);
  const rankOf = ents.map(() => 0);
  rank.forEach((i, r) => {
    rankOf[i] = r;
  });
  const noIncome = new Set<number>([rank[n - 3], rank[n - 8]]);
  const oneDecimal = ents.map(() => rng.chance(0.4));
  const roundInc = (i: number, v: number): number => (oneDecimal[i] ? Math.round(v * 10) * 10 : Math.round(v * 100)); // cents
  let inc = ents.map((e, i) => {
    const kindAdj = e.industry.kind === 'heavy' ? 0.8 : e.industry.kind === 'tech' ? 1.0 : e.industry.kind === 'service' ? 0.4 : 0;
    return 9.4 + (5.0 * rankOf[i]) / (n - 1) + kindAdj + 1.0 * rng.normal();
  });
  const weightedMean = (cents: number[]): number => {
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      if (noIncome.has(i)) continue;
      num += june23[i] * cents[i];
      den += june23[i];
    }
    return num / den / 100;
  };
  let incCents = inc.map((v, i) => roundInc(i, v));
  for (let iter = 0; iter < 6; iter++) {
    const shift = 11.5 - weightedMean(incCents);
    inc = inc.map((v) => Math.min(19.6, Math.max(7.2, v + shift)));
    incCents = inc.map((v, i) => roundInc(i, v));
  }
  // Fine-tune the largest employer by 0,01 steps into [11,47; 11,53].
  const top = rank[0];
  oneDecimal[top] = false;
  for (let guard = 0; guard < 200; guard++) {
    const w = weightedMean(incCents);
    if (w < 11.47) incCents[top] += 1;
    else if (w > 11.53) incCents[top] -= 1;
    else break;
  }

  const rows: ExampleCell[][] = [];
  for (let m = 0; m < 18; m++) {
    // 2022 incomes ~6 % lower; January carries part of the Tết bonus.
    const mf = (m < 12 ? 0.935 + 0.003 * m : 0.985 + 0.003 * (m - 12)) * (m % 12 === 0 ? 1.15 : 1);
    ents.forEach((e, i) => {
      const h = heads[i][m];
      if (h < 0) return;
      let income: number | null = null;
      if (!noIncome.has(i)) {
        const c = m === 17 ? incCents[i] : roundInc(i, (incCents[i] / 100) * mf * (1 + 0.01 * rng.normal()));
        income = Math.min(2_000, Math.max(700, c)) / 100; // 7–20 million VND
      }
      rows.push([e.name, e.zone, monthDate(m), h, income]);
    });
  }
  return { rows, june23 };
}

function revenueRows(rng: Rng, ents: Enterprise[], june23: number[]): ExampleCell[][] {
  const productivity: Record<Industry['kind'], number> = { labour: 0.5, tech: 1.6, heavy: 2.8, service: 1.2 };
  const scale = ents.map((e, i) => june23[i] * productivity[e.industry.kind] * (0.6 + 0.8 * rng.float()));
  const exportRatio = ents.map((e) =>
    !e.ddi && e.industry.kind !== 'service' ? 0.62 + 0.33 * rng.float() : e.ddi && rng.chance(0.5) ? 0.05 + 0.2 * rng.float() : 0,
  );
  const importRatio = ents.map((e, i) =>
    !e.ddi && e.industry.kind !== 'service' ? 0.5 + 0.35 * rng.float() : exportRatio[i] === 0 && rng.chance(0.5) ? 0 : 0.05 + 0.25 * rng.float(),
  );
  const taxRatio = ents.map(() => 0.008 + 0.03 * rng.float());

  // Month indices 6..17 = 07/2022..06/2023; factors per calendar month.
  const monthFactor: Record<number, number> = { 6: 1.08, 7: 1.11, 8: 1.09, 9: 1.05, 10: 1.03, 11: 1.13, 12: 0.84, 13: 0.9, 14: 1.03, 15: 0.99, 16: 1.08, 17: 1.12 };
  interface Cell { i: number; m: number; rev: number }
  const cells: Cell[] = [];
  for (let m = 6; m < 18; m++) {
    ents.forEach((e, i) => {
      if (m < e.startIdx) return;
      cells.push({ i, m, rev: scale[i] * monthFactor[m] * (0.93 + 0.14 * rng.float()) });
    });
  }
  const inPeriod = cells.filter((c) => c.m >= 12);
  const before = cells.filter((c) => c.m < 12);
  const split = (total: number, weight: (c: Cell) => number): { period: number[]; before: number[] } => {
    const wp = inPeriod.map(weight);
    let sw = 0;
    for (const w of wp) sw += w;
    const perUnit = total / sw;
    return {
      period: apportion(total, wp),
      before: before.map((c) => Math.round(weight(c) * perUnit)),
    };
  };
  const rev = split(30_696_600, (c) => c.rev);
  const exp = split(910_100, (c) => c.rev * exportRatio[c.i]);
  const imp = split(740_900, (c) => c.rev * importRatio[c.i]);
  const tax = split(541_200, (c) => c.rev * taxRatio[c.i]);

  const rows: ExampleCell[][] = [];
  const emit = (list: Cell[], k: number, key: 'period' | 'before'): void => {
    const c = list[k];
    const e = ents[c.i];
    rows.push([
      e.name,
      e.zone,
      monthDate(c.m),
      rev[key][k] / 100,
      exportRatio[c.i] === 0 ? null : exp[key][k] / 100,
      importRatio[c.i] === 0 ? null : imp[key][k] / 100,
      tax[key][k] / 100,
      c.m >= 16 ? 'x' : null,
    ]);
  };
  // Chronological: 07–12/2022 first, then 01–06/2023.
  for (let k = 0; k < before.length; k++) emit(before, k, 'before');
  for (let k = 0; k < inPeriod.length; k++) emit(inPeriod, k, 'period');
  return rows;
}

// ---------------------------------------------------------------------------
// Budget (NganSach)
// ---------------------------------------------------------------------------

const UNIT_AUTHORITY = 'Cơ quan Ban Quản lý Khu kinh tế';
const UNIT_CENTRE = 'Trung tâm Xúc tiến đầu tư và Dịch vụ việc làm Khu kinh tế';

function budgetRows(rng: Rng): ExampleCell[][] {
  const rows: ExampleCell[][] = [];
  // 10–12/2022 (outside the period), tenths of a million VND.
  for (let m = 10; m <= 12; m++) {
    rows.push([UNIT_AUTHORITY, d(2022, m, 1), (1_700 + rng.int(0, 900)) / 10]);
    rows.push([UNIT_CENTRE, d(2022, m, 1), (250 + rng.int(0, 250)) / 10]);
  }
  const a = apportion(12_109, [0.9, 0.75, 1.15, 1.05, 1.0, 1.15].map((w) => w * (0.9 + 0.2 * rng.float())));
  const c = apportion(1_571, [0.8, 0.6, 1.2, 1.1, 1.0, 1.3].map((w) => w * (0.85 + 0.3 * rng.float())));
  for (let m = 1; m <= 6; m++) {
    rows.push([UNIT_AUTHORITY, d(2023, m, 1), a[m - 1] / 10]);
    rows.push([UNIT_CENTRE, d(2023, m, 1), c[m - 1] / 10]);
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Tasks (NhiemVu)
// ---------------------------------------------------------------------------

function taskTitle(rng: Rng, assigned: Date, ctx: { zones: string[]; enterprises: string[]; projects: string[] }): string {
  const m = assigned.getUTCMonth() + 1;
  const prev = m === 1 ? '12/2022' : `${m - 1}/2023`;
  const zone = rng.pick(ctx.zones);
  const ent = rng.pick(ctx.enterprises);
  const proj = rng.pick(ctx.projects);
  const templates: (() => string)[] = [
    () => `Báo cáo tình hình thu hút đầu tư vào các KCN, KKT tháng ${prev}`,
    () => `Báo cáo tình hình lao động, việc làm trong các KCN, KKT tháng ${prev}`,
    () => `Báo cáo tình hình thực hiện các chỉ tiêu kinh tế - xã hội tháng ${prev}`,
    () => `Báo cáo tình hình triển khai Đề án 06/CP tháng ${prev}`,
    () => `Báo cáo tiến độ bồi thường, giải phóng mặt bằng ${zone}`,
    () => `Báo cáo tình hình hoạt động sản xuất, kinh doanh của doanh nghiệp FDI quý ${m <= 4 ? 'I' : 'II'}/2023`,
    () => `Tham mưu UBND thành phố giải quyết kiến nghị của ${ent}`,
    () => `Tham mưu điều chỉnh quy hoạch phân khu ${zone}`,
    () => `Tham mưu phương án bố trí nhà ở cho công nhân ${zone}`,
    () => `Tham mưu tổ chức Hội nghị đối thoại với doanh nghiệp ${zone}`,
    () => `Tham gia ý kiến dự thảo Nghị quyết của HĐND thành phố về phát triển khu công nghiệp`,
    () => `Tham gia ý kiến hồ sơ đề xuất dự án ${proj}`,
    () => `Rà soát, đánh giá tình hình triển khai dự án ${proj}`,
    () => `Rà soát quỹ đất công nghiệp còn trống tại ${zone}`,
    () => `Rà soát các dự án chậm tiến độ tại ${zone}`,
    () => `Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết của Ban Quản lý`,
    () => `Kiểm tra công tác phòng cháy, chữa cháy tại ${ent}`,
    () => `Kiểm tra việc chấp hành pháp luật về bảo vệ môi trường tại ${ent}`,
    () => `Xây dựng kế hoạch xúc tiến đầu tư năm 2023 tại ${rng.pick(['Hàn Quốc', 'Nhật Bản', 'Đài Loan (Trung Quốc)', 'Singapore', 'Hoa Kỳ', 'châu Âu'])}`,
    () => `Giải quyết kiến nghị của cử tri liên quan đến ${zone}`,
    () => `Cung cấp thông tin phục vụ đoàn kiểm tra, giám sát của Thành ủy về ${zone}`,
    () => `Triển khai thực hiện Kế hoạch cải cách hành chính năm 2023`,
  ];
  return rng.pick(templates)();
}

function taskRows(rng: Rng, ctx: { zones: string[]; enterprises: string[]; projects: string[] }): ExampleCell[][] {
  const asOf = d(2023, 6, 7);
  interface Task { assigned: Date; deadline: Date | null; completed: Date | null }
  const tasks: Task[] = [];
  for (let k = 0; k < 223; k++) tasks.push({ assigned: pickWeekday(rng, d(2023, 1, 3), d(2023, 6, 6)), deadline: null, completed: null });
  tasks.sort((a, b) => byDate(a.assigned, b.assigned));
  tasks.push({ assigned: asOf, deadline: null, completed: null }); // assigned on the as-of date itself
  const free = new Set<number>(tasks.map((_, i) => i));
  const take = (cands: number[], count: number): number[] => {
    const chosen = rng.shuffle(cands.filter((i) => free.has(i))).slice(0, count);
    for (const i of chosen) free.delete(i);
    return chosen.sort((a, b) => a - b);
  };
  const idxWhere = (f: (t: Task) => boolean): number[] => tasks.map((t, i) => (f(t) ? i : -1)).filter((i) => i >= 0);

  // Open at 07/06/2023: 1 overdue, 12 within deadline, 14 without deadline.
  const overdue = take(idxWhere((t) => within(t.assigned, d(2023, 4, 3), d(2023, 5, 12))), 1);
  for (const i of overdue) tasks[i].deadline = pickWeekday(rng, addDays(tasks[i].assigned, 14), d(2023, 6, 2));
  free.delete(223);
  const onTime = [223, ...take(idxWhere((t) => t.assigned.getTime() >= d(2023, 4, 1).getTime()), 11)];
  onTime.forEach((i, k) => {
    const t = tasks[i];
    if (i === 223) t.deadline = d(2023, 6, 21);
    else if (k === 1) t.deadline = asOf; // deadline exactly on the as-of date: still within deadline
    else if (k === 2 || k === 3) {
      t.deadline = pickWeekday(rng, d(2023, 6, 16), d(2023, 7, 14));
      t.completed = d(2023, 6, 15); // done after the as-of date: still open at 07/06/2023
    } else t.deadline = pickWeekday(rng, maxDate(asOf, addDays(t.assigned, 10)), d(2023, 7, 31));
  });
  take(idxWhere(() => true), 14); // open, no deadline

  // Done by 07/06/2023: 197, of which 3 late and 30 without deadline.
  const late = take(idxWhere((t) => t.assigned.getTime() <= d(2023, 5, 10).getTime()), 3);
  for (const i of late) {
    const t = tasks[i];
    t.deadline = pickWeekday(rng, addDays(t.assigned, 5), addDays(t.assigned, 20));
    t.completed = pickWeekday(rng, addDays(t.deadline, 1), minDate(addDays(t.deadline, 12), asOf));
  }
  const doneNoDeadline = take(idxWhere(() => true), 30);
  for (const i of doneNoDeadline) {
    const t = tasks[i];
    t.completed = pickWeekday(rng, addDays(t.assigned, 1), minDate(addDays(t.assigned, 40), asOf));
  }
  const rest = [...free].sort((a, b) => a - b);
  rest.forEach((i, k) => {
    const t = tasks[i];
    t.deadline = pickWeekday(rng, addDays(t.assigned, 5), addDays(t.assigned, 45));
    t.completed = pickWeekday(rng, addDays(t.assigned, 1), minDate(t.deadline, asOf));
    if (k === rest.length - 1) {
      t.deadline = maxDate(t.deadline, asOf);
      t.completed = asOf; // completed exactly on the as-of date
    }
  });

  // Assigned after the as-of date: not counted.
  const after: Task[] = [];
  for (let k = 0; k < 6; k++) after.push({ assigned: pickWeekday(rng, d(2023, 6, 8), d(2023, 6, 28)), deadline: null, completed: null });
  after.sort((a, b) => byDate(a.assigned, b.assigned));
  after.forEach((t, k) => {
    if (k % 3 !== 2) t.deadline = pickWeekday(rng, addDays(t.assigned, 7), addDays(t.assigned, 30));
    if (k === 0) t.completed = pickWeekday(rng, addDays(t.assigned, 2), addDays(t.assigned, 9));
  });

  return [...tasks, ...after].map((t, k) => [
    `NV-2023-${String(k + 1).padStart(3, '0')}`,
    taskTitle(rng, t.assigned, ctx),
    t.assigned,
    t.deadline,
    t.completed,
  ]);
}

// ---------------------------------------------------------------------------
// The workbook
// ---------------------------------------------------------------------------

export function buildExampleTables(): ExampleTable[] {
  const projRng = new Rng(0x48500623);
  const namer = new Namer(projRng);
  const fdi = buildSource(projRng, namer, FDI_PLAN);
  const ddi = buildSource(projRng, namer, DDI_PLAN);

  const entRng = new Rng(0x1ab0a2);
  const enterprises = pickEnterprises(entRng, fdi, ddi);
  const labour = labourRows(entRng, enterprises);
  const revenue = revenueRows(new Rng(0x5a7e5), enterprises, labour.june23);

  const ctx = {
    zones: FDI_ZONES.map(([z]) => z),
    enterprises: enterprises.map((e) => e.name),
    projects: fdi.concat(ddi).filter((p) => p.licensed.getUTCFullYear() >= 2019 && p.licensed.getUTCFullYear() < 2023).map((p) => p.name),
  };

  const settings: ExampleCell[][] = [
    ['TuNgay', d(2023, 1, 1)],
    ['DenNgay', d(2023, 6, 30)],
    ['NgaySoLieu', d(2023, 6, 7)],
    ['CoQuan', 'Ban Quản lý Khu kinh tế Hải Phòng'],
    ['CoQuanChuQuan', 'UBND thành phố Hải Phòng'],
    ['SoHieu', '…/BC-BQL'],
    ['DiaDanh', 'Hải Phòng'],
    ['NgayBaoCao', d(2023, 6, 30)],
    ['TrichYeu', 'Sơ kết công tác thi đua khen thưởng 6 tháng đầu năm 2023'],
    ['TyGia', 23390],
    ['KyThay', 'KT. TRƯỞNG BAN'],
    ['ChucVuKy', 'PHÓ TRƯỞNG BAN'],
    ['NguoiKy', 'Nguyễn Văn Hùng'],
    ['NgonNgu', 'vi'],
    ['NoiNhan', exampleRecipients.join('\n')],
  ];

  const targets: ExampleCell[][] = [
    ['fdi_capital', 2023, 2000, 626],
    ['ddi_capital', 2023, 10000, 6493.39],
    ['revenue', 2023, 635958, null],
    ['export', 2023, 23429, null],
    ['import', 2023, 21810, null],
    ['tax_paid', 2023, 16615, null],
    ['budget', 2023, 2560, null],
    [`budget:${UNIT_AUTHORITY}`, 2023, 2141, null],
    [`budget:${UNIT_CENTRE}`, 2023, 419, null],
    // Last year's plans: must be ignored for 2023.
    ['fdi_capital', 2022, 1800, null],
    ['revenue', 2022, 590000, null],
    ['budget', 2022, 2400, null],
  ];

  return [
    { name: 'ThongTin', sheet: 'ThongTin', topLeft: 'A1', headers: ['Khóa', 'Giá trị'], rows: settings },
    {
      name: 'DuAn',
      sheet: 'DuAn',
      topLeft: 'A1',
      headers: ['Mã dự án', 'Tên dự án', 'Nhà đầu tư', 'Quốc gia', 'Khu', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'],
      rows: projectRows(fdi.concat(ddi)),
      numFmt: { 'Ngày': 'dd/mm/yyyy', 'Vốn đầu tư': '#,##0.00' },
    },
    {
      name: 'LaoDong',
      sheet: 'LaoDong',
      topLeft: 'A1',
      headers: ['Doanh nghiệp', 'Khu', 'Tháng', 'Số lao động', 'Thu nhập bình quân'],
      rows: labour.rows,
      numFmt: { 'Tháng': 'mm/yyyy', 'Số lao động': '#,##0', 'Thu nhập bình quân': '#,##0.00' },
    },
    {
      name: 'SanXuatKinhDoanh',
      sheet: 'SanXuatKinhDoanh',
      topLeft: 'A1',
      headers: ['Doanh nghiệp', 'Khu', 'Tháng', 'Doanh thu', 'Xuất khẩu', 'Nhập khẩu', 'Nộp ngân sách', 'Ước tính'],
      rows: revenue,
      numFmt: {
        'Tháng': 'mm/yyyy',
        'Doanh thu': '#,##0.00',
        'Xuất khẩu': '#,##0.00',
        'Nhập khẩu': '#,##0.00',
        'Nộp ngân sách': '#,##0.00',
      },
    },
    {
      name: 'NganSach',
      sheet: 'Ngân sách',
      topLeft: 'B3',
      headers: ['Đơn vị', 'Tháng', 'Số nộp'],
      rows: budgetRows(new Rng(0xb0d6e7)),
      numFmt: { 'Tháng': 'mm/yyyy', 'Số nộp': '#,##0.0' },
    },
    {
      name: 'NhiemVu',
      sheet: 'NhiemVu',
      topLeft: 'A1',
      headers: ['Mã nhiệm vụ', 'Nội dung', 'Ngày giao', 'Hạn xử lý', 'Ngày hoàn thành'],
      rows: taskRows(new Rng(0x7a5c5), ctx),
      numFmt: { 'Ngày giao': 'dd/mm/yyyy', 'Hạn xử lý': 'dd/mm/yyyy', 'Ngày hoàn thành': 'dd/mm/yyyy' },
    },
    {
      name: 'HoSo',
      sheet: 'HoSo',
      topLeft: 'A1',
      headers: DOSSIER_HEADERS,
      rows: dossierRows(),
      numFmt: { 'Ngày tiếp nhận': 'dd/mm/yyyy', 'Ngày hẹn trả': 'dd/mm/yyyy', 'Ngày trả kết quả': 'dd/mm/yyyy', 'Phí, lệ phí': '#,##0' },
    },
    {
      name: 'KeHoach',
      sheet: 'KeHoach',
      topLeft: 'C2',
      headers: ['Chỉ tiêu', 'Năm', 'Kế hoạch', 'Cùng kỳ'],
      rows: targets,
      numFmt: { 'Kế hoạch': '#,##0', 'Cùng kỳ': '#,##0.00' },
    },
    {
      name: 'NoiDung',
      sheet: 'NoiDung',
      topLeft: 'A1',
      headers: ['Mục', 'Tiêu đề', 'Nội dung'],
      rows: exampleSections.map((s) => [s.section, s.heading, s.text]),
    },
    {
      name: 'ChiTieuTinh',
      sheet: 'ChiTieuTinh',
      topLeft: 'A1',
      headers: ['Mã', 'Công thức', 'Tên', 'Đơn vị'],
      rows: [['fdi_avg_new_capital', 'fdi_new_capital / fdi_new_count', 'Vốn bình quân một dự án FDI cấp mới', 'triệu USD']],
    },
  ];
}

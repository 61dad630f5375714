import fc from 'fast-check';
import { dayToSerial, serialToDay, formatDayDMY } from '../../../src/core/records/parse';
import { formatNumber } from '../../../src/core/report/format';
import { CellValue } from '../../../src/core/records/snapshot';
import { table, settings, run, metric } from '../../helpers/tables';

/*
 * A generated one-stop export: dossiers before, in and after the period, with and without due
 * dates, fees as numbers or Vietnamese text, the usual yes/no spellings, and bad rows (returned
 * before received, no received date, an unknown kind). Every dossiers_* figure is computed here
 * again, independently of src/, from the generated facts.
 */

const RUNS = 60;
const START = dayToSerial('2023-01-01');
const END = dayToSerial('2023-06-30');
const day = fc.integer({ min: dayToSerial('2022-10-01'), max: dayToSerial('2023-09-30') });

interface Fact {
  kind: 'tthc' | 'other' | 'bad';
  kindText: string | null;
  online: boolean;
  channelText: string | null;
  received: number | null;
  due: number | null;
  returned: number | null;
  /** whole đồng */
  fee: number | null;
  feeAsText: boolean;
  cashless: boolean;
  cashlessText: string | boolean | null;
  asDate: boolean;
}

const kindArb = fc.constantFrom<[Fact['kind'], string | null]>(['tthc', 'TTHC'], ['tthc', null], ['tthc', 'Thủ tục hành chính'], ['other', 'Khác'], ['other', 'Không thuộc TTHC'], ['other', 'other'], ['bad', 'Lạ']);
const channelArb = fc.constantFrom<[boolean, string | null]>([true, 'Trực tuyến'], [true, 'online'], [true, 'Qua mạng'], [false, 'Trực tiếp'], [false, 'Bưu chính'], [false, null]);
const cashArb = fc.constantFrom<[boolean, string | boolean | null]>([true, 'x'], [true, 'Có'], [true, 'TRUE'], [true, true], [true, 'Yes'], [false, null], [false, 'Không'], [false, 'No'], [false, false]);

const factArb = fc
  .record({
    kind: kindArb,
    channel: channelArb,
    received: fc.option(day, { nil: null, freq: 12 }),
    due: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null, freq: 3 }),
    // days after received; negative: returned before received (a bad row)
    returned: fc.option(fc.integer({ min: -3, max: 60 }), { nil: null, freq: 4 }),
    fee: fc.option(fc.integer({ min: 0, max: 5000 }).map((k) => k * 1000), { nil: null, freq: 2 }),
    feeAsText: fc.boolean(),
    cash: cashArb,
    asDate: fc.boolean(),
  })
  .map(
    (g): Fact => ({
      kind: g.kind[0],
      kindText: g.kind[1],
      online: g.channel[0],
      channelText: g.channel[1],
      received: g.received,
      due: g.received === null || g.due === null ? null : g.received + g.due,
      returned: g.received === null || g.returned === null ? null : g.received + g.returned,
      fee: g.fee,
      feeAsText: g.feeAsText,
      cashless: g.cash[0],
      cashlessText: g.cash[1],
      asDate: g.asDate,
    }),
  );

const asOfArb = fc.option(fc.integer({ min: dayToSerial('2023-05-01'), max: END }), { nil: null });

function cellDay(serial: number | null, asDate: boolean): CellValue {
  if (serial === null) return null;
  return asDate ? new Date(`${serialToDay(serial)}T00:00:00Z`) : formatDayDMY(serialToDay(serial)!);
}

function rowsOf(facts: Fact[]): CellValue[][] {
  return facts.map((f, i) => [
    `HS-${i}`,
    f.kindText,
    f.channelText,
    cellDay(f.received, f.asDate),
    cellDay(f.due, !f.asDate),
    cellDay(f.returned, f.asDate),
    f.fee === null ? null : f.feeAsText ? formatNumber(f.fee, 'vi') : f.fee,
    f.cashlessText,
  ]);
}

function expected(facts: Fact[], asOf: number) {
  const good = facts.filter((f) => f.kind !== 'bad' && f.received !== null && !(f.returned !== null && f.returned < f.received));
  const tthc = good.filter((f) => f.kind === 'tthc');
  const inPeriod = (d: number | null) => d !== null && d >= START && d <= END;
  const resolved = tthc.filter((f) => inPeriod(f.returned));
  const withDue = resolved.filter((f) => f.due !== null);
  const onTime = withDue.filter((f) => f.returned! <= f.due!);
  const pending = tthc.filter((f) => f.received! <= asOf && (f.returned === null || f.returned > asOf));
  const fees = good.filter((f) => inPeriod(f.returned) && f.cashless && f.fee !== null).reduce((a, f) => a + f.fee!, 0);
  return {
    left: facts.length - good.length,
    dossiers_resolved: resolved.length,
    dossiers_online: resolved.filter((f) => f.online).length,
    dossiers_on_time: withDue.length ? onTime.length : null,
    dossiers_on_time_pct: withDue.length ? (onTime.length / withDue.length) * 100 : null,
    dossiers_other_resolved: good.filter((f) => f.kind === 'other' && inPeriod(f.returned)).length,
    dossiers_received: tthc.filter((f) => inPeriod(f.received)).length,
    dossiers_pending: pending.length,
    dossiers_overdue: pending.filter((f) => f.due !== null && f.due < asOf).length,
    // whole đồng to million VND: one division, as exact as the figure can be
    dossiers_fees_cashless: fees / 1e6,
  };
}

const HEADERS = ['Mã hồ sơ', 'Loại hồ sơ', 'Hình thức nộp', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày trả kết quả', 'Phí, lệ phí', 'Không dùng tiền mặt'];

test('a generated export gives every dossiers_* metric exactly', () => {
  fc.assert(
    fc.property(fc.array(factArb, { minLength: 1, maxLength: 40 }), asOfArb, (facts, asOf) => {
      // every generated table has due dates and fees somewhere, so no figure is missing for want of a column
      const r = run([settings(['01/01/2023', '30/06/2023'], asOf === null ? {} : { NgaySoLieu: formatDayDMY(serialToDay(asOf)!) }), table('HoSo', HEADERS, rowsOf(facts))]);
      const e = expected(facts, asOf ?? END);
      for (const [k, v] of Object.entries(e)) {
        if (k === 'left') continue;
        if (k === 'dossiers_on_time_pct' && v !== null) expect(metric(r, k)).toBeCloseTo(v, 10);
        else expect([k, metric(r, k)]).toEqual([k, v]);
      }
      expect(r.data.tables.find((t) => t.kind === 'dossiers')!.rowsSkipped).toBe(e.left);
      if (e.left) expect(r.model.draft?.note).toContain(`${e.left} dòng`);
    }),
    { numRuns: RUNS },
  );
});

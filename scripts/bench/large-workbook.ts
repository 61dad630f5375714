// Builds a contract workbook with N rows per data table, written straight as OOXML so that making
// a 100k-row file takes seconds (exceljs would need far longer and gigabytes).
import { ZipWriter } from '../../src/node/xlsx-zip';
import { columnLetters } from '../../src/core/records/snapshot';
import { dayToSerial } from '../../src/core/records/parse';

type V = string | number | { date: string } | null;
interface Sheet {
  name: string;
  headers: string[];
  rows: V[][];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function sheetXml(s: Sheet): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>'];
  const cell = (ref: string, v: V) => {
    if (v === null) return '';
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    if (typeof v === 'object') return `<c r="${ref}" s="1"><v>${dayToSerial(v.date)}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  };
  [s.headers, ...s.rows].forEach((row, i) => {
    const r = i + 1;
    parts.push(`<row r="${r}">${row.map((v, c) => cell(`${columnLetters(c + 1)}${r}`, v)).join('')}</row>`);
  });
  parts.push('</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>');
  return parts.join('');
}

function tableXml(s: Sheet, id: number): string {
  const ref = `A1:${columnLetters(s.headers.length)}${s.rows.length + 1}`;
  const cols = s.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${esc(h)}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${s.name}" displayName="${s.name}" ref="${ref}"><autoFilter ref="${ref}"/><tableColumns count="${s.headers.length}">${cols}</tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>`;
}

export function largeWorkbook(n: number): Buffer {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  // 18 months per enterprise or unit: 01/2022 … 06/2023
  const monthOf = (i: number) => {
    const k = i % 18;
    return { date: `${2022 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01` };
  };
  const zones = ['KCN Deep C', 'KCN VSIP Hải Phòng', 'KCN Tràng Duệ', 'KCN Nam Đình Vũ', 'KCN An Dương'];
  const rows = (f: (i: number) => V[]) => Array.from({ length: n }, (_, i) => f(i));
  const sheets: Sheet[] = [
    { name: 'ThongTin', headers: ['Khóa', 'Giá trị'], rows: [['TuNgay', { date: '2023-01-01' }], ['DenNgay', { date: '2023-06-30' }], ['NgaySoLieu', { date: '2023-06-07' }], ['CoQuan', 'Ban Quản lý Khu kinh tế'], ['TyGia', 23390]] },
    {
      name: 'DuAn',
      headers: ['Mã dự án', 'Tên dự án', 'Nhà đầu tư', 'Quốc gia', 'Khu', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư', 'Ghi chú'],
      // three events per project, in order: licensed, adjusted, then adjusted again or terminated
      rows: rows((i) => {
        const p = Math.floor(i / 3);
        const k = i % 3;
        const year = 2008 + (p % 16);
        const date = { date: `${year + k}-${String(1 + (p % 12)).padStart(2, '0')}-${String(1 + (p % 28)).padStart(2, '0')}` };
        const event = k === 0 ? 'Cấp mới' : k === 2 && p % 10 === 0 ? 'Chấm dứt' : 'Điều chỉnh';
        return [`P${p}`, `Dự án ${p}`, `Nhà đầu tư ${p % 997}`, pick(['Hàn Quốc', 'Nhật Bản', 'Việt Nam']), pick(zones), p % 5 === 0 ? 'DDI' : 'FDI', event, date, event === 'Chấm dứt' ? null : Math.round(rnd() * 100000) / 100, null];
      }),
    },
    {
      name: 'LaoDong',
      headers: ['Doanh nghiệp', 'Khu', 'Tháng', 'Số lao động', 'Thu nhập bình quân'],
      rows: rows((i) => [`Doanh nghiệp ${Math.floor(i / 18)}`, pick(zones), monthOf(i), Math.floor(rnd() * 5000), Math.round((7 + rnd() * 12) * 10) / 10]),
    },
    {
      name: 'SanXuatKinhDoanh',
      headers: ['Doanh nghiệp', 'Khu', 'Tháng', 'Doanh thu', 'Xuất khẩu', 'Nhập khẩu', 'Nộp ngân sách', 'Ước tính'],
      rows: rows((i) => [`Doanh nghiệp ${Math.floor(i / 18)}`, pick(zones), monthOf(i), Math.round(rnd() * 1e5) / 100, Math.round(rnd() * 1e4) / 100, Math.round(rnd() * 1e4) / 100, Math.round(rnd() * 1e3) / 100, i % 18 >= 16 ? 'x' : null]),
    },
    { name: 'NganSach', headers: ['Đơn vị', 'Tháng', 'Số nộp'], rows: rows((i) => [`Đơn vị ${Math.floor(i / 18)}`, monthOf(i), Math.round(rnd() * 1e4) / 10]) },
    {
      name: 'NhiemVu',
      headers: ['Mã nhiệm vụ', 'Nội dung', 'Ngày giao', 'Hạn xử lý', 'Ngày hoàn thành'],
      rows: rows((i) => {
        const assigned = 1 + (i % 150);
        const at = (offset: number) => ({ date: new Date(Date.UTC(2023, 0, assigned + offset)).toISOString().slice(0, 10) });
        return [`NV-${i}`, `Nhiệm vụ số ${i}`, at(0), rnd() < 0.3 ? null : at(10 + Math.floor(rnd() * 60)), rnd() < 0.4 ? null : at(Math.floor(rnd() * 80))];
      }),
    },
    { name: 'KeHoach', headers: ['Chỉ tiêu', 'Năm', 'Kế hoạch', 'Cùng kỳ'], rows: [['fdi_capital', 2023, 2000, 626], ['revenue', 2023, 635958, null]] },
  ];
  const files: { name: string; data: Buffer }[] = [];
  const ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'];
  const wbSheets: string[] = [];
  const wbRels: string[] = [];
  sheets.forEach((s, i) => {
    const k = i + 1;
    ct.push(`<Override PartName="/xl/worksheets/sheet${k}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/tables/table${k}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
    wbSheets.push(`<sheet name="${s.name}" sheetId="${k}" r:id="rId${k}"/>`);
    wbRels.push(`<Relationship Id="rId${k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${k}.xml"/>`);
    files.push({ name: `xl/worksheets/sheet${k}.xml`, data: Buffer.from(sheetXml(s), 'utf8') });
    files.push({ name: `xl/worksheets/_rels/sheet${k}.xml.rels`, data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table${k}.xml"/></Relationships>`) });
    files.push({ name: `xl/tables/table${k}.xml`, data: Buffer.from(tableXml(s, k), 'utf8') });
  });
  wbRels.push(`<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`);
  ct.push('</Types>');
  files.push({ name: '[Content_Types].xml', data: Buffer.from(ct.join('')) });
  files.push({ name: '_rels/.rels', data: Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') });
  files.push({ name: 'xl/workbook.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${wbSheets.join('')}</sheets></workbook>`) });
  files.push({ name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join('')}</Relationships>`) });
  files.push({ name: 'xl/styles.xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>') });
  // the report's own zip writer: a fixed date, so the same rows give the same bytes
  const zip = new ZipWriter(new Date(2023, 0, 1));
  for (const f of files) zip.add(f.name, f.data);
  return zip.finish();
}

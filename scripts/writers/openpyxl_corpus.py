"""Writes the example's tables with openpyxl: real Excel tables (openpyxl.worksheet.table.Table).

usage: python3 openpyxl_corpus.py tables.json outdir
  openpyxl-tables.xlsx              every value as a value, dates as serial numbers with a date format
  openpyxl-iso-dates.xlsx           workbook.iso_dates = True: dates as <c t="d"><v>2023-01-05T00:00:00</v>
  openpyxl-formula-no-value.xlsx    NganSach[Số nộp] holds formulas: openpyxl stores no cached value
"""
import datetime
import os
import sys

from openpyxl import Workbook
from openpyxl.worksheet.table import Table, TableStyleInfo

from corpus_common import load_tables, sheets_in_order, table_ref, as_date, date_format, formula_text

FORMULA_COLUMN = ("NganSach", "Số nộp")
FIXED = datetime.datetime(2024, 1, 1)


def write(tables, path, iso_dates=False, formulas=None):
    wb = Workbook()
    wb.iso_dates = iso_dates
    wb.properties.creator = "BaoCao corpus"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.remove(wb.active)
    sheets = {name: wb.create_sheet(name) for name in sheets_in_order(tables)}
    for t in tables:
        ws = sheets[t["sheet"]]
        r0, c0 = t["headerRow"], t["firstColumn"]
        for ci, h in enumerate(t["headers"]):
            ws.cell(row=r0, column=c0 + ci, value=h)
        for ri, row in enumerate(t["rows"]):
            for ci, v in enumerate(row):
                h = t["headers"][ci]
                if v is None:
                    continue
                cell = ws.cell(row=r0 + 1 + ri, column=c0 + ci)
                d = as_date(v)
                if formulas and (t["name"], h) == formulas and isinstance(v, (int, float)):
                    cell.value = "=" + formula_text(v)
                elif d is not None:
                    cell.value = d
                    cell.number_format = date_format(t, h)
                    continue
                elif isinstance(v, (bool, int, float, str)):
                    # openpyxl would take a text starting with "=" for a formula: the example has none
                    assert not (isinstance(v, str) and v.startswith("=")), v
                    cell.value = v
                else:
                    raise ValueError("unexpected cell %r" % (v,))
                code = t["numFmt"].get(h)
                if code and not isinstance(v, str):
                    cell.number_format = code
        tab = Table(displayName=t["name"], ref=table_ref(t))
        tab.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(tab)
    wb.save(path)


def main():
    src, out = sys.argv[1], sys.argv[2]
    tables = load_tables(src)
    write(tables, os.path.join(out, "openpyxl-tables.xlsx"))
    write(tables, os.path.join(out, "openpyxl-iso-dates.xlsx"), iso_dates=True)
    write(tables, os.path.join(out, "openpyxl-formula-no-value.xlsx"), formulas=FORMULA_COLUMN)


if __name__ == "__main__":
    main()

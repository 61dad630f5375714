"""Writes the example's tables with XlsxWriter: real Excel tables (add_table), real dates.

usage: python3 xlsxwriter_corpus.py tables.json outdir
  xlsxwriter-tables.xlsx          every value as a value
  xlsxwriter-formula-no-calc.xlsx KeHoach[Kế hoạch] written with write_formula and no value:
                                  XlsxWriter stores <v>0</v> and sets fullCalcOnLoad
"""
import os
import sys

import xlsxwriter

from corpus_common import load_tables, sheets_in_order, as_date, date_format, formula_text

FORMULA_COLUMN = ("KeHoach", "Kế hoạch")


def write(tables, path, formulas=None):
    wb = xlsxwriter.Workbook(path)
    # fixed document properties, so that a rerun gives the same bytes where XlsxWriter allows
    wb.set_properties({"author": "BaoCao corpus", "created": __import__("datetime").datetime(2024, 1, 1)})
    formats = {}

    def fmt(code):
        if code not in formats:
            formats[code] = wb.add_format({"num_format": code})
        return formats[code]

    sheets = {name: wb.add_worksheet(name) for name in sheets_in_order(tables)}
    for t in tables:
        ws = sheets[t["sheet"]]
        r0, c0 = t["headerRow"] - 1, t["firstColumn"] - 1
        last_row = r0 + len(t["rows"])
        last_col = c0 + len(t["headers"]) - 1
        ws.add_table(r0, c0, last_row, last_col, {
            "name": t["name"],
            "style": "Table Style Medium 2",
            "columns": [{"header": h} for h in t["headers"]],
        })
        for ri, row in enumerate(t["rows"]):
            for ci, v in enumerate(row):
                r, c, h = r0 + 1 + ri, c0 + ci, t["headers"][ci]
                d = as_date(v)
                if v is None:
                    continue
                if formulas and (t["name"], h) == formulas and isinstance(v, (int, float)):
                    ws.write_formula(r, c, "=" + formula_text(v), fmt(t["numFmt"].get(h, "General")))
                elif d is not None:
                    ws.write_datetime(r, c, d, fmt(date_format(t, h)))
                elif isinstance(v, bool):
                    ws.write_boolean(r, c, v)
                elif isinstance(v, (int, float)):
                    code = t["numFmt"].get(h)
                    ws.write_number(r, c, v, fmt(code) if code else None)
                elif isinstance(v, str):
                    ws.write_string(r, c, v)
                else:
                    raise ValueError("unexpected cell %r" % (v,))
    wb.close()


def main():
    src, out = sys.argv[1], sys.argv[2]
    tables = load_tables(src)
    write(tables, os.path.join(out, "xlsxwriter-tables.xlsx"))
    write(tables, os.path.join(out, "xlsxwriter-formula-no-calc.xlsx"), formulas=FORMULA_COLUMN)


if __name__ == "__main__":
    main()

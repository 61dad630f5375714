"""Shared helpers of the foreign-writer corpus: the example's tables as dumped by dump-example.ts."""
import datetime
import json


def load_tables(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["tables"]


def col_letters(col):
    s = ""
    while col > 0:
        col, r = divmod(col - 1, 26)
        s = chr(65 + r) + s
    return s


def table_ref(t):
    last_col = t["firstColumn"] + len(t["headers"]) - 1
    last_row = t["headerRow"] + len(t["rows"])
    return "%s%d:%s%d" % (col_letters(t["firstColumn"]), t["headerRow"], col_letters(last_col), last_row)


def sheets_in_order(tables):
    seen = []
    for t in tables:
        if t["sheet"] not in seen:
            seen.append(t["sheet"])
    return seen


def as_date(v):
    """A {"date": "YYYY-MM-DD"} cell as a datetime (midnight), else None."""
    if isinstance(v, dict) and "date" in v:
        return datetime.datetime.strptime(v["date"], "%Y-%m-%d")
    return None


def date_format(t, header):
    return t["numFmt"].get(header) or "dd/mm/yyyy"


def formula_cells(t, header):
    """(row index, value) of the non-empty cells of one column: where a variant writes a formula."""
    i = t["headers"].index(header)
    return [(ri, r[i]) for ri, r in enumerate(t["rows"]) if r[i] is not None]


def formula_text(v):
    """A formula whose result is the number v, as a person would type it (no leading '=')."""
    return "ROUND(%s,2)" % repr(v)

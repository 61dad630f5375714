"""Makes a writer's output byte-stable across reruns: fixed zip entry times and fixed document
dates (docProps/core.xml, meta.xml), nothing else changed (entry order, compression, and the
stored, first `mimetype` entry of an .ods are kept).

usage: python3 normalize_zip.py file...
"""
import re
import sys
import zipfile

FIXED = (2024, 1, 1, 0, 0, 0)
STAMP = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?")
DATED = ("docProps/core.xml", "meta.xml")


def normalize(path):
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as out:
        for info, data in entries:
            if info.filename in DATED:
                data = STAMP.sub(b"2024-01-01T00:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, FIXED)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            out.writestr(fixed, data)


if __name__ == "__main__":
    for p in sys.argv[1:]:
        normalize(p)

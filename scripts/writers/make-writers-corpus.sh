#!/bin/sh
# Rebuilds test/fixtures/writers/: the bundled example written by other writers (XlsxWriter,
# openpyxl, LibreOffice) and hand-made XML variants of its own package, plus expected.json.
#
# Needs Debian's python3-xlsxwriter and python3-openpyxl (for /usr/bin/python3) and
# libreoffice-calc-nogui:
#   apt-get install -y --no-install-recommends python3-xlsxwriter python3-openpyxl libreoffice-calc-nogui
# Run from anywhere: sh scripts/writers/make-writers-corpus.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/test/fixtures/writers"
example="$root/examples/hai-phong-2023-h1.xlsx"
py=/usr/bin/python3
work=$(mktemp -d /tmp/baocao-writers.XXXXXX)
trap 'rm -rf "$work"' EXIT

cd "$root"
npx tsc -p tsconfig.node.json
mkdir -p "$out"
rm -f "$out"/*.xlsx "$out"/*.ods

# 1. the example's tables as JSON, the Python writers' common input
node build/scripts/writers/dump-example.js "$example" "$work/tables.json"

# 2. XlsxWriter and openpyxl
"$py" "$here/xlsxwriter_corpus.py" "$work/tables.json" "$out"
"$py" "$here/openpyxl_corpus.py" "$work/tables.json" "$out"

# 3. LibreOffice: .xlsx -> .ods -> .xlsx (a fresh profile, so no user setting leaks in)
lo="soffice -env:UserInstallation=file://$work/lo-profile --headless"
cp "$example" "$work/libreoffice.xlsx"
$lo --convert-to ods --outdir "$work/ods" "$work/libreoffice.xlsx" >/dev/null
$lo --convert-to xlsx --outdir "$work/back" "$work/ods/libreoffice.ods" >/dev/null
cp "$work/ods/libreoffice.ods" "$out/libreoffice.ods"
cp "$work/back/libreoffice.xlsx" "$out/libreoffice-roundtrip.xlsx"

# fixed zip entry times and document dates, so that a rerun changes no byte (XlsxWriter's own
# output and the hand-made files are stable already)
"$py" "$here/normalize_zip.py" "$out"/openpyxl-*.xlsx "$out/libreoffice.ods" "$out/libreoffice-roundtrip.xlsx"

# 4. hand-made XML variants of the example's own package
VARIANTS_INFO="$work/variants.json" node build/scripts/writers/xml-variants.js "$example" "$out"

# 5. the manifest, with the versions used
cat > "$work/versions.json" <<JSON
{
  "python": "$("$py" -c 'import platform; print(platform.python_version())')",
  "xlsxwriter": "$("$py" -c 'import xlsxwriter; print(xlsxwriter.__version__)')",
  "openpyxl": "$("$py" -c 'import openpyxl; print(openpyxl.__version__)')",
  "libreoffice": "$(soffice --version | sed -n 's/^LibreOffice \([^ ]*\).*/\1/p' | head -n 1)",
  "fflate": "$(node -p 'require("fflate/package.json").version')",
  "node": "$(node -p 'process.versions.node')"
}
JSON
node build/scripts/writers/make-manifest.js "$example" "$out" "$work/versions.json" "$work/variants.json"
ls -l "$out"

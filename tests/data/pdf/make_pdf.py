"""Regenerate the test PDFs from their sources by printing an HTML page with headless Chromium
and the Noto Sans CJK SC font (Debian: chromium, fonts-noto-cjk). The PDFs are committed, so the
tests need neither.

- chromium_zh.pdf from chromium_zh.txt: pages separated by a blank line, one paragraph a line;
- chromium_table.pdf from chromium_table.txt: lines with tabs are the rows of a bordered table.

    python tests/data/pdf/make_pdf.py [chromium_zh|chromium_table ...]
"""

import html
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
STYLE = ('body{font-family:"Noto Sans CJK SC";font-size:14px} p{margin:0 0 6px 0;white-space:nowrap} '
         '.page{page-break-after:always} .page:last-child{page-break-after:auto} '
         'td{border:1px solid #000;padding:4px 12px;white-space:nowrap} table{border-collapse:collapse}')


def page_html(lines: list[str]) -> str:
    out, rows = [], []
    for ln in [*lines, None]:
        if ln is not None and "\t" in ln:
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in ln.split("\t")) + "</tr>")
            continue
        if rows:
            out.append("<table>" + "".join(rows) + "</table>")
            rows = []
        if ln is not None:
            out.append(f"<p>{html.escape(ln)}</p>")
    return '<div class="page">' + "".join(out) + "</div>"


def build(name: str) -> None:
    pages = HERE.joinpath(f"{name}.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    doc = (f'<!doctype html><html><head><meta charset="utf-8"><style>{STYLE}</style></head><body>'
           + "".join(page_html(pg.split("\n")) for pg in pages) + "</body></html>")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{name}.html"
        src.write_text(doc, encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={HERE / (name + '.pdf')}", str(src)], check=True, capture_output=True)


for name in sys.argv[1:] or ["chromium_zh", "chromium_table"]:
    build(name)

"""Regenerate chromium_zh.pdf from chromium_zh.txt (pages separated by a blank line) by printing
an HTML page with headless Chromium and the Noto Sans CJK SC font (Debian: chromium,
fonts-noto-cjk). The PDF is committed, so the tests need neither.

    python tests/data/pdf/make_pdf.py
"""

import html
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
pages = HERE.joinpath("chromium_zh.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
body = "".join('<div class="page">' + "".join(f"<p>{html.escape(ln)}</p>" for ln in pg.split("\n")) + "</div>"
               for pg in pages)
page = ('<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:"Noto Sans CJK SC";'
        'font-size:14px} p{margin:0 0 6px 0;white-space:nowrap} .page{page-break-after:always}'
        '.page:last-child{page-break-after:auto}</style></head><body>' + body + "</body></html>")
with tempfile.TemporaryDirectory() as tmp:
    src = Path(tmp) / "zh.html"
    src.write_text(page, encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={HERE / 'chromium_zh.pdf'}", str(src)], check=True, capture_output=True)

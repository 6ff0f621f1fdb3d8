"""Readers: turn input files (.txt/.md, .docx, .pdf) into Documents.

The text is stored as read, apart from removing a BOM, turning ``\\r\\n`` / ``\\r`` into
``\\n`` and mapping radical and compatibility code points to unified ideographs one for one
(⻢ → 马, ``ingest.ideographs``), so that evidence offsets stay valid against the original file text (``Document.original``).
Extractors read ``Document.text``, the analysis text of the same length (``ingest.textforms``:
Traditional → Simplified, page furniture, image lines, spam and inline pinyin blanked). Plain text is
decoded as UTF-8 (with or without BOM) or, failing that, GB18030 (a superset of GBK/GB2312);
anything else is rejected with an InputError naming the file and the reason.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "notice.txt"
>>> _ = p.write_bytes("临江市外贸服务学校牵头".encode("gbk"))
>>> doc = read_document(p)
>>> doc.id, doc.text, doc.meta["encoding"]
('notice', '临江市外贸服务学校牵头', 'gb18030')
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterable

from graph.errors import InputError
from ingest.budget import DEFAULT_MAX_CHARS, Limits
from ingest.ideographs import unify_ideographs
from ingest.model import Document

TEXT_SUFFIXES = frozenset({".txt", ".md"})
SUPPORTED_SUFFIXES = frozenset({*TEXT_SUFFIXES, ".docx", ".pdf"})

# Files that describe a folder rather than being one of its documents (data/corpus/SOURCES.md):
# ignored when a folder is walked; name such a file explicitly to ingest it.
FOLDER_NOTES = frozenset({"readme", "sources", "license", "changelog"})

# Control characters that never occur in real text; their presence means a binary file.
_BINARY_CONTROLS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v")
_PDF_CONTROLS = {c: " " for c in [*range(32), 0x7f] if chr(c) not in "\t\n"}


def read_document(path: str | os.PathLike[str], doc_id: str | None = None, *,
                  max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    """Read one file into a Document (id = file stem unless ``doc_id`` is given).

    meta: path, sha256 (of the file bytes), format, encoding, chars (pages for a PDF). A text
    longer than ``max_chars`` characters (0: no limit) is refused, a plain-text file too big to
    hold that few before it is read.
    """
    p = Path(path)
    limits = Limits(max_chars=max_chars)
    if p.is_symlink() and not p.exists():
        raise InputError(str(p), dangling_reason(p))
    if not p.exists():
        raise InputError(str(p), "no such file")
    if not p.is_file():
        raise InputError(str(p), "not a regular file")
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(str(p), f"unsupported file type {suffix or '(none)'!r}; "
                                 f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}")
    try:
        if suffix in TEXT_SUFFIXES and max_chars and p.stat().st_size > 4 * max_chars + 4:
            raise InputError(str(p), f"too large: {p.stat().st_size:,} bytes, more than any text of at most "
                                     f"{max_chars:,} characters (--max-chars, VOCGRAPH_MAX_DOC_CHARS); nothing stored from it")
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(str(p), f"cannot read ({exc.strerror or exc})") from exc
    if not data:
        raise InputError(str(p), "empty file")
    if suffix in TEXT_SUFFIXES:
        text, encoding, fmt = *decode_text(data, str(p)), suffix.lstrip(".")
    elif suffix == ".docx":
        text, encoding, fmt = _read_docx(p), "docx", "docx"
    else:
        (text, pages), encoding, fmt = _read_pdf(p), "pdf", "pdf"
    text = unify_ideographs(normalize_newlines(text))
    if not text.strip():
        raise InputError(str(p), "no text in the file")
    if reason := limits.size_reason(len(text)):
        raise InputError(str(p), reason)
    meta = {
        "path": str(p),
        "sha256": hashlib.sha256(data).hexdigest(),
        "format": fmt,
        "encoding": encoding,
        "chars": len(text),
    }
    if fmt == "pdf":
        meta["pages"] = pages  # offset where each page starts: page of an evidence = bisect
    return Document.from_text(doc_id or p.stem, str(p), text, meta)


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM removed) or GB18030; return (text, encoding).

    UTF-8 is tried strictly first: GB18030 decodes almost any byte string, so it only
    gets the bytes UTF-8 rejects. Binary content (NUL or other control bytes) is refused.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text, enc = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(name, f"undecodable UTF-16 text ({exc.reason})") from exc
    else:
        try:
            text = data.decode("utf-8-sig")
            enc = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        except UnicodeDecodeError:
            if b"\x00" in data:
                raise InputError(name, "binary file (NUL bytes), not text") from None
            try:
                text, enc = data.decode("gb18030"), "gb18030"
            except UnicodeDecodeError as exc:
                raise InputError(name, "cannot decode as UTF-8 or GB18030/GBK "
                                       f"(bad byte at offset {exc.start})") from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    sample = text[:4096]
    controls = sum(1 for ch in sample if ch in _BINARY_CONTROLS)
    if controls and controls * 100 > len(sample):
        raise InputError(name, "binary file (control characters), not text")
    return text, enc


def _read_docx(p: Path) -> str:
    """Paragraphs and tables in document order; a table row becomes one tab-separated line
    (the shape the table extractors read from PDF/Word exports)."""
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise InputError(str(p), 'reading .docx needs python-docx (pip install "python-docx")') from exc
    try:
        d = docx.Document(str(p))
    except Exception as exc:  # python-docx raises zipfile/KeyError/ValueError variants
        raise InputError(str(p), f"not a readable .docx file ({type(exc).__name__}: {exc})") from exc
    lines: list[str] = []
    body = d.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, d).text)
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, d)))
    return "\n".join(lines)


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        prev = None
        for cell in row.cells:
            # Merged cells come back once per grid column; keep each cell once.
            if prev is not None and cell._tc is prev:
                continue
            prev = cell._tc
            cells.append(" ".join(cell.text.split("\n")).strip())
        lines.append("\t".join(cells))
    return lines


def _read_pdf(p: Path) -> tuple[str, list[int]]:
    """Text of each page (PDFium through pypdfium2), pages separated by a blank line; also the
    offset where each page starts in the joined text (``meta["pages"]``: evidence → page).

    PDFium reads the text layer as the viewer shows it: pypdf turned part of the Chinese of
    browser-printed PDFs into radical code points (马 → ⻢) and was ~16× slower. Control
    characters of the text layer (soft-hyphen markers, NUL) become spaces.
    """
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise InputError(str(p), 'reading .pdf needs pypdfium2 (pip install "pypdfium2")') from exc
    pages: list[str] = []
    try:
        pdf = pdfium.PdfDocument(str(p))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(str(p), "encrypted PDF (needs a password)") from exc
        raise InputError(str(p), f"not a readable PDF ({exc})") from exc
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
                if " " in text and len(text) == textpage.count_chars():
                    text = _column_gaps(textpage, text)
                pages.append(normalize_newlines(text).translate(_PDF_CONTROLS))
            finally:
                textpage.close()
                page.close()
    except pdfium.PdfiumError as exc:
        raise InputError(str(p), f"not a readable PDF (page {len(pages) + 1}: {exc})") from exc
    finally:
        pdf.close()
    starts, at = [], 0
    for text in pages:
        starts.append(at)
        at += len(text) + 2
    return "\n\n".join(pages), starts


def _column_gaps(textpage, text: str) -> str:
    """A space PDFium inserted where the next character stands far off (over 1.5 em: the next
    cell of a table; words are a quarter em apart) becomes a tab, so a printed table's row reads
    as the tab-separated line the table extractors know (as .docx rows do)."""
    import pypdfium2.raw as raw

    chars = list(text)
    for i in range(1, len(chars) - 1):
        if chars[i] != " " or chars[i - 1] in "\r\n " or chars[i + 1] in "\r\n " or \
                not raw.FPDFText_IsGenerated(textpage.raw, i):
            continue
        left, bottom, right, top = textpage.get_charbox(i - 1)
        nleft, nbottom, _, ntop = textpage.get_charbox(i + 1)
        em = max(top - bottom, ntop - nbottom)
        if em > 0 and nleft - right > 1.5 * em:
            chars[i] = "\t"
    return "".join(chars)


def iter_input_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files and folders into (files to read, [(path, reason) skipped]).

    Folders are walked recursively; files inside them with an unsupported suffix are reported
    as skipped; hidden files and folder notes (README, SOURCES, LICENSE, CHANGELOG) are ignored. Files are returned sorted within each folder, in the order
    the paths were given, without duplicates.
    """
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    seen: set[Path] = set()

    def add(f: Path) -> None:
        real = f.resolve()
        if real not in seen:
            seen.add(real)
            files.append(f)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(q for q in p.rglob("*") if q.is_symlink() and not q.exists()):
                if not any(part.startswith(".") for part in f.relative_to(p).parts):
                    skipped.append((str(f), dangling_reason(f)))
            for f in sorted(q for q in p.rglob("*") if q.is_file()):
                rel = f.relative_to(p)
                if any(part.startswith(".") for part in rel.parts) or f.stem.lower() in FOLDER_NOTES:
                    continue
                if f.suffix.lower() in SUPPORTED_SUFFIXES:
                    add(f)
                else:
                    skipped.append((str(f), f"unsupported file type {f.suffix.lower() or '(none)'!r}"))
        elif p.is_file():
            if p.suffix.lower() in SUPPORTED_SUFFIXES:
                add(p)
            else:
                skipped.append((str(p), f"unsupported file type {p.suffix.lower() or '(none)'!r}"))
        elif p.is_symlink() and not p.exists():
            skipped.append((str(p), dangling_reason(p)))
        elif p.exists():
            skipped.append((str(p), "not a regular file"))
        else:
            skipped.append((str(p), "no such file or folder"))
    return files, skipped


def dangling_reason(p: Path) -> str:
    """Why a symbolic link whose target is gone cannot be read (the target named)."""
    try:
        target = os.readlink(p)
    except OSError:
        target = "?"
    return f"dangling symbolic link (its target {target} does not exist)"


def unique_doc_id(stem: str, taken: set[str]) -> str:
    """``stem``, or ``stem-2``, ``stem-3`` ... when the stem is already taken."""
    if stem not in taken:
        return stem
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"

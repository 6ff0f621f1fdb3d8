"""The bad-file matrix through ``vocgraph ingest``: every bad input is skipped with exit 3 and a
reason naming it, the good file beside it is ingested; and the smaller guarantees of issue 11:
no traceback on a closed pipe, no control characters in names, store files readable by the group."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from api.cli import main
from test_readers import minimal_pdf

PDF_DIR = Path(__file__).resolve().parent / "data" / "pdf"
GOOD = "北岭职业技术学院牵头组建北岭装备制造职教集团。"

# (file name, content, the reason printed on stderr)
MATRIX = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\n", "no text in the file"),
    ("binary.txt", b"\x00\x01\x02\x03garbage\xff" * 50, "binary file"),
    ("undecodable.txt", b"abc\x81\x20def" * 20, "cannot decode as UTF-8 or GB18030"),
    ("picture.png", b"\x89PNG\r\n\x1a\n", "unsupported file type '.png'"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable .docx"),
    ("broken.pdf", b"%PDF-1.4 truncated", "not a readable PDF"),
    ("scan.pdf", minimal_pdf([]), "no text in the file"),
    ("encrypted.pdf", (PDF_DIR / "encrypted.pdf").read_bytes(), "encrypted PDF"),
    ("huge.txt", ("临川职业技术学院牵头。" * 400).encode("utf-8"), "too large"),
]


def test_bad_file_matrix(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data, _ in MATRIX:
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", folder / "dangling.txt")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code = main(["ingest", str(folder), str(fifo), "--store", str(tmp_path / "s"), "--no-index", "--json",
                 "--max-chars", "3000"])
    out, err = capsys.readouterr()
    assert code == 3
    expected = [*((str(folder / n), reason) for n, _, reason in MATRIX),
                (str(folder / "dangling.txt"), f"dangling symbolic link (its target {tmp_path / 'gone.txt'}"),
                (str(fifo), "not a regular file")]
    for path, reason in expected:
        assert any(line.startswith(f"vocgraph: skipped {path}: ") and reason in line for line in err.splitlines()), \
            (path, reason, err)
    assert '"ingested": [\n  "good"\n ]' in out


def test_a_dangling_link_alone_is_reported_not_missing(tmp_path, capsys):
    link = tmp_path / "report.txt"
    os.symlink(tmp_path / "moved-away.txt", link)
    assert main(["ingest", str(link), "--store", str(tmp_path / "s"), "--no-index", "-q"]) == 3
    assert f"skipped {link}: dangling symbolic link" in capsys.readouterr().err


def test_closed_pipe_gives_no_traceback(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(GOOD * 200 + "\n" + "临川职业技术学院与临川华兴有限公司签订校企合作协议。" * 200, encoding="utf-8")
    assert main(["ingest", str(doc), "--store", str(tmp_path / "s"), "--no-index", "-q"]) == 0
    for command in (["export"],):  # stats too small to fill a pipe; export fills it
        proc = subprocess.Popen([sys.executable, "-m", "api.cli", *command, "--store", str(tmp_path / "s")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=Path(__file__).parents[1])
        proc.stdout.read(10)  # `| head -c 10`
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait(60) == 0 and "Traceback" not in err and "BrokenPipe" not in err, err


def test_names_hold_no_nul_or_control_characters(tmp_path):
    from graph.networkx_store import NetworkxStore
    from ingest.model import Document
    from ingest.pipeline import ingest_documents

    text = "臨川\x00職業技術學院牽頭組建臨川\u200b職教集團。\n北岭\x07职业技术学院与北岭\x1f华兴有限公司签订校企合作协议。"
    store = NetworkxStore(tmp_path)
    ingest_documents([Document.from_text("up", "up.txt", text)], store)
    names = [f for n in store.iter_nodes() for f in (n.name, *n.aliases)]
    assert "临川职业技术学院" in names and "北岭华兴有限公司" in names
    assert not [f for f in names if any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 or c in "\u200b\ufeff" for c in f)]


@pytest.mark.skipif(not hasattr(os, "umask"), reason="POSIX permissions")
def test_store_files_are_readable_by_the_group(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(GOOD, encoding="utf-8")
    old = os.umask(0o022)
    try:
        assert main(["ingest", str(doc), "--store", str(tmp_path / "s"), "--embedder", "hash", "-q"]) == 0
    finally:
        os.umask(old)
    paths = [p for p in (tmp_path / "s").rglob("*") if not p.name.startswith(".lock")]
    assert any(p.suffix == ".json" for p in paths)
    unreadable = [str(p) for p in paths if not os.stat(p).st_mode & stat.S_IRGRP]
    untraversable = [str(p) for p in paths if p.is_dir() and not os.stat(p).st_mode & stat.S_IXGRP]
    assert unreadable == [] and untraversable == []

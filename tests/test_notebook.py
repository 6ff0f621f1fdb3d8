"""Execute notebooks/vocgraph_tour.ipynb end to end (nbclient, the venv's python3 kernel) so it cannot rot."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "vocgraph_tour.ipynb"


def test_tour_notebook_runs_and_shows_its_results(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat", reason='needs pip install "vocgraph[notebook]"')
    from nbclient import NotebookClient

    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mpl"))
    monkeypatch.delenv("VOCGRAPH_EMBEDDER", raising=False)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, with the cell and traceback, if any cell fails

    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    texts = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/markdown", ""))
                      + str(o.get("data", {}).get("text/html", "")) for o in outputs)
    assert "辽宁装备制造职业教育集团" in texts  # question 1
    assert "<iframe srcdoc=" in texts and "vis.Network" in texts  # question 2: the network inline
    assert "IMPLEMENTS" in texts  # question 3: the trace tree
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the statistics plot

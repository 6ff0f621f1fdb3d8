#!/usr/bin/env bash
# Create .venv and install vocgraph with the given extras (default: all). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRAS="${1:-all}"
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv" >&2
    "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
# torch must be pinned in the same command as sentence-transformers (the CPU build on disk),
# otherwise pip resolves a multi-GB CUDA build; the [st] extra pins it.
.venv/bin/python -m pip install -q -e ".[${EXTRAS}]"
if [ "$EXTRAS" = "all" ] || [ "$EXTRAS" = "notebook" ]; then
    .venv/bin/python -m ipykernel install --sys-prefix --name python3 >/dev/null 2>&1 || true
fi
echo "setup: done (.venv with extras [${EXTRAS}])" >&2

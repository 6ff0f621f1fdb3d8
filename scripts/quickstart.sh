#!/usr/bin/env bash
# Set up vocgraph and run the main job on the sample corpus: ingest, then answer questions.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh "${VOCGRAPH_EXTRAS:-api}"
export VOCGRAPH_STORE="${VOCGRAPH_STORE:-vocgraph-data}"
.venv/bin/vocgraph ingest data/corpus
.venv/bin/vocgraph stats
for q in "哪些职教集团服务辽宁的装备制造产业" "辽西北职业教育联盟的牵头单位" "which groups serve equipment manufacturing in Liaoning"; do
    .venv/bin/vocgraph ask "$q" --top 5 || true
done

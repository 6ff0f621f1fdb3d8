"""The thin outer layer: the FastAPI app and the vocgraph command line."""

"""Ingest: readers, segmentation, extractors, entity resolution and the pipeline."""

"""Celery worker: thin tasks around fetching, extraction and indexing."""

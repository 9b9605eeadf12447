"""Extraction: pure functions on text (no I/O), testable without any service."""

"""Benchmarks and evaluations: scripts that print figures (never run as tests)."""

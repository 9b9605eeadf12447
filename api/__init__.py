"""HTTP API: validates submissions and enqueues them; answers reads through ``indexer``."""

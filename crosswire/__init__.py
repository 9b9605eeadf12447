"""crosswire: queued ingestion of news articles into cross-outlet, searchable stories."""

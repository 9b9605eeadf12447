"""Everything that talks to Elasticsearch: mappings, bulk writes, stories, queries."""

"""Everything that talks to Elasticsearch: mappings, bulk writes, stories, queries.

``setup.ensure_indices`` at start-up; ``writer.index_article`` from the worker;
``search.search_stories`` and ``read`` from the API. ``documents`` and the
similarity in ``stories`` are pure functions, testable without a cluster.
"""

"""Index settings and explicit mappings for the ``articles`` and ``claims`` indices.

The mappings are strict: a field not declared here is an error at write time,
not a silently guessed type that later breaks a query or an aggregation.

Only core analysis features are used (``standard`` tokenizer and analyzer with
the ``_english_`` stop list, ``whitespace`` analyzer, ``lowercase`` normalizer),
so the same definitions work on the minimal and the full distribution.
Stemming is not done here: extraction provides lemmas, indexed as ``lemmas``.

Index names carry a version (``articles-v1``) and are reached through aliases
(``articles``): an incompatible mapping change means a new version, filled and
then swapped in behind the alias, while readers and writers keep using the alias.
"""

from __future__ import annotations

from typing import Any

MAPPING_VERSION = 1
BASES = ("articles", "claims", "stories")

# One analyzer for every full-text field the search box queries: with
# simple_query_string's default AND, a stop word that one field keeps and
# another drops would make a query require "the" in the field that keeps it.
TEXT_ANALYZER = "cw_text"

SETTINGS: dict[str, Any] = {
    "number_of_shards": 1,
    # One replica when there is a second node to hold it, none on a single node,
    # so a one-node stack is green rather than permanently yellow.
    "auto_expand_replicas": "0-1",
    "analysis": {
        "analyzer": {
            TEXT_ANALYZER: {"type": "standard", "stopwords": "_english_"},
        },
        "normalizer": {
            "cw_lower": {"type": "custom", "filter": ["lowercase"]},
        },
    },
}

_KEYWORD: dict[str, Any] = {"type": "keyword"}
_DATE: dict[str, Any] = {"type": "date"}
_TEXT: dict[str, Any] = {"type": "text", "analyzer": TEXT_ANALYZER}


def _text_with_keyword(ignore_above: int = 512) -> dict[str, Any]:
    """Searchable text that can also be filtered on and aggregated exactly."""
    return {
        **_TEXT,
        "fields": {"keyword": {"type": "keyword", "ignore_above": ignore_above}},
    }


ARTICLE_PROPERTIES: dict[str, Any] = {
    "id": _KEYWORD,
    "outlet": _KEYWORD,
    "url": {"type": "keyword", "ignore_above": 4096},
    "title": _text_with_keyword(1024),
    # Offsets in the postings let the unified highlighter find fragments without
    # re-analysing the whole article and without the cost of term vectors.
    "text": {**_TEXT, "index_options": "offsets"},
    "lemmas": _TEXT,
    "language": _KEYWORD,
    "author": {"type": "keyword", "ignore_above": 512},
    "published_at": _DATE,
    "submitted_at": _DATE,
    "indexed_at": _DATE,
    # published_at, or submitted_at when the article has no date: the date the
    # story window is measured on, so undated articles still find their story.
    "story_date": _DATE,
    "story_id": _KEYWORD,
    # Canonical entity keys ("org:islamic-state"), the field filters and story
    # matching use; display names separately for full-text search.
    "entities": _KEYWORD,
    "entity_names": _text_with_keyword(),
    # "key\x1fname" pairs: one terms aggregation then yields facets with both the
    # key (to filter on) and the name (to show), without a second lookup.
    "entity_tags": _KEYWORD,
    # Places once each per article. An object, not nested: filters only ever test
    # one sub-field (key or name), so per-place correlation is never needed, and
    # locations.point is the geo_point array geo filters use.
    "locations": {
        "properties": {
            "key": _KEYWORD,
            "name": _KEYWORD,
            "kind": _KEYWORD,
            "country_code": _KEYWORD,
            "point": {"type": "geo_point"},
        }
    },
    "location_tags": _KEYWORD,
    # Folded forms of every name and mention of the article's entities and places
    # ("rastan", "ar rastan", "hama", "hamah"), so a filter finds a place or a
    # person the way a user writes it, not only by the gazetteer's spelling.
    "entity_aliases": _KEYWORD,
    "place_names": _KEYWORD,
    # Keys and names of the speakers of this article's claims, so "articles
    # quoting X" is a filter on the article index rather than a join.
    "speakers": _KEYWORD,
    "claim_count": {"type": "integer"},
    # Title words and the lemmas of the lead, normalised in Python: what story
    # matching compares (in Python) and more_like_this searches (in the index).
    "fingerprint": {
        "type": "text",
        "analyzer": "whitespace",
        "norms": False,
        "index_options": "freqs",
    },
    # Story matching's term bag (indexer.story_features): one keyword per
    # occurrence, so term vectors give its term and document frequencies.
    "story_terms": _KEYWORD,
    # Word runs of the direct quotations (indexer.story_features.quote_terms):
    # two reports quoting one sentence, however else they are worded.
    "quote_terms": _KEYWORD,
    # The article this one is a near-duplicate of (syndicated wire copy), if any.
    "copy_of": _KEYWORD,
    # The full extraction, kept for reads only: not indexed, no mapping to keep in step.
    "extraction": {"type": "object", "enabled": False},
}

CLAIM_PROPERTIES: dict[str, Any] = {
    "id": _KEYWORD,
    "article_id": _KEYWORD,
    # Position of the claim in its article; ids are "{article_id}:{n}".
    "n": {"type": "integer"},
    "outlet": _KEYWORD,
    "published_at": _DATE,
    "story_id": _KEYWORD,
    "speaker": _text_with_keyword(),
    "speaker_name": _text_with_keyword(),
    "speaker_key": _KEYWORD,
    "speaker_type": _KEYWORD,
    "speaker_country": _KEYWORD,
    "cue": {"type": "keyword", "normalizer": "cw_lower", "ignore_above": 256},
    "content": _TEXT,
    "direct": {"type": "boolean"},
    "entities": _KEYWORD,
    "places": _KEYWORD,
    "start": {"type": "integer"},
    "end": {"type": "integer"},
}

# One document per story, rewritten whenever an article joins or stories merge
# (indexer.story_docs), so story lists and views need no aggregation.
STORY_PROPERTIES: dict[str, Any] = {
    "id": _KEYWORD,
    "title": _text_with_keyword(1024),
    # The article the title comes from: the one most central to the story.
    "central_article_id": _KEYWORD,
    "first_published_at": _DATE,
    "last_published_at": _DATE,
    # story_date bounds (publication, else submission time) for undated stories.
    "first_date": _DATE,
    "last_date": _DATE,
    "outlets": _KEYWORD,
    "article_ids": _KEYWORD,
    "article_count": {"type": "integer"},
    "copy_count": {"type": "integer"},
    # Most frequent across the story's articles, as keys and as "key\x1flabel\x1fname" tags.
    "entities": _KEYWORD,
    "entity_tags": _KEYWORD,
    "places": _KEYWORD,
    "location_tags": _KEYWORD,
    "speakers": _KEYWORD,
    "claim_ids": _KEYWORD,
    "claim_count": {"type": "integer"},
    "updated_at": _DATE,
}

PROPERTIES: dict[str, dict[str, Any]] = {
    "articles": ARTICLE_PROPERTIES,
    "claims": CLAIM_PROPERTIES,
    "stories": STORY_PROPERTIES,
}


def mappings(base: str) -> dict[str, Any]:
    """The mappings of one index (``articles``, ``claims`` or ``stories``)."""
    return {
        "dynamic": "strict",
        "_meta": {"crosswire_mapping_version": MAPPING_VERSION},
        "properties": PROPERTIES[base],
    }


def versioned_index(prefix: str, base: str, version: int = MAPPING_VERSION) -> str:
    """The concrete index behind the alias ``{prefix}{base}``."""
    return f"{prefix}{base}-v{version}"


def template_name(prefix: str, base: str) -> str:
    return f"{prefix}crosswire-{base}"


def index_template(prefix: str, base: str) -> dict[str, Any]:
    """A composable template for every version of ``base``.

    Any future ``{base}-vN`` created for a migration gets the current settings and
    mappings without repeating them. The priority keeps it above the built-in
    templates of the full distribution should a prefix ever overlap their patterns.
    """
    return {
        "index_patterns": [f"{prefix}{base}-v*"],
        "priority": 500,
        "template": {"settings": SETTINGS, "mappings": mappings(base)},
        "_meta": {"crosswire_mapping_version": MAPPING_VERSION},
    }

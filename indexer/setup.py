"""Start-up creation of templates, indices and aliases.

Every step is idempotent and tolerates a concurrent caller doing the same thing
(an API process and several workers start together), so there is no separate
"migrate" step to forget: each process calls :func:`ensure_indices` on start.
"""

from __future__ import annotations

from elasticsearch import ApiError, Elasticsearch

from crosswire.settings import Settings

from .mappings import BASES, PROPERTIES, index_template, template_name, versioned_index


class IndexSetupError(RuntimeError):
    """The cluster holds something under our names that we cannot reconcile."""


def _error_type(err: ApiError) -> str:
    info = err.info if isinstance(err.info, dict) else {}
    error = info.get("error")
    return str(error.get("type", "")) if isinstance(error, dict) else ""


def ensure_indices(es: Elasticsearch, settings: Settings) -> None:
    """Make sure templates, the current versioned indices and their aliases exist."""
    prefix = settings.index_prefix
    for base in BASES:
        alias = settings.index_name(base)
        index = versioned_index(prefix, base)
        # Re-putting the template is a cheap overwrite with identical content.
        es.indices.put_index_template(
            name=template_name(prefix, base), **index_template(prefix, base)
        )
        _create_index(es, index, alias)
        # Additive mapping changes within a version reach existing indices here;
        # a conflicting change fails loudly, which means: bump MAPPING_VERSION.
        es.indices.put_mapping(index=index, properties=PROPERTIES[base])
        _ensure_alias(es, index, alias)
    es.cluster.health(index=[settings.index_name(b) for b in BASES],
                      wait_for_status="yellow", timeout="30s")


def _create_index(es: Elasticsearch, index: str, alias: str) -> None:
    """Create ``index`` with its alias in one step; losing a race to another process is fine."""
    if es.indices.exists(index=index):
        return
    try:
        # Settings and mappings come from the template; the alias is created
        # atomically with the index, so no reader ever sees one without the other.
        es.indices.create(index=index, aliases={alias: {"is_write_index": True}})
    except ApiError as err:
        kind = _error_type(err)
        if kind == "resource_already_exists_exception":
            return
        if kind == "invalid_alias_name_exception":
            raise IndexSetupError(
                f"{alias!r} exists as a concrete index, so it cannot be the alias of "
                f"{index!r}; it was probably auto-created by a write before set-up. "
                "Delete or migrate it."
            ) from err
        raise


def _ensure_alias(es: Elasticsearch, index: str, alias: str) -> None:
    """Point ``alias`` at ``index`` if it does not already (e.g. someone removed it)."""
    if es.indices.exists_alias(name=alias, index=index):
        return
    if es.indices.exists_alias(name=alias):
        # The alias points elsewhere: a migration in progress or a newer version.
        # Leave it alone; moving aliases is a deliberate operator action.
        return
    es.indices.update_aliases(
        actions=[{"add": {"index": index, "alias": alias, "is_write_index": True}}]
    )


def drop_indices(es: Elasticsearch, settings: Settings, *, allow_unprefixed: bool = False) -> None:
    """Remove every versioned index and template under ``settings.index_prefix``.

    For tests and local resets; nothing in the service calls it. Refuses an empty
    prefix unless told, because that is where a real deployment keeps its data.
    """
    prefix = settings.index_prefix
    if not prefix and not allow_unprefixed:
        raise ValueError("refusing to drop unprefixed indices without allow_unprefixed=True")
    for base in BASES:
        # Wildcard deletes are refused by default (action.destructive_requires_name),
        # so resolve the concrete names first.
        found = es.indices.get(index=f"{prefix}{base}-v*", expand_wildcards="all")
        for name in found:
            es.options(ignore_status=404).indices.delete(index=name)
        es.options(ignore_status=404).indices.delete_index_template(
            name=template_name(prefix, base)
        )

"""Validation errors in the one shape every client sees: the field, and what is wrong."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel


class FieldError(BaseModel):
    field: str
    message: str
    type: str


def field_errors(
    errors: Iterable[Any], skip: Sequence[str] = ("body", "query", "path")
) -> list[FieldError]:
    """Turn pydantic's error dicts into FieldErrors; errors of the whole object name
    the field given in their context (``ctx.field``)."""
    out = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ()) if str(p) not in skip]
        ctx = err.get("ctx") or {}
        field = ".".join(loc) or str(ctx.get("field", "")) or "body"
        out.append(
            FieldError(
                field=field,
                message=str(err.get("msg", "invalid")),
                type=str(err.get("type", "invalid")),
            )
        )
    return out

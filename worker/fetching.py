"""Fetching an article's page when only its URL was submitted.

The only outside I/O a worker does besides the index. Limits exist because the
URL comes from a client: a time limit per request, a cap on the body size (read as
a stream, so a huge page never sits in memory), a bounded number of redirects,
http/https only, and (unless allowed) no addresses on private networks, so the
service cannot be used to probe the network it runs in.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from crosswire.settings import Settings
from worker.errors import PermanentError, TransientError


@dataclass(frozen=True)
class FetchedPage:
    url: str
    status: int
    html: str


def _check_target(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PermanentError(f"not an http(s) URL: {url}")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise TransientError(f"cannot resolve {parts.hostname}: {exc}") from exc
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved:
            raise PermanentError(f"refusing to fetch a private address: {parts.hostname}")


def fetch_page(url: str, settings: Settings) -> FetchedPage:
    """GET ``url`` within the limits in ``settings``; raise Transient/PermanentError."""

    def guard(request: httpx.Request) -> None:
        # Runs before every request, redirects included.
        _check_target(str(request.url), settings.fetch_allow_private)

    headers = {"User-Agent": settings.fetch_user_agent, "Accept": "text/html,application/xhtml+xml"}
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=settings.fetch_max_redirects,
                timeout=settings.fetch_timeout_s,
                headers=headers,
                event_hooks={"request": [guard]},
            ) as client,
            client.stream("GET", url) as resp,
        ):
            if resp.status_code in (408, 429) or resp.status_code >= 500:
                raise TransientError(f"{url} answered {resp.status_code}")
            if resp.status_code >= 400:
                raise PermanentError(f"{url} answered {resp.status_code}")
            ctype = resp.headers.get("content-type", "")
            if ctype and "html" not in ctype and "xml" not in ctype and "text" not in ctype:
                raise PermanentError(f"{url} is not a page (content-type {ctype})")
            body = bytearray()
            for chunk in resp.iter_bytes():
                body.extend(chunk)
                if len(body) > settings.fetch_max_bytes:
                    raise PermanentError(f"{url} is larger than {settings.fetch_max_bytes} bytes")
            encoding = resp.charset_encoding or "utf-8"
            return FetchedPage(
                url=str(resp.url),
                status=resp.status_code,
                html=body.decode(encoding, errors="replace"),
            )
    except httpx.TooManyRedirects as exc:
        raise PermanentError(f"{url}: more than {settings.fetch_max_redirects} redirects") from exc
    except httpx.UnsupportedProtocol as exc:
        raise PermanentError(f"{url}: redirected to an unsupported scheme") from exc
    except httpx.TransportError as exc:
        raise TransientError(f"{url}: {type(exc).__name__}: {exc}") from exc

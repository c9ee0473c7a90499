"""What a click on a link in an article may do.

Articles are untrusted: a link may point at a local file, a ``javascript:`` URL or some
other scheme a desktop would hand to a program. Only web links are ever opened, in the
browser, and only after the reader confirmed; everything else is shown but inert.
"""

from __future__ import annotations

from enum import Enum
from urllib.parse import urlsplit

WEB_SCHEMES = frozenset({"http", "https"})


class LinkKind(Enum):
    WEB = "web"          # may be opened in the browser after confirmation
    FRAGMENT = "fragment"  # "#section" inside the article: nothing to open
    BLOCKED = "blocked"  # local files, javascript:, data:, mailto:, unknown schemes


def classify(href: str) -> LinkKind:
    href = href.strip()
    if not href or href.startswith("#"):
        return LinkKind.FRAGMENT
    try:
        parts = urlsplit(href)
    except ValueError:
        return LinkKind.BLOCKED
    if parts.scheme.lower() in WEB_SCHEMES and parts.netloc:
        return LinkKind.WEB
    return LinkKind.BLOCKED


def describe_blocked(href: str) -> str:
    """The status-bar line for a link Reader will not follow."""
    try:
        scheme = urlsplit(href.strip()).scheme.lower()
    except ValueError:
        return f"This link is malformed and is not followed: {href}"
    if scheme in ("", "file"):
        return f"Links to local files are not followed: {href}"
    return f"Links of type “{scheme}:” are not followed"

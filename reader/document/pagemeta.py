"""A saved page's title, date, author, site name and address, as trafilatura reads them.

Trafilatura's ``extract_metadata`` also collects categories, tags and a licence, which
Reader does not show: their searches through every link of the page are most of its
time on a heavy page (about 40 ms of CPU with them, 2 ms without, on the 1 MB page of
``benchmarks/webpages.py``) and a third of it on a small one. So the
fields are asked of its metadata module one by one, in the order and with the
precedence ``extract_metadata`` gives them (markup ``<meta>``, then JSON-LD, then the
page's own elements); only a site name that repeats the title is not kept (:func:`_site`).
Those helpers are not trafilatura's public interface, which is why its version is pinned
to the minor release they were read from, and why a test compares the two ways on every
test page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PageMeta:
    """What the header shows, and the address that relative links are resolved against."""

    title: str | None = None
    date: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None


def read(root: Any) -> PageMeta:
    """The metadata of a parsed page; nothing at all when the library fails on it."""
    try:
        return _read(root)
    except Exception:  # noqa: BLE001 - a fault of the library on an odd page must not refuse the page
        return PageMeta()


def date_params() -> dict[str, Any]:
    """Dates only from the page's markup (meta, JSON-LD, ``<time>``, its address).

    The extensive search guesses from free text and takes "© 2023" for 1 January 2023.
    """
    return {"original_date": True, "extensive_search": False, "max_date": datetime.date.today().isoformat()}


def _read(root: Any) -> PageMeta:
    from htmldate import find_date
    from trafilatura import metadata as tm

    found = tm.examine_meta(root)
    if found.author and " " not in found.author:  # a user name, not a byline
        found.author = None
    try:
        found = tm.extract_meta_json(root, found)  # JSON-LD overrides the <meta> tags
    except Exception:  # noqa: BLE001 - malformed JSON-LD: the <meta> tags stand, as in trafilatura
        pass
    found.title = found.title or tm.extract_title(root)
    found.author = found.author or tm.extract_author(root)
    found.url = found.url or tm.extract_url(root)
    found.date = find_date(root, url=found.url, **date_params())
    found.sitename = _site(found.sitename or tm.extract_sitename(root), found.url, tm.META_URL, found.title)
    found.clean_and_trim()  # entities, control characters and white space, as trafilatura leaves them
    return PageMeta(found.title, found.date, found.author, found.sitename, found.url)


def _site(name: str | None, url: str | None, host: Any, title: str | None = None) -> str | None:
    """A handle loses its "@", a lower-case name gets capitals; without one, the host name.

    A "name" that holds the title is a piece of the ``<title>`` line ("Opinion | Free buses
    won't fill the seats", when the site's name came after a dash): the header would show
    the title twice, so the host name stands in for it.
    """
    if name and title and " ".join(title.split()).casefold() in " ".join(name.split()).casefold():
        name = None
    if name:
        name = name.lstrip("@")
        return name.title() if name and "." not in name and not name[0].isupper() else name
    match = host.match(url) if url else None
    return match[1] if match else None

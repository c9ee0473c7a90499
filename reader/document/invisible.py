"""Characters a page holds but never shows: a soft hyphen (``&shy;``, a place where a browser may
break a word), a zero-width space, a word joiner, a zero-width no-break space.

Inside a word they make it another word to the analysis ("Jas\u00admine", "Genevi\u200beve") while
the reader sees the plain one, so every loader takes them out of the text. Zero-width joiners and
non-joiners stay: they change how a word is drawn in Persian, Indic scripts and emoji.
"""

from __future__ import annotations

import re

INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_ENTITIES = re.compile(r"&(?:shy;|#0*(?:173|8203|8288|65279);|#[xX]0*(?:ad|AD|200[bB]|2060|[fF][eE][fF][fF]);)")
"""The same characters written as HTML references (``&shy;``, ``&#8203;``, ``&#x200B;``)."""


def without_invisible(text: str) -> str:
    """``text`` without the characters of :data:`INVISIBLE`."""
    return INVISIBLE.sub("", text)


def markup_without_invisible(markup: str) -> str:
    """HTML without those characters, written out or as references, before it is parsed."""
    return _ENTITIES.sub("", without_invisible(markup))

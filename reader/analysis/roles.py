"""A person's role as the text gives it: "NATO Secretary-General Jens Stoltenberg",
"Putin, the Russian president,".

Only what stands right before the name (ending on a title word, or on the office a title
is for: "European Commissioner for Maritime Affairs Helena Varga") or in an appositive
right after it counts; anything looser would put words in the article's mouth.
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import Lexicon, fold
from reader.analysis.names import capitalised

MAX_ROLE_WORDS = 6
_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")
_APPOSITIVE = re.compile(r"[ \t]?,[ \t]+(?:(?:the|The|a|an|A|An)[ \t]+)?([^,.;:!?\n\"\u201c\u201d()]{2,80}?)[ \t]*[,.;]")
_BINDERS = frozenset({"of", "and", "for", "'s", "\u2019s"})
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ"})
_WORD = re.compile(r"\S+")
_MAX_OBJECT_WORDS = 4
_STOPS = ",;:.!?\"\u201c\u201d()"
_LOWER_NOUN_TAGS = frozenset({"NN", "NNS"})
_FUNCTION_WORDS = frozenset({"and", "or", "but", "nor", "with", "by", "from", "to", "in", "on", "at", "as", "for", "of"})
_ABBREVIATIONS = frozenset({"gov", "sen", "sens", "rep", "reps", "gen", "col", "maj", "capt", "lt", "adm", "cmdr",
                            "sgt", "cpl", "dr", "prof", "rev", "mr", "mrs", "ms", "messrs", "mme", "mlle", "supt",
                            "insp", "det", "atty", "amb", "pres", "st"})


def title_before(text: str, start: int, lex: Lexicon) -> str | None:
    """``"title"`` or ``"honorific"`` when such a word stands right before ``start``, or a title
    with its object ("Commissioner for Maritime Affairs Helena Varga")."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return None
    word = m.group(1)
    if _ends_sentence(word):
        return None
    if lex.is_honorific(word):
        return "honorific"
    if lex.is_title(word) and word not in lex.given_names:
        return "title"
    return "title" if role_object_before(text, start, lex) else None


def role_object_before(text: str, start: int, lex: Lexicon) -> tuple[int, int] | None:
    """The span of a title's object right before a name: "Maritime Affairs" in "Commissioner for
    Maritime Affairs Helena Varga", "State" in "Secretary of State Antony Blinken".

    Titles name their office this way, so the capitalised words belong to the role, and the
    name after them is a person's.
    """
    words: list[tuple[int, int]] = []
    pos = start
    while len(words) <= _MAX_OBJECT_WORDS:
        m = _WORD_BEFORE.search(text, max(0, pos - 60), pos)
        if not m:
            return None
        s, e = m.start(1), m.end(1)
        word = m.group(1)
        if word in ("for", "of") and words:
            title = _WORD_BEFORE.search(text, max(0, s - 60), s)
            if title and lex.is_title(title.group(1)) and not _ends_sentence(title.group(1)) \
                    and title.group(1)[-1] not in ",;:":
                return words[-1][0], words[0][1]
            return None
        if not word[:1].isupper() or word[-1] in _STOPS or lex.is_title(word):
            return None
        words.append((s, e))
        pos = s
    return None


def _ends_sentence(word: str) -> bool:
    """A word closing a sentence ("aide."), unlike an abbreviated title ("Gov.", "Sen.")."""
    return word[-1] in "!?\"\u201d" or (word[-1] == "." and fold(word) not in _ABBREVIATIONS)


def role_before(text: str, start: int, tags: dict[int, str], lex: Lexicon) -> str | None:
    """The role phrase ending right before a name, e.g. "NATO Secretary-General", "European
    Commissioner for Maritime Affairs", "Norway's fisheries minister" (from "…, Lars Holmgren");
    not what a role after "of" belongs to ("the government of President", "the home of investor")."""
    obj = role_object_before(text, start, lex)
    end = obj[1] if obj else None
    pos = start
    if obj:  # the title stands before "for" / "of"
        binder = _WORD_BEFORE.search(text, max(0, obj[0] - 60), obj[0])
        pos = binder.start(1) if binder else obj[0]
    words: list[tuple[int, int]] = []
    nouns = False
    while len(words) < MAX_ROLE_WORDS:
        m = _WORD_BEFORE.search(text, max(0, pos - 60), pos)
        if not m:
            break
        s, e = m.start(1), m.end(1)
        word = text[s:e]
        if not words:
            if not lex.is_title(word) or word in lex.given_names or _ends_sentence(word):
                return None  # "Dean Jones" has no role "Dean", nor "Lund" one in "… an aide. Lund said"
            nouns = not capitalised(word)  # "fisheries minister", but not "in that case President"
        elif not _role_part(word, s, tags, lex, nouns) or (
                fold(word) == "for" and any(lex.is_title(text[a:b]) for a, b in words)):
            break  # "finance chairman for former Florida governor Jeb Bush": his role is the governor's
        elif not obj and fold(text[words[-1][0]:words[-1][1]]) == "of" and not capitalised(word) \
                and not lex.is_title(word) and _role_opening(text[words[-2][0]:words[-2][1]], lex):
            break  # "the government of President Petro Ostrenko", "the team of campaign manager …": his office
        # Nouns stand next to the title: not "the detention of veteran dissident", "donation Libyan leader".
        nouns = nouns and fold(word) not in _BINDERS and (not capitalised(word) or len(words) == 0)
        words.append((s, e))
        pos = s
    while words and not capitalised(text[words[-1][0]:words[-1][1]]) and fold(text[words[-1][0]:words[-1][1]]) in _BINDERS:
        words.pop()
    if not words:
        return None
    return held_by_one(text[words[-1][0]:end or words[0][1]].rstrip(",;:"), lex) or None


def held_by_one(role: str, lex: Lexicon) -> str:
    """``role`` as one person holds it: a title written in the plural before a list of names
    ("Sens. Ann Ries of Utah and Tom Berg", "presidential candidates Ann Ries and Tom Berg") or
    after them is each one's in the singular ("Sen.", "presidential candidate"); a word the titles
    hold as it is ("boss", "actress") stays."""
    head = role.rsplit(None, 1)[-1] if role.strip() else ""
    folded = fold(head)
    if not head or folded in lex.titles or not folded.endswith("s") or folded[:-1] not in lex.titles:
        return role
    one = head[:-2] + "." if head.endswith("s.") else head[:-1]
    return role[:len(role) - len(head)] + one


def _role_opening(word: str, lex: Lexicon) -> bool:
    """Whether a role after "of" opens with ``word`` as a role of its own: a title or a noun in
    lower case ("President", "campaign manager"), not a name ("Reserve bank of India governor")."""
    return lex.is_title(word) or not capitalised(word)


def _role_part(word: str, start: int, tags: dict[int, str], lex: Lexicon, nouns: bool) -> bool:
    """Whether a word before a title still belongs to the role; lowercase nouns only with ``nouns``."""
    if word[-1] in ",;:.!?\"\u201c\u201d)" and not re.fullmatch(r"(?:[A-Z]\.)+", word):
        return False
    folded = fold(word)
    if lex.is_title(word) or folded in lex.role_modifiers or (folded in _BINDERS and folded != "and"):
        return True  # "and" would reach into another name: "Yitzhak Mordechai and Israeli President"
    if nouns and not capitalised(word) and tags.get(start) in _LOWER_NOUN_TAGS and folded not in lex.not_names \
            and folded not in _FUNCTION_WORDS:
        return True  # "fisheries minister", "harbour director"
    if not capitalised(word) or folded in lex.not_names or folded in ("the", "a", "an"):
        return False
    if tags.get(start) in _PROPER_TAGS:
        return True
    return not word.endswith(("'s", "\u2019s")) and (lex.is_demonym(word) or word.isupper())


def role_after(text: str, end: int, tags: dict[int, str], lex: Lexicon) -> str | None:
    """An appositive role: "Jens Stoltenberg, NATO's secretary-general, said"."""
    m = _APPOSITIVE.match(text, end)
    if not m:
        return None
    spans = [(w.start(), w.group()) for w in _WORD.finditer(text, m.start(1), m.end(1))]
    words = [w for _, w in spans]
    if not words or len(words) > MAX_ROLE_WORDS:
        return None
    head = words[:words.index("of")] if "of" in words else words  # "secretary-general of NATO"
    if not head or not lex.is_title(head[-1]):
        return None
    for start, w in spans:
        f = fold(w)
        if not (capitalised(w) or lex.is_title(w) or f in lex.role_modifiers or f in _BINDERS
                or f in ("the", "a", "an") or w.endswith(("'s", "\u2019s")) or tags.get(start) in _NOUN_TAGS):
            return None
    return held_by_one(m.group(1), lex)

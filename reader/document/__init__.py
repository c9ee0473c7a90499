"""Articles and their loaders (plain text, Markdown, saved web pages). No Qt here."""

from reader.document.article import Article, Block, Style
from reader.document.loaders import MAX_FILE_BYTES, load, parse, verbatim

__all__ = ["Article", "Block", "Style", "MAX_FILE_BYTES", "load", "parse", "verbatim"]

"""The ``reader`` command: parses arguments and hands over; no logic of its own.

    reader [FILE] [--screenshot OUT.png]    the window
    reader analyze FILE [--json] | --batch IN.jsonl
    reader notes add|list|search|export|import ...
    reader cache info|clear
    reader library add PATH… | update | list
    reader actors [TEXT] [--kind K]
    reader quotes [TEXT] [--speaker NAME] [--after D] [--before D] [--format markdown|csv]

Every failure the user can act on ends here as one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from reader import __version__
from notes.errors import StoreError
from reader.errors import ReaderError

EXIT_FAILURE = 1
_SUBCOMMANDS = {"analyze": "reader.analyze_cmd", "notes": "reader.notes_cmd", "cache": "reader.cache_cmd",
                "library": "reader.library_cmd", "actors": "reader.actors_cmd", "quotes": "reader.quotes_cmd"}
"""Each headless sub-command's module: ``build_parser()`` and ``run(args) -> exit status``."""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", metavar="DIR",
                        help="folder for the note store and caches (default: the user data dir, "
                             "or $READER_DATA_DIR)")


def window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Open an article in the reading window. Sub-commands: "
                    "'reader analyze …' (headless analysis), 'reader notes …' (the note store), "
                    "'reader cache info|clear' (the analysis cache), 'reader library add|update|list' "
                    "(articles), 'reader actors' and 'reader quotes' (who said what across the library).",
    )
    parser.add_argument("file", nargs="?", help="a .txt, .md or .html article (default: the bundled sample)")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="open, wait for the analysis, save a picture of the window and exit")
    parser.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm)")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    _common(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        command = _SUBCOMMANDS.get(args_list[0]) if args_list else None
        if command is not None:
            module = importlib.import_module(command)
            parser = module.build_parser()
            _common(parser)
            return int(module.run(parser.parse_args(args_list[1:])))
        args = window_parser().parse_args(args_list)
        from reader.ui.app import run_window

        return run_window(args)
    except (ReaderError, StoreError) as err:
        print(f"reader: {err}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_FAILURE

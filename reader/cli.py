"""The ``reader`` command: parses arguments and hands over; no logic of its own.

    reader [FILE] [--screenshot OUT.png]    the window
    reader analyze FILE [--json] | --batch IN.jsonl
    reader notes add|list|search|export|import ...
    reader cache info|clear

Every failure the user can act on ends here as one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader import __version__
from notes.errors import StoreError
from reader.errors import ReaderError

EXIT_FAILURE = 1


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", metavar="DIR",
                        help="folder for the note store and caches (default: the user data dir, "
                             "or $READER_DATA_DIR)")


def window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Open an article in the reading window. Sub-commands: "
                    "'reader analyze …' (headless analysis), 'reader notes …' (the note store) "
                    "and 'reader cache info|clear' (the analysis cache).",
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
        if args_list and args_list[0] == "analyze":
            from reader import analyze_cmd

            parser = analyze_cmd.build_parser()
            _common(parser)
            return analyze_cmd.run(parser.parse_args(args_list[1:]))
        if args_list and args_list[0] == "notes":
            from reader import notes_cmd

            parser = notes_cmd.build_parser()
            _common(parser)
            return notes_cmd.run(parser.parse_args(args_list[1:]))
        if args_list and args_list[0] == "cache":
            from reader import cache_cmd

            parser = cache_cmd.build_parser()
            _common(parser)
            return cache_cmd.run(parser.parse_args(args_list[1:]))
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

"""``reader cache``: what the analysis cache holds and under which fingerprint; clear it."""

from __future__ import annotations

import argparse
import json
import sys

from reader import paths
from reader.core import Core


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader cache",
                                     description="The analysis cache (derived data, safe to delete).")
    sub = parser.add_subparsers(dest="action", required=True)
    info = sub.add_parser("info", help="entries, size and the fingerprint new analyses are filed under")
    info.add_argument("--json", action="store_true", help="print one JSON object")
    info.add_argument("--model", help="spaCy pipeline whose entries count as current (default: en_core_web_sm)")
    clear = sub.add_parser("clear", help="remove every cached analysis")
    for command in (info, clear):
        # also accepted after the sub-command; the CLI adds the same option before it
        command.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                             help="folder of the cache (default: the user data dir, or $READER_DATA_DIR)")
    return parser


def run(args: argparse.Namespace) -> int:
    with Core(paths.data_dir(args.data_dir), model=getattr(args, "model", None)) as core:
        if args.action == "clear":
            removed = core.clear_cache()
            print(f"removed {removed:,} cached {'analysis' if removed == 1 else 'analyses'} "
                  f"from {paths.cache_dir(core.data_dir)}")
            return 0
        info = core.cache_info()
        fingerprint, model = core.analysis_identity()
    report = {"folder": str(info.folder), "fingerprint": fingerprint, "model": model,
              "generation": info.generation, "entries": info.entries, "current_entries": info.current_entries,
              "bytes": info.bytes, "cap_bytes": info.cap_bytes}
    if args.json:
        json.dump(report, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        print(f"folder       {info.folder}\nfingerprint  {fingerprint}\nmodel        {model}\n"
              f"entries      {info.entries:,} ({info.current_entries:,} of this fingerprint and model)\n"
              f"size         {info.bytes / 2**20:.1f} MB of {info.cap_bytes / 2**20:.0f} MB")
    return 0

"""The ``reportedly`` command line.

::

    reportedly extract article.txt --published 2025-12-23
    reportedly extract records.jsonl --format jsonl --jobs 2 --output out.jsonl
    cat article.txt | reportedly extract - --only dates,quotes
    reportedly plugins
    reportedly --version

Exit status: 0 on success; 1 when some article failed (each failure is reported on stderr and
every other result is still written); 2 on a usage error (missing file, bad date, unknown step,
bad config), with one clear line and never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Iterator, Mapping, Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import IO, NoReturn

from reportedly import __version__
from reportedly.config import load_config
from reportedly.errors import ReportedlyError
from reportedly.io import ReadProblem, read_articles, write_json, write_jsonl
from reportedly.model import Analysis, Article, parse_published
from reportedly.pipeline import DEFAULT_STEPS, Pipeline
from reportedly.plugins import ENTRY_POINT_GROUP, load_registry

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"reportedly: error: {message} (see 'reportedly --help')\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reportedly",
        description="Turn news articles into quotes, sources, dates, weapons and events (JSON).",
    )
    parser.add_argument("--version", action="version", version=f"reportedly {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    extract = commands.add_parser(
        "extract",
        help="extract from articles and write JSON",
        description="Read articles (.txt: one article a file; .json/.jsonl: records with 'text' "
        "and optional id, title, published, url, outlet, language; '-': standard input) and "
        "write one reportedly/1 object per article.",
    )
    extract.add_argument("paths", nargs="*", metavar="PATH", help="files to read, or - for stdin")
    extract.add_argument(
        "--published", metavar="DATE", help="publication date for articles that do not give one"
    )
    extract.add_argument("--config", metavar="FILE", help="pipeline configuration (TOML)")
    extract.add_argument(
        "--only",
        metavar="NAMES",
        help=f"comma-separated steps (default: {','.join(DEFAULT_STEPS)})",
    )
    extract.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default=None,
        help="json (indented; default) or jsonl (one object a line)",
    )
    extract.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes")
    extract.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    extract.add_argument("--no-text", action="store_true", help="leave article.text out")
    extract.add_argument(
        "--text-key",
        default="text",
        metavar="KEY",
        help="record field holding the text (default: text)",
    )

    commands.add_parser("plugins", help="list steps and plugins, where each comes from")
    return parser


def _fail(message: str) -> int:
    print(f"reportedly: error: {message}", file=sys.stderr)
    return 2


def _make_pipeline(args: argparse.Namespace) -> Pipeline:
    steps = [s.strip() for s in args.only.split(",") if s.strip()] if args.only else None
    if args.config:
        loaded = load_config(args.config)
        # --only overrides the file's step list; its [steps.*] settings still apply
        return Pipeline(
            steps if steps is not None else loaded.steps, loaded.config, plugins=loaded.plugins
        )
    return Pipeline(steps)


def _extract(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        return _fail(f"--jobs must be at least 1, not {args.jobs}")
    paths = args.paths or ["-"]
    for path in paths:
        if path != "-" and not Path(path).is_file():
            return _fail(f"{path}: no such file")
    if paths.count("-") > 1:
        return _fail("standard input (-) can be read only once")
    if "-" in paths and sys.stdin.isatty():
        return _fail("no PATH given and standard input is a terminal")
    try:
        published = parse_published(args.published) if args.published else None
        pipeline = _make_pipeline(args)
    except ReportedlyError as error:
        return _fail(str(error))

    problems = 0
    progress = sys.stderr.isatty()

    def articles() -> Iterator[Article]:
        nonlocal problems
        for item in read_articles(paths, published=published, text_key=args.text_key):
            if isinstance(item, ReadProblem):
                problems += 1
                print(f"reportedly: {item}", file=sys.stderr)
            else:
                yield item

    def analyses() -> Iterator[Analysis]:
        nonlocal problems
        for count, analysis in enumerate(pipeline.pipe(articles(), n_process=args.jobs), 1):
            for error in analysis.errors:
                problems += 1
                name = analysis.article.id or f"article {count}"
                print(
                    f"reportedly: {name}: step {error.extractor!r} failed: "
                    f"{error.type}: {error.message}",
                    file=sys.stderr,
                )
            if progress:
                print(f"\rreportedly: {count} articles", end="", file=sys.stderr, flush=True)
            yield analysis
        if progress:
            print(file=sys.stderr)

    fmt = args.format or ("jsonl" if args.output and args.output.endswith(".jsonl") else "json")
    writer = write_jsonl if fmt == "jsonl" else write_json
    try:
        if args.output:
            with open(args.output, "w", encoding="utf-8") as stream:
                written = writer(analyses(), stream, include_text=not args.no_text)
        else:
            out: IO[str] = sys.stdout
            written = writer(analyses(), out, include_text=not args.no_text)
    except ReportedlyError as error:
        return _fail(str(error))
    except BrokenPipeError:
        raise  # the reader went away: main() ends quietly
    except OSError as error:
        return _fail(f"{args.output or 'stdout'}: {error.strerror}")
    if written == 0 and problems == 0:
        print("reportedly: no articles were read", file=sys.stderr)
    return 1 if problems else 0


def _provided(plugin: object, hook: str) -> str:
    """A hook a plugin implements, with how many entries a vocabulary hook adds
    ("weapon_terms (1 entry)"); a hook that fails when called says so instead."""
    label = hook.removeprefix("reportedly_")
    if hook == "reportedly_extractors":
        return label
    try:
        entries = getattr(plugin, hook)()
        if isinstance(entries, (str, bytes, Mapping)):
            return f"{label} (not a list)"
        count = len(list(entries)) if entries is not None else 0
    except Exception as error:  # noqa: BLE001 - a listing must not fail on a broken hook
        return f"{label} (fails: {type(error).__name__})"
    return f"{label} ({count} {'entry' if count == 1 else 'entries'})"


def _plugins() -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        registry = load_registry(True)
    origins = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(ep, "dist", None)
        origins[ep.name] = f"{dist.name} {dist.version}" if dist is not None else ep.value
    print("Steps:")
    width = max((len(n) for n in registry.extractors), default=4)
    for name, info in sorted(registry.extractors.items()):
        where = "built-in" if info.plugin == "reportedly" else origins.get(info.plugin, info.plugin)
        requires = ", ".join(info.requires) or "-"
        print(f"  {name:<{width}}  from {where}; requires {requires}")
    print("Plugins:")
    hooks = (
        "reportedly_extractors",
        "reportedly_weapon_terms",
        "reportedly_speech_verbs",
        "reportedly_source_descriptors",
        "reportedly_event_triggers",
        "reportedly_date_patterns",
    )
    listed = False
    for name, plugin in registry.manager.list_name_plugin():
        if name.startswith("reportedly."):
            continue
        provides = [_provided(plugin, h) for h in hooks if hasattr(plugin, h)]
        print(f"  {name}: {origins.get(name, name)}; provides {', '.join(provides) or 'nothing'}")
        listed = True
    if not listed:
        print("  (no third-party plugins installed)")
    if registry.failures:
        print("Failed to load:")
        for failure in registry.failures:
            print(f"  {failure.name} ({failure.value}): {failure.error}")
    return 0


def _format_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    line: str | None = None,
) -> str:
    return f"reportedly: warning: {message}\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _build_parser()
    # one line per warning (a skipped plugin, undecodable input), not Python's two-line format
    warnings.formatwarning = _format_warning
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors: return, do not raise
        return stop.code if isinstance(stop.code, int) else 2
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "plugins":
            return _plugins()
    except KeyboardInterrupt:
        print("reportedly: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly like other Unix tools, and point
        # stdout at devnull so the interpreter's final flush does not complain either
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    parser.print_help(sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())

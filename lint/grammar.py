"""Reaching LanguageTool through language-tool-python (an optional, GPL-licensed extra).

Two ways, from `[tool.mtlint.grammar]` or the command line:

    remote-server = "http://localhost:8010"   # a team's server, or the official Docker image
    # or nothing: a local LanguageTool managed by language-tool-python (Java 17+ and an
    # installed LanguageTool under $LTP_PATH); mtlint never downloads it.

When neither can be had, `connect` raises GrammarUnavailable with one line saying what is
missing and how to provide it; the engine then skips the grammar rules.
"""
from __future__ import annotations

import atexit
import os
import shutil

from lint import MtlintError

DEFAULTS = {"remote-server": None, "language": "en-US", "timeout": 30, "disabled-rules": [], "max-chars": 20000}


class GrammarUnavailable(Exception):
    pass


def grammar_settings(settings) -> dict:
    """The grammar table, validated (unknown keys and bad values name the config file and line)."""
    from lint.config import _key_line

    values = dict(DEFAULTS)
    where = f"{settings.path}:{_key_line(settings.raw_text, 'grammar') or 1}" if settings.path else "grammar"
    for key, value in settings.grammar.items():
        if key not in DEFAULTS:
            raise MtlintError(f"{where}: grammar: unknown key {key!r} (known: {', '.join(sorted(DEFAULTS))})")
        ok = {"remote-server": lambda v: isinstance(v, str) and v.startswith(("http://", "https://")),
              "language": lambda v: isinstance(v, str) and v,
              "timeout": lambda v: isinstance(v, (int, float)) and v > 0,
              "disabled-rules": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
              "max-chars": lambda v: isinstance(v, int) and v >= 1000}[key]
        if not ok(value):
            raise MtlintError(f"{where}: grammar.{key} has a bad value {value!r}")
        values[key] = value
    return values


_CLIENTS: dict = {}


def connect(options: dict):
    """A LanguageTool client for these options (one per process), or GrammarUnavailable."""
    key = (options["remote-server"], options["language"], options["timeout"])
    if key in _CLIENTS:
        return _CLIENTS[key]
    try:
        import language_tool_python
    except ImportError:
        raise GrammarUnavailable("the grammar extra is not installed: pip install 'mtlint[grammar]'") from None

    class Client(language_tool_python.LanguageTool):
        _TIMEOUT = options["timeout"]  # the library waits 300 s by default; a linter must not hang

    server = options["remote-server"]
    if not server:
        _require_local_languagetool()
    try:
        client = Client(options["language"], remote_server=server) if server else Client(options["language"])
    except Exception as e:  # unreachable server, refused port, bad answer: all end the same way
        reason = str(e).splitlines()[0][:200] if str(e) else type(e).__name__
        where = f"the LanguageTool server at {server}" if server else "the local LanguageTool"
        raise GrammarUnavailable(f"{where} could not be reached ({reason})") from None
    if options["disabled-rules"]:
        client.disabled_rules = set(options["disabled-rules"])
    _CLIENTS[key] = client
    if not server:
        atexit.register(client.close)
    return client


def _require_local_languagetool() -> None:
    """Never let language-tool-python download LanguageTool: it fails offline and on CI."""
    from language_tool_python.download_lt import LocalLanguageTool

    missing = []
    if shutil.which("java") is None:
        missing.append("Java 17+ (`java` is not on PATH)")
    if not os.environ.get("LTP_JAR_DIR_PATH") and LocalLanguageTool.get_latest_installed_version() is None:
        where = os.environ.get("LTP_PATH") or "~/.cache/language_tool_python"
        missing.append(f"an installed LanguageTool (none under {where}; set LTP_PATH)")
    if missing:
        raise GrammarUnavailable(
            "no LanguageTool: set `remote-server` under [tool.mtlint.grammar] (or --grammar-server URL), "
            "or provide " + " and ".join(missing))


def check_text(client, text: str, max_chars: int):
    """LanguageTool matches for `text`, in chunks of whole paragraphs; offsets in code points
    of `text` (language-tool-python maps the server's UTF-16 offsets to code points)."""
    start = 0
    while start < len(text):
        end = min(len(text), start + max_chars)
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            end = cut + 2 if cut > start else end
        for match in client.check(text[start:end]):
            yield start, match
        start = end

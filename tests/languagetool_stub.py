"""A small LanguageTool HTTP server for tests, answering /v2/languages and /v2/check in the JSON
format of LanguageTool's HTTP API (https://languagetool.org/http-api/), on loopback.

It knows three checks, enough to exercise the client and mtlint's mapping:
  EN_A_VS_AN             "a" before a word that starts with a vowel letter
  MORFOLOGIK_RULE_EN_US  words listed in UNKNOWN_WORDS (a spelling complaint)
  COMMA_PARENTHESIS_WHITESPACE  a space before a comma
Offsets are counted in UTF-16 code units, as the Java server counts them.
"""
from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

UNKNOWN_WORDS = {"Haftar", "Aggar", "Tripolli", "recieved"}
LANGUAGES = [{"name": "English", "code": "en", "longCode": "en"},
             {"name": "English (US)", "code": "en", "longCode": "en-US"},
             {"name": "English (GB)", "code": "en", "longCode": "en-GB"}]


def utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def _match(text, start, end, rule_id, message, replacements, issue_type, category):
    offset, length = utf16(text, start), utf16(text, end) - utf16(text, start)
    ctx_start = max(0, start - 20)
    context = text[ctx_start:end + 20]
    return {
        "message": message, "shortMessage": "", "replacements": [{"value": r} for r in replacements],
        "offset": offset, "length": length,
        "context": {"text": context, "offset": utf16(text, start) - utf16(text, ctx_start), "length": length},
        "sentence": text[max(0, text.rfind(".", 0, start) + 1):end].strip(),
        "type": {"typeName": "Other"},
        "rule": {"id": rule_id, "description": message, "issueType": issue_type,
                 "category": {"id": category, "name": category.title()}},
        "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
    }


def check(text: str) -> list[dict]:
    matches = []
    for m in re.finditer(r"\b([Aa])\s+([aeiouAEIOU]\w*)", text):
        matches.append(_match(text, m.start(1), m.end(1), "EN_A_VS_AN",
                              "Use “an” instead of ‘a’ if the following word starts with a vowel sound.",
                              ["an" if m.group(1) == "a" else "An"], "misspelling", "MISC"))
    for m in re.finditer(r"\w+", text):
        if m.group() in UNKNOWN_WORDS:
            matches.append(_match(text, m.start(), m.end(), "MORFOLOGIK_RULE_EN_US",
                                  "Possible spelling mistake found.", ["Hafter"] if m.group() == "Haftar" else [],
                                  "misspelling", "TYPOS"))
    for m in re.finditer(r" ,", text):
        matches.append(_match(text, m.start(), m.end(), "COMMA_PARENTHESIS_WHITESPACE",
                              "Put a space after the comma, but not before the comma.", [","], "whitespace", "TYPOGRAPHY"))
    return sorted(matches, key=lambda x: x["offset"])


class Handler(BaseHTTPRequestHandler):
    def _send(self, data, status=200):
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        if urlparse(self.path).path.rstrip("/").endswith("/v2/languages"):
            self._send(LANGUAGES)
        else:
            self._send({"error": "not found"}, 404)

    def do_POST(self):  # noqa: N802
        if not urlparse(self.path).path.rstrip("/").endswith("/v2/check"):
            self._send({"error": "not found"}, 404)
            return
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode("utf-8"))
        text = form.get("text", [""])[0]
        disabled = set(",".join(form.get("disabledRules", [])).split(","))
        self.server.requests.append(form)
        self._send({
            "software": {"name": "LanguageTool", "version": "6.4", "buildDate": "2024-03-28", "apiVersion": 1,
                         "premium": False, "status": ""},
            "warnings": {"incompleteResults": False},
            "language": {"name": "English (US)", "code": form.get("language", ["en-US"])[0],
                         "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.99}},
            "matches": [m for m in check(text) if m["rule"]["id"] not in disabled],
        })

    def log_message(self, *args):
        pass


def start():
    """Start on a free loopback port; returns (server, base URL). Stop with server.shutdown()."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.requests = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"

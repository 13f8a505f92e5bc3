"""Generated inputs for the cache: any value of the kinds summaries hold round-trips exactly; any
damage to an entry is ignored, never raised; and no folder tree mtlint did not make loses a byte
when a cache is pointed at it. Seeded, so a failure repeats; MTLINT_EXAMPLES raises the count for
a longer run."""
import json
import os
import random
from array import array
from collections import Counter, defaultdict

import pytest

from lint.cache import Cache, decode, dumps, encode, entry_bytes, loads, valid_file_result
from lint.finding import Related

EXAMPLES = int(os.environ.get("MTLINT_EXAMPLES", "2000"))


def _text(rng):
    alphabet = "ab$ \n\r\t\x00é中\U0001f600\udcff\"\\{}"
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(6)))


def _hashable(rng, depth):
    kind = rng.randrange(5 if depth > 0 else 4)
    if kind == 0:
        return rng.randrange(-10**12, 10**12)
    if kind == 1:
        return _text(rng)
    if kind == 2:
        return rng.choice([None, True, False, 0.5, -0.0, float("inf")])
    if kind == 3:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(4)))
    return tuple(_hashable(rng, depth - 1) for _ in range(rng.randrange(3)))


def _value(rng, depth=3):
    if depth == 0:
        return _hashable(rng, 0)
    kind = rng.randrange(12)
    n = rng.randrange(4)
    if kind == 0:
        return [_value(rng, depth - 1) for _ in range(n)]
    if kind == 1:
        return tuple(_value(rng, depth - 1) for _ in range(n))
    if kind == 2:
        return {_text(rng): _value(rng, depth - 1) for _ in range(n)}
    if kind == 3:
        return {_hashable(rng, 1): _value(rng, depth - 1) for _ in range(n)}
    if kind == 4:
        return {_hashable(rng, 1) for _ in range(n)}
    if kind == 5:
        return frozenset(_hashable(rng, 1) for _ in range(n))
    if kind == 6:
        return Counter({_text(rng): rng.randrange(100) for _ in range(n)})
    if kind == 7:
        d = defaultdict(list)
        for _ in range(n):
            d[_text(rng)].append(_value(rng, depth - 1))
        return d
    if kind == 8:
        return array("I", [rng.randrange(2**32) for _ in range(n)])
    if kind == 9:
        return Related(_text(rng), rng.randrange(1, 99), rng.randrange(1, 99), _text(rng))
    return _hashable(rng, depth)


def test_any_value_round_trips_exactly():
    rng = random.Random(20261125)
    for i in range(EXAMPLES):
        value = _value(rng)
        text = json.dumps(encode(value))
        back = decode(json.loads(text))
        assert back == value, (i, value)
        assert _same(back, value), (i, value)  # the same types all the way down


def _same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a) and (
            type(a) is not defaultdict or a.default_factory is b.default_factory)
    if isinstance(a, (set, frozenset)):
        return {(type(x), x) for x in a} == {(type(x), x) for x in b}
    return a == b


def _sample_result():
    from lint.config import load_settings
    from lint.document import Document
    from lint.engine import Linter

    linter = Linter(load_settings(None), select=["ALL"])
    doc = Document("a.txt", "[ad_1]\nTurkish defense mister Akar met Aggar.\n\nMore Posts\nAkar said.\n")
    result = linter.lint_document(doc)
    result.digest = "0" * 32
    return result


def test_damaged_entries_are_ignored_never_raised():
    rng = random.Random(7)
    good = dumps(_sample_result())
    header, _, body = good.partition(b"\n")
    assert loads(good, valid_file_result) is not None
    for _ in range(EXAMPLES):
        raw = bytearray(body if rng.random() < 0.7 else good)
        for _ in range(rng.randrange(1, 4)):
            op = rng.randrange(3)
            pos = rng.randrange(len(raw) + 1)
            if op == 0 and raw:
                raw[min(pos, len(raw) - 1)] = rng.randrange(256)
            elif op == 1:
                del raw[pos:pos + rng.randrange(1, 50)]
            else:
                raw[pos:pos] = rng.choice([b'{"$":"o"}', b"[", b"]", b'"', b"\\u", b"1e999", b"null", b'{"$":"t"}'])
        for candidate in (bytes(raw), entry_bytes(bytes(raw))):  # with the checksum made to match
            value = loads(candidate, valid_file_result)
            assert value is None or valid_file_result(value)


def _tree(rng, root):
    names = ["a.txt", ".git", "CACHEDIR.TAG", ".gitignore", "0" * 24, "ab" * 12, "runs", "x",
             "MTLINT-SETUP", "f" * 62 + ".json", "e" * 64 + ".pickle"]
    os.makedirs(root)
    for _ in range(rng.randrange(0, 8)):
        folder = root
        for _ in range(rng.randrange(0, 3)):
            folder = os.path.join(folder, rng.choice(names))
            if os.path.isfile(folder):
                break
            os.makedirs(folder, exist_ok=True)
        else:
            path = os.path.join(folder, rng.choice(names))
            if not os.path.exists(path):
                with open(path, "wb") as f:
                    f.write(rng.choice([b"", b"data", b"Signature: 8a477f597d28d172789f06886806bc55\n# other\n"]))


def _snapshot(root):
    out = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            out[os.path.relpath(os.path.join(folder, name), root)] = None
        for name in files:
            with open(os.path.join(folder, name), "rb") as f:
                out[os.path.relpath(os.path.join(folder, name), root)] = f.read()
    return out


def test_no_foreign_folder_loses_a_byte(tmp_path):
    rng = random.Random(3)
    result = _sample_result()
    for i in range(max(50, EXAMPLES // 10)):
        root = str(tmp_path / f"t{i}")
        _tree(rng, root)
        before = _snapshot(root)
        for key in ("1" * 24, "2" * 24):
            cache = Cache(root, key)
            cache.put("a.txt", "d", True, result)
            assert cache.get("a.txt", "d", True) is None or before == {}
        if before:  # not empty, and not tagged by mtlint (no tree above writes mtlint's tag)
            assert _snapshot(root) == before, i
        else:  # an empty folder is adopted, and then only its own setup is left
            after = _snapshot(root)
            assert "CACHEDIR.TAG" in after and "1" * 24 not in after and "2" * 24 in after

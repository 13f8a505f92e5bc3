"""The store of compiled rule patterns: used when sound, ignored when not, never fatal."""
from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys

import pytest
import regex

from lint import regex_store


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A fresh store in a temporary cache folder, with this process's memory of it cleared."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("MTLINT_NO_PATTERN_STORE", raising=False)
    monkeypatch.setattr(regex_store, "_memo", {})
    monkeypatch.setattr(regex_store, "_stored", None)
    monkeypatch.setattr(regex_store, "_missing", False)
    return tmp_path


def forget(monkeypatch):
    """As a new process would start: nothing in memory, the file still there."""
    monkeypatch.setattr(regex_store, "_memo", {})
    monkeypatch.setattr(regex_store, "_stored", None)


def test_a_pattern_comes_back_from_the_store_without_compiling(store, monkeypatch):
    pattern = r"(?<![\p{L}])(?P<w>\p{Lu}\p{Ll}+)(?:[ ]\p{Lu}\p{Ll}+){1,3}"
    first = regex_store.compile(pattern, regex.V1 | regex.IGNORECASE)
    regex_store.flush()
    assert os.path.isfile(regex_store.store_path())
    assert regex_store.store_path().startswith(str(store))

    forget(monkeypatch)
    monkeypatch.setattr(regex, "compile", lambda *a, **k: pytest.fail("compiled again"))
    again = regex_store.compile(pattern, regex.V1 | regex.IGNORECASE)
    text = "then Ali Baba And Forty met"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)] != []
    assert again.flags == first.flags


def test_nothing_missing_means_the_file_is_not_rewritten(store, monkeypatch):
    regex_store.compile(r"\bcat\b")
    regex_store.flush()
    before = os.stat(regex_store.store_path()).st_mtime_ns
    forget(monkeypatch)
    regex_store.compile(r"\bcat\b")
    regex_store.flush()
    assert os.stat(regex_store.store_path()).st_mtime_ns == before


def write_raw(payload: bytes, checksum: bytes | None = None) -> None:
    path = regex_store.store_path()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    digest = checksum if checksum is not None else hashlib.sha256(payload).hexdigest().encode()
    with open(path, "wb") as f:
        f.write(regex_store.HEADER + digest + b"\n" + payload)


class _Exploit:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (exec, (f"open({self.marker!r}, 'w').write('ran')",))


@pytest.mark.parametrize("damage", ["truncated", "wrong checksum", "foreign callable", "wrong shape"])
def test_a_bad_store_is_ignored_and_never_runs_code(store, monkeypatch, damage):
    marker = str(store / "ran")
    if damage == "truncated":
        regex_store.compile(r"\bdog\b")
        regex_store.flush()
        forget(monkeypatch)
        with open(regex_store.store_path(), "r+b") as f:
            f.truncate(os.path.getsize(regex_store.store_path()) - 5)
    elif damage == "wrong checksum":
        write_raw(pickle.dumps({(r"\bdog\b", 0): regex.compile("cat")}), checksum=b"0" * 64)
    elif damage == "foreign callable":
        write_raw(pickle.dumps({(r"\bdog\b", 0): _Exploit(marker)}))
    else:
        write_raw(pickle.dumps([r"\bdog\b"]))
    found = regex_store.compile(r"\bdog\b")
    assert found.search("a dog") and not found.search("a cat")
    assert not os.path.exists(marker)
    regex_store.flush()  # and the file is replaced by a sound one
    forget(monkeypatch)
    assert regex_store._load()[(r"\bdog\b", 0)].pattern == r"\bdog\b"


def test_turned_off_it_neither_reads_nor_writes(store, monkeypatch):
    monkeypatch.setenv("MTLINT_NO_PATTERN_STORE", "1")
    regex_store.compile(r"\bowl\b")
    regex_store.flush()
    assert not os.path.exists(regex_store.store_path())


def test_an_unwritable_cache_folder_is_not_an_error(store, monkeypatch):
    blocker = store / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert regex_store.compile(r"\bfox\b").search("a fox")
    regex_store.flush()  # cannot write under a file: silently skipped
    assert blocker.read_text() == "not a folder"


def test_a_bad_pattern_raises_as_regex_does(store):
    with pytest.raises(regex.error):
        regex_store.compile(r"(unclosed")


def test_a_second_run_compiles_none_of_the_rules_patterns(tmp_path):
    """End to end: the first run writes the store, the next finds every rule pattern in it."""
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    env.pop("MTLINT_NO_PATTERN_STORE", None)
    probe = ("from lint import regex_store; from lint.registry import load_rules; load_rules(); "
             "print(len(regex_store._memo), len(regex_store._stored))")
    runs = [subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
            for _ in range(2)]
    (used1, stored1), (used2, stored2) = (map(int, r.stdout.split()) for r in runs)
    assert stored1 == 0 and used1 > 100  # the first run compiled them all
    assert stored2 >= used2 == used1  # the second found them all stored
    assert regex_store.store_path().rsplit(os.sep, 1)[1] in os.listdir(tmp_path / "mtlint")


def test_no_home_means_no_store_rather_than_a_folder_where_mtlint_runs(store, monkeypatch, tmp_path):
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(os.path, "expanduser", lambda p: p)  # as when the user has no home
    monkeypatch.chdir(tmp_path)
    regex_store.compile(r"\bemu\b")
    regex_store.flush()
    assert sorted(os.listdir(tmp_path)) == []

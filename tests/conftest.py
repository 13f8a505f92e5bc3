import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "seeds")
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def run_mtlint(*args, cwd=None, input=None, env=None):
    """Run the installed command as a user would; returns CompletedProcess (text)."""
    # a developer's colour settings must not put escape codes into output the tests read
    full_env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True, text=True,
                          input=input, env=full_env, timeout=300)


@pytest.fixture
def seeds_copy(tmp_path):
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest, ignore=shutil.ignore_patterns(".mtlint_cache"))
    return dest


@pytest.fixture
def mtlint():
    return run_mtlint


@pytest.fixture(scope="session")
def languagetool_url():
    """A LanguageTool stand-in on loopback (see languagetool_stub.py); the real client talks to it."""
    pytest.importorskip("language_tool_python", reason="the grammar extra is not installed")
    import languagetool_stub

    server, url = languagetool_stub.start()
    yield url
    server.shutdown()

"""mtlint: lint corpora of English news articles for machine-translation artifacts."""

import importlib.util as _util
import os as _os
import sys as _sys

__version__ = "0.1.0"

CATEGORIES = (
    "scrape_residue",
    "dateline",
    "typography",
    "foreign_script",
    "mt_calque",
    "mt_confusable",
    "loaded_language",
    "attribution",
    "acronym",
    "name_variant",
    "terminology",
    "title_conflict",
    "fact_conflict",
    "duplicate",
    "readability",
    "grammar",
)

SEVERITIES = ("info", "warning", "error")


class MtlintError(Exception):
    """A problem the user must fix (bad config, rule file, baseline...): exit code 2."""


def _use_source_rules() -> None:
    """Installed, the top-level rules/ folder is the package lint.rules. Run from a source tree
    (`python -m lint` in a checkout), lint/ has no rules/ inside: load the sibling folder as it."""
    here = _os.path.dirname(_os.path.abspath(__file__))
    source = _os.path.join(_os.path.dirname(here), "rules")
    if "lint.rules" in _sys.modules or _os.path.isdir(_os.path.join(here, "rules")):
        return
    init = _os.path.join(source, "__init__.py")
    if _os.path.isfile(init):
        spec = _util.spec_from_file_location("lint.rules", init, submodule_search_locations=[source])
        module = _util.module_from_spec(spec)
        _sys.modules["lint.rules"] = module
        spec.loader.exec_module(module)


_use_source_rules()

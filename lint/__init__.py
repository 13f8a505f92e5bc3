"""mtlint: lint corpora of English news articles for machine-translation artifacts."""

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

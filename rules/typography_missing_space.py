"""No space after the full stop that ends a sentence ("last month.Police said").

What it flags: a full stop, question mark, exclamation mark or ellipsis, optionally followed by a
quotation mark, glued to the capitalized word that starts the next sentence: "month.Police",
"illegally.“We", "interest.”This".

Why it matters: sentences run together when paragraphs are joined by a scraper or a translation
tool drops the space. Readers stumble, and so does every tool that splits sentences.

Not flagged: abbreviations and initials ("U.S.Army" has a one-letter word before the stop, "Ph.D"
no capital and lower case after it), web addresses and file names ("News.com", "index.Html" are
"News.Az", "One.Tel": a short capitalized word that does not start a sentence),
tickers ("<smbs.St>"), and an ellipsis glued to the next word ("road...But"), which wire copy
uses for an omission. The fix inserts one space (none for a straight quote: its side is unclear).
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

# Two lower-case letters (or a digit, a closing bracket) before the stop: not an initial or an
# abbreviation such as "U.S.". After it an optional quotation mark, a capital and a lower-case letter.
PATTERN = regex_store.compile(r"(?<=[\p{Ll}]\p{Ll}|\p{Ll}[)\]]|\p{N}\p{Ll})(?P<stop>(?<![.!?…])[.!?](?![.!?]))(?P<quote>[”\"“’]?)(?=\p{Lu}\p{Ll})")
# A short capitalized suffix closing the token is a site name: "News.Az", "One.Tel".
SITE_SUFFIX = regex_store.compile(r"[”\"“’]?\p{Lu}\p{Ll}{1,2}(?![\p{L}\p{N}]|[ \t]+\p{Ll}|[ \t]+\p{Lu})")
WEB = regex_store.compile(r"(?i:<|www\.|https?:|@|\.(?:com|org|net|gov|html?|php|co|uk)\b)")


class MissingSpaceAfterStop(Rule):
    code = "TYP005"
    name = "missing-space-after-stop"
    category = "typography"
    severity = "warning"
    summary = "Two sentences glued together without a space (\"month.Police\")"
    fixable = True
    examples = [
        {"fail": "The warrant expired last month.Police said they would return.", "at": ["1:31"],
         "fix": "The warrant expired last month. Police said they would return."},
        {"fail": "They acted illegally.“We warn them,” he said.", "at": ["1:21"],
         "fix": "They acted illegally. “We warn them,” he said."},
        {"fail": "It served the general interest.”This mission ended.", "fix": "It served the general interest.” This mission ended."},
        {"pass": "It was the second day...Who knows? Shares of Swedish Match <smbs.St> rose."},
        {"pass": "Troops of the U.S.Army and the U.K. left. He holds a Ph.D. In May he left."},
        {"pass": "See www.example.Com or mail news@example.Org for details, the service told News.Az."},
        {"pass": "The talks ended. Police said they would return."},
    ]

    def check(self, doc, ctx):
        text = doc.text
        for m in PATTERN.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            token_start = max(text.rfind(" ", line_start, m.start()), line_start - 1) + 1
            if WEB.search(text, token_start, min(len(text), m.end() + 12)) or SITE_SUFFIX.match(text, m.end()):
                continue
            stop, quote = m.group("stop"), m.group("quote")
            if quote == "“":
                fix = stop + " " + quote
            elif quote == '"':
                fix = None  # a straight quote may open or close: which side the space goes is unclear
            else:
                fix = stop + quote + " "
            yield Hit(m.start(), m.end(), "No space after the end of the sentence", fix=fix)


RULE = MissingSpaceAfterStop

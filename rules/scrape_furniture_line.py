"""A line of page furniture: a widget, caption, credit or stub that came with the scraped page.

What it flags: a stand-alone line (not part of a hard-wrapped paragraph) that a boilerplate
remover would drop, by one of these signs:

- its text is, or starts with, interface text of a website widget (comment and subscription
  forms, share and rating widgets, navigation, "related"/"most read" lists, cookie and captcha
  notices, gallery counters, "Read more: ..." links also in other languages, author boxes and
  "Published" stubs): `rules/data/furniture_lines.txt` and `furniture_prefixes.txt`;
- it is a photo caption or credit: "Photo: ...", "Credit: ...", an agency credit such as
  "(Name/AP)", "REUTERS/Name", "... / Agency" at the end, "Credit: Name" or "(AGENCY)" after the
  last sentence; a short line directly above a credit line is its caption and is flagged with
  it; a "Photo by Name ..." credit inside a line is flagged alone;
- it is a rating or vote counter ("[Total: 12 Average: 4.5]"), a story or file identifier, a
  social-network handle or a source credit alone on a line
  ("20240115-103015", "@ExampleNews", "(example.ge)"), a section label of up to three words
  outside the text ("World News"), a byline glued to a sentence ("said.By Jane Doe"), an
  aggregator's credit with an address ("WRITES: www.example.org"), or the site name a page
  title adds to the headline ("Talks resume | Example News"), an agency's end-of-story mark
  ("./."), or a site's notice that the text was machine-translated;
- it is short, has no sentence shape, and most of its content words are interface vocabulary
  (`rules/data/ui_words.txt`: share, comments, newsletter, print, font, px ...);
- it is a string of hashtags, a string of lower-case keywords with no function word (image alt
  text, SEO keywords), or a byline stub ("By First Last") standing alone;
- after the last paragraph of running text, in a tail that holds other furniture, a title-cased
  line without final punctuation: the headline of a related item.

Why it matters: such lines are not part of the article; they are read as text by search, by
translation memories and by models trained on the corpus, and a republished copy shows them.

What is not flagged: lines that SCR002 (site chrome) reports; the same words inside running text ("readers can leave a reply on the
forum", "photo by photo"), lines of hard-wrapped wire copy, tables of figures, headlines at the
top of the article, quotations. The fix removes the whole line with its line break, and the
blank line after it when the line stood between blank lines.
"""
from __future__ import annotations

import os
from functools import lru_cache

import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule
from lint.rules.scrape_site_chrome import chrome_line

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")

_BULLET = regex_store.compile(r"^[\s\-–—•*·+>»›|#\d.)]*?(?=\p{L}|$)")
_TRAIL = " \t.!:*|>»›-–—…"
# "(Jane Doe/AP)", "(ANTARA Photo/Jane Doe)", "(Photo: VGP/Jane Doe)": one slash between
# capitalized names, no comma, some lower case (not a table heading such as "(DLRS/TONNE)"), at
# the end of the line (not a list of players and clubs, "(Sale/ENG), ...").
_CREDIT_PAREN = regex_store.compile(
    r"\((?=[^()\n]{0,90}\p{Ll})(?:[Pp]hotos?: ?)?\p{Lu}[^()\n/,]{0,40}/\p{Lu}[^()\n/,]{0,40}\)(?=[ \t|]*$)")
# "REUTERS/Jane Doe": an agency in capitals, a slash, a person's name.
_CREDIT_CAPS = regex_store.compile(r"\b\p{Lu}{3,}(?: Photo)?/\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+(?=[ \t]*(?:$|[/)|]))")
_CREDIT_TAIL = regex_store.compile(r"[.)\d]\s/\s\p{Lu}[\p{L}\p{N}.]{1,20}(?: \p{Lu}[\p{L}\p{N}]{1,20}){0,2}$")
# "... in effect. Credit: Example Press" / "Photo: Jane Doe": a credit after the last sentence.
_CREDIT_END = regex_store.compile(
    r"(?:^|[.!?”\"]\s{1,3})(?:(?:Photo|Image|Picture)\s?)?(?:Credits?|Photo|Source):[ \t]*\p{Lu}[^.!?\n:]{0,60}$")
# A credit inside a line: "... the hearing. Photo by National Example Group On Monday, ..."
_CREDIT_INLINE = regex_store.compile(
    r"(?:^|(?<=[.!?”\"][ \t]{1,3}))(?:Photo|Image|Picture)(?: by|:) \p{Lu}[\p{L}.'’-]*"
    r"(?: (?:\p{Lu}[\p{L}.'’-]*|of|and|the|/)){0,7}")
# A story or file identifier alone on a line: "20240115-103015".
# A byline glued to the end of the previous sentence: "... last term.By Jane Doe".
_GLUED_BYLINE = regex_store.compile(r"(?<=\p{Ll}[.!?])By \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2}\b")
# A social-network handle alone on a line: "@ExampleNews".
_HANDLE = regex_store.compile(r"^@[\p{L}\p{N}_]{2,30}$")
# A source credit alone on a line: "(Example TV)", "(example.ge)".
_SOURCE_LINE = regex_store.compile(
    r"^\((?:(?=[^()\n]{0,40}\p{Ll})\p{Lu}[\p{L}\p{N}]*(?: [\p{Lu}\p{N}][\p{L}\p{N}]*)?|[\p{L}\p{N}-]{2,30}\.[a-z]{2,6})\)$")
# An aggregator's source credit with an address: "- WRITES: www.example.org", "Source: example.com".
_SOURCE_URL = regex_store.compile(
    r"\b(?:WRITES?|Writes?|SOURCE|Source|Via|via):?[ \t]{1,3}(?:https?://)?(?:www\.)?[\p{L}\p{N}-]{2,40}"
    r"(?:\.[\p{L}\p{N}-]{1,40}){0,3}\.(?:com|org|net|info|news|tv|ru|ua|ge|az|kz|kg|uz|ir|tr|gr|cn|kr|vn|id|in|co|uk|eu)\b")
# A page title's site-name suffix on the headline: "Talks resume | Example News", "... – examplenews".
_TITLE_SUFFIX = regex_store.compile(r"(?:[ \t]\|[ \t][^|\n]{2,40}|[ \t][–—-][ \t]\p{Ll}[\p{Ll}\p{N}.]{2,30})$")
# Section and source labels: a line of at most three words naming a news section or outlet.
_LABEL_WORDS = frozenset(["bulletin", "news", "newswire", "newsroom"])
# A site's notice that its text was machine-translated or generated.
_MT_NOTICE = regex_store.compile(
    r"\b(?:versions?|articles?|texts?|content|translations?|page)\b[^.\n]{0,60}?\b(?:automatically|machine)"
    r"[- ](?:generated|translated)|\b(?:automatically|machine)[- ]translated\b", regex.IGNORECASE)
# The end-of-story mark of some news agencies: "... said./." at the end of the last paragraph,
# or glued to the next story's headline on a page that lists several ("... said./. Hue opens ...").
_END_MARK = regex_store.compile(r"(?<=\S)\./\.(?=[ \t]*$|[ \t]{1,3}\p{Lu})")
# A rating or vote counter: "[Total: 12 Average: 4.5]", "Votes: 3", "Rating: 4/5".
_COUNTER = regex_store.compile(
    r"^\[?(?:(?:Total|Votes?|Rating|Average|Score|Views)[ \t]?:[ \t]?\d[\d.,/]{0,8}[ \t]*){1,4}\]?$",
    regex.IGNORECASE)
_STAMP = regex_store.compile(r"^\d{8}[-_]?\d{4,6}$")
_AGENCY_TAIL = regex_store.compile(r"[.!?]\s\((?:\p{Lu}{2,8}|[\p{Lu}][\p{L}]{2,15})\)$")
_BYLINE = regex_store.compile(r"^By \p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,3}$")
_WORD = regex_store.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
_DECIMAL = regex_store.compile(r"\d[.,]\d")  # figures of a table ("Previous - 1614.2"), not a widget


def _entries(name: str) -> list[str]:
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def lexicons():
    return (frozenset(_entries("furniture_lines.txt")), tuple(_entries("furniture_prefixes.txt")),
            frozenset(_entries("ui_words.txt")), frozenset(_entries("stopwords.txt")))


def normalize(line: str, lower: bool = True) -> str:
    """Lower case, straight quotes, digits as 0, single spaces, no leading bullet or counter."""
    text = line.strip().replace("’", "'").replace("‘", "'")
    text = regex.sub(r"\d+", "0", text)
    text = " ".join(text.split())
    m = _BULLET.match(text)
    if m and m.end() < len(text):
        text = text[m.end():]
    return text.lower() if lower else text


# Prefixes after which a name or title follows ("Photo by Jane Doe", "Read more: Talks resume"):
# the next word must not start in lower case ("Photo by photo, the exhibition ...").
_NAMED = (":", " by", " of", " from")


def lexicon_match(line: str, whole_line: bool = True) -> str | None:
    """Whole-line entries (for lines of at most 25 words) or prefix entries (captions and
    notices can be long)."""
    whole, prefixes, _, _ = lexicons()
    cased = normalize(line, lower=False)
    text = cased.lower()
    core = text.rstrip(_TRAIL)
    if whole_line and core in whole:
        return "interface text"
    for p in prefixes:
        if not text.startswith(p):
            continue
        named = p.endswith(_NAMED) and len(p.split()) <= 2
        rest = cased[len(p):].lstrip()
        if len(text) > len(p) and text[len(p)].isalnum() and p[-1] != ":":
            continue
        if named and (not rest or rest[0].islower()) and len(cased) == len(text):
            continue
        return "interface text"
    return None


def credit(line: str) -> bool:
    return bool(_CREDIT_PAREN.search(line) or _CREDIT_CAPS.search(line) or _CREDIT_TAIL.search(line)
                or _AGENCY_TAIL.search(line) or _CREDIT_END.search(line))


def ui_shape(line: str) -> bool:
    """Short, no sentence shape, and mostly interface words."""
    _, _, ui, stop = lexicons()
    words = [w.lower().replace("’", "'") for w in _WORD.findall(line)]
    if not 2 <= len(words) <= 8 or line.rstrip()[-1:] in ".?":
        return False
    content = [w for w in words if w not in stop and not w[0].isdigit()]
    hits = sum(w in ui for w in content)
    # "Share this post on social media", "Font size settings"; "+ - 16 px", "Comments 12".
    return (hits >= 2 and hits * 10 >= len(content) * 6) or (
        hits >= 1 and hits == len(content) and not _DECIMAL.search(line))


def hashtags(line: str) -> bool:
    tokens = line.split()
    return len(tokens) >= 2 and sum(t.startswith("#") and len(t) > 1 for t in tokens) * 10 >= len(tokens) * 8


def keywords(line: str) -> bool:
    """Four to eight lower-case words, no function word, no punctuation: an alt or SEO string."""
    _, _, _, stop = lexicons()
    tokens = line.split()
    if not 4 <= len(tokens) <= 8:
        return False
    return all(t.isalpha() and t.islower() for t in tokens) and not any(t in stop for t in tokens)


def title_cased(line: str) -> bool:
    _, _, _, stop = lexicons()
    words = _WORD.findall(line)
    if len(words) < 4 or line.rstrip()[-1:] in ".!?:;\"”’":
        return False
    content = [w for w in words if w.lower() not in stop]
    upper = sum(w[0].isupper() for w in content)
    digits = sum(w[0].isdigit() for w in content)
    return digits * 4 <= len(content) and upper * 10 >= len(content) * 8 and not line.isupper()


# Classes confident enough that removing the line is a safe fix.
SAFE_TO_REMOVE = {"interface text", "hashtag line"}


class FurnitureLine(Rule):
    code = "SCR005"
    name = "page-furniture-line"
    category = "scrape_residue"
    severity = "warning"
    summary = "A line of page furniture (widget, caption, credit, tag line) left in the article"
    fixable = True
    examples = [
        # Site chrome in the tail is SCR002's: reported once, by that rule.
        {"pass": "Talks resume on Monday, the ministry said in a statement.\n\nMore Posts\n\nSend Us A Message\n"},
        {"fail": "Talks resume on Monday, the ministry said in a statement.\n\nPost a Comment\n\n"
                 "Your email address will not be published. Required fields are marked *\n",
         "at": ["3:1", "5:1"], "fix": "Talks resume on Monday, the ministry said in a statement.\n"},
        {"fail": "Floods hit the north\n\nFont size settings\nPrint this page\n\nRain fell for "
                 "three days across the northern provinces, officials said on Sunday.",
         "at": ["3:1"]},
        {"fail": "The governor visited the flooded villages on Tuesday, his office said.\n\n"
                 "Photo: Jane Doe / Daily Example\n\nRelief convoys arrived later in the week, "
                 "officials said.", "at": ["3:1"]},
        {"fail": "Port reopens\n\nHarbour cranes at dawn\nCredit: Example Press\n\nThe port reopened on "
                 "Monday after a week of strikes, the operator said.", "at": ["3:1", "4:1"]},
        {"fail": "The minister greets visitors at the airport. (Jan Novak/AP)\n\nThe visit lasted two "
                 "days and ended with a joint statement on trade.", "at": ["1:1"]},
        {"fail": "Budget talks stall\n#budget #parliament #talks\n\nTalks on the budget stalled again "
                 "on Monday, lawmakers said after the session.", "at": ["2:1"]},
        {"fail": "Budget talks stall\n\nparliament budget deficit vote\n\nTalks on the budget stalled "
                 "again on Monday, lawmakers said after the session.", "at": ["3:1"]},
        {"fail": "Budget talks stall\n\nBy John Smith\n\nTalks on the budget stalled again on Monday, "
                 "lawmakers said after the session ended late.", "at": ["3:1"]},
        {"fail": "Talks on the budget stalled again on Monday, lawmakers said after the session.\n\n"
                 "Read More: Ministers Meet Unions Over Pay\n\nFarmers Protest New Water Rules In Capital",
         "at": ["5:1"]},  # line 3 is site chrome: SCR002 reports it
        {"fail": "Port reopens\n\nDock workers wait at the gate before dawn. Credit: Example Press\n\nThe port "
                 "reopened on Monday after a week of strikes, the operator said.", "at": ["3:1"]},
        {"fail": "Port reopens\n\nThe port reopened on Monday. Photo by Example Harbour Press Group The "
                 "operator said trade would resume within days, after a week of strikes.", "at": ["3:30"]},
        {"fail": "The port reopened on Monday after a week of strikes, the operator said.\n\n20240115-103015\n"
                 "[Total: 12 Average: 4.5]\n", "at": ["3:1", "4:1"]},
        {"fail": "Port reopens\n\n@ExampleNews\n\nThe port reopened on Monday after a week of strikes, "
                 "the operator said.By Jane Doe", "at": ["3:1", "5:72"]},
        {"fail": "Talks resume | Example Daily\n\nTalks resumed on Monday after a pause of two weeks, the "
                 "ministry said.\n(example.ge)\n\nWorld News", "at": ["1:13", "4:1", "6:1"]},
        {"fail": "Talks resume\n\nTalks resumed on Monday after a pause of two weeks, officials said, - "
                 "WRITES: www.example.org", "at": ["3:71"]},
        {"fail": "Talks resume\n\nTalks resumed on Monday after a pause of two weeks, officials said./.\n\n"
                 "The Spanish and French versions of this page are automatically generated.",
         "at": ["3:67", "5:1"]},
        {"fail": "Headlines\n\nThe new bridge over the river will open to traffic in May, officials said./. "
                 "Hue opens a festival of traditional music for visitors on Monday.", "at": ["3:74"]},
        {"pass": "Readers can leave a reply on the forum, the editor said, and share this with friends.\n\n"
                 "Photo by photo, the exhibition retraces the war."},
        {"pass": "COMPUTER MAKER RAISES DIVIDEND\n\nThe company said it would raise its quarterly\n"
                 "dividend to 12 cts a share from 10 cts, payable\non April 1.\n    Shr 1.20 dlrs vs "
                 "1.10 dlrs\n    Net 5.5 mln vs 4.3 mln\n    Revs 40.1 mln vs 38.2 mln\n REUTER"},
        {"pass": "Budget Talks Stall In Parliament\n\nTalks on the budget stalled again on Monday, "
                 "lawmakers said after the session.\n\nThe next round is set for May."},
        {"pass": "Voters head to the polls\n\nPolls open at 0700 local time. Voters will choose a new "
                 "parliament, and results are due on Monday, officials said."},
    ]

    def check(self, doc, ctx):
        classes = doc.line_classes
        first, last = doc.paragraph_lines
        head = doc.first_content_line
        flagged: dict[int, str] = {}
        inline: list[tuple[int, str]] = []
        chrome: set[int] = set()
        for number, cls in enumerate(classes, start=1):
            if cls in ("blank", "wrapped"):
                continue
            line = doc.line_text(number).strip()
            if chrome_line(line):
                chrome.add(number)  # SCR002 reports it; it still marks the tail as furniture
                continue
            words = len(line.split())
            why = None
            if words <= 60:
                why = lexicon_match(line, whole_line=words <= 25)
            if why is None and words <= 60 and credit(line):
                why = "photo caption or credit"
            if why is None and _STAMP.match(line):
                why = "story identifier"
            if why is None and _COUNTER.match(line):
                why = "rating counter"
            if why is None and _HANDLE.match(line):
                why = "social-network handle"
            if why is None and words <= 40 and _MT_NOTICE.search(line):
                why = "machine-translation notice"
            if why is None and _SOURCE_LINE.match(line):
                why = "source credit"
            if why is None and cls != "wrapped":
                m = _CREDIT_INLINE.search(line)
                if not (m and len(m.group().split()) >= 3):
                    m = _GLUED_BYLINE.search(line) or _SOURCE_URL.search(line) or _END_MARK.search(line)
                    if m is None and number == head:
                        m = _TITLE_SUFFIX.search(line)
                if m:
                    lead = len(doc.line_text(number)) - len(doc.line_text(number).lstrip())
                    inline.append((doc.line_bounds(number)[0] + lead + m.start(), m.group()))
                    continue
            if why is None and cls == "short":
                if ui_shape(line):
                    why = "interface text"
                elif hashtags(line):
                    why = "hashtag line"
                elif number != head and keywords(line):
                    why = "keyword string"
                elif _BYLINE.match(line):
                    why = "byline stub"
            if why:
                flagged[number] = why
        # The running text proper: paragraph lines that are not furniture themselves (a long
        # newsletter blurb is a paragraph line, but the page tail starts before it).
        text_lines = [n for n in range(first, last + 1) if first and classes[n - 1] in ("paragraph", "wrapped")
                      and n not in flagged and n not in chrome]
        if text_lines:
            first, last = text_lines[0], text_lines[-1]
        # Section and source labels of up to three words before or after the running text.
        for number, cls in enumerate(classes, start=1):
            if cls != "short" or number == head or number in flagged or first <= number <= last:
                continue
            line = doc.line_text(number).strip()
            if len(line.split()) <= 3 and line[-1:].isalnum() \
                    and any(w.lower() in _LABEL_WORDS for w in _WORD.findall(line)):
                flagged[number] = "section or source label"
        # Headlines of related items: title-cased lines after the article, in a tail that holds
        # other furniture (a lone title-cased line after the text may be a table or a fixture).
        if last and any(n > last for n in (*flagged, *chrome)):
            for number in range(last + 1, doc.line_count + 1):
                if classes[number - 1] == "short" and number not in flagged and number not in chrome \
                        and title_cased(doc.line_text(number).strip()):
                    flagged[number] = "headline of another item after the article"
        # A caption line directly above a "Credit:"/"Photo:" line.
        for number in list(flagged):
            above = number - 1
            if (above >= 1 and above not in flagged and above != head and classes[above - 1] == "short"
                    and normalize(doc.line_text(number)).startswith(("credit", "photo", "image", "picture"))):
                flagged[above] = "photo caption"
        for start, text in inline:
            yield Hit(start, start + len(text), f"Credit, byline or site name `{text}` left in the text")
        for number in sorted(flagged):
            why = flagged[number]
            start, end = doc.line_bounds(number)
            text = doc.text[start:end]
            message = f"Page furniture ({why}) `{text.strip()[:60]}` left in the article"
            if why in SAFE_TO_REMOVE:
                start, end = doc.line_removal(number)
                yield Hit(start, end, message, fix="")
            else:
                start += len(text) - len(text.lstrip())
                yield Hit(start, start + len(text.strip()), message)


RULE = FurnitureLine

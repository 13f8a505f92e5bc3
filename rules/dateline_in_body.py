"""A wire dateline or an outlet's credit left at the start of a paragraph of the body.

What it flags: the place (and date, and agency) that opens wire copy, kept when the story was
republished: "JAKARTA - The police said", "BAKU, Azerbaijan, The currency", "Dakar, June 8
(APS) – The President", "Jakarta (ANTARA News) – Police", "Hama (ST): Six children", "Damascus,
SANA-A civilian", "Erbil, Kurdistan region – The", "Suara.com – The", "Ara : A criminal", a
dateline glued to the first word ("May 10The heads"), "Moscow, on May 10.", and "from Tehran;"
or "according to the news agency from Isfahan," where a translation kept the source's dateline
inside the sentence.

Why it matters: a republished article carries its own dateline and credit; the source's left in
the text reads as a typo, and it credits an agency the publisher may not have licensed.

Not flagged: the headline (first line), a bare capitalized word and a dash ("Drama - a new
series": a list item), a name and a hyphen in running text. A dateline needs a sign of being one:
a place in capitals, an agency or outlet in brackets, a date, an outlet's web address, or a
place, region and a long dash.
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
DATE = rf"(?:{MONTH}[ ]{{1,2}}\d{{1,2}}(?:st|nd|rd|th)?(?:,[ ]\d{{4}})?|\d{{1,2}}[ ]{MONTH}(?:[ ]\d{{4}})?)"
WORD = r"\p{Lu}[\p{L}’'.-]{0,30}"
PLACE = rf"{WORD}(?:[ ]{WORD}){{0,2}}"
REGION = r"\p{Lu}[\p{L}.-]{0,30}(?:[ ]\p{L}[\p{L}.-]{0,30}){0,2}"
AGENCY = r"\((?=\p{Lu})[^()\n]{1,40}\)"
DASH = r"(?:[-–—]{1,2}|:|_)"

# JAKARTA - / BAKU, Azerbaijan, The / SEOUL, South Korea (AP) – / NUR-SULTAN. KAZINFORM: the
# opening dateline of wire copy. Roundups of briefs carry one per item further down, so it is
# looked for only near the top of the article.
CAPITALS_DATELINE = regex_store.compile(
    rf"(?P<m>(?<!\p{{L}})(?!NOTES?\b)\p{{Lu}}{{3,}}+(?:[ -]\p{{Lu}}{{2,}}){{0,2}}(?:,[ ]{{1,2}}{REGION})?(?:,?[ ]{{1,2}}{DATE})?(?:,?[ ]{{0,2}}{AGENCY})?"
    rf"(?:[ ]{{1,2}}[-–—]{{1,2}}|[-–—]{{1,2}}(?=[ ])|_|,[ ]{{1,2}}{REGION},(?=[ ]\p{{Lu}}\p{{Ll}})|\.[ ]\p{{Lu}}{{3,}}\b))(?=[ ]{{0,2}}(?:[“\"]|\p{{Lu}}\p{{Ll}}|\p{{Lu}}{{2,}}[ ]\p{{Lu}}\p{{Ll}}))")
# (Reuters) - Armenia's prime minister: an agency credit opening the story.
AGENCY_DASH = regex_store.compile(r"(?P<m>\((?!Continued\b)\p{Lu}[\p{L}.]{1,20}(?:[ ]\p{Lu}[\p{L}.]{1,20})?\)[ ]{0,2}[-–—]{1,2})(?=[ ]{1,2}[\p{Lu}“\"])")
TOP_LINES = 4  # the headline, a byline, a credit line, then the dateline

DATELINES = [
    # Jakarta (ANTARA News) – – / Aleppo, (ST) - / Dakar, June 8 (APS) – / Hama (ST):
    regex_store.compile(rf"(?P<m>{PLACE}(?:,[ ]{{1,2}}{REGION})?(?:,?[ ]{{1,2}}{DATE})?,?[ ]{{0,2}}{AGENCY}[ ]{{0,2}}{DASH})(?=[ ]{{0,2}}[\p{{Lu}}“\"\p{{N}}])"),
    # Dakar, June 8 – / Pyongyang, December 23 —
    regex_store.compile(rf"(?P<m>{PLACE},[ ]{{1,2}}{DATE}[ ]{{0,2}}[-–—]{{1,2}})(?=[ ]{{0,2}}[\p{{Lu}}“\"])"),
    # Erbil, Kurdistan region – / M. Faiz Zaki, Jakarta –
    regex_store.compile(rf"(?P<m>{PLACE},[ ]{{1,2}}{REGION}[ ]{{1,2}}(?:[–—]|--))(?=[ ]{{1,2}}[\p{{Lu}}“\"])"),
    # Damascus, SANA-A civilian
    regex_store.compile(rf"(?P<m>{PLACE},[ ]{{1,2}}\p{{Lu}}{{2,8}}-)(?=\p{{Lu}}[ ]|\p{{Lu}}\p{{Ll}}+[ ])"),
    # Suara.com – / CCTV News:On
    regex_store.compile(r"(?P<m>[\p{L}\p{N}-]{2,30}\.(?:com|net|org|co\.[a-z]{2}|[a-z]{2})[ ]{1,2}[-–—]{1,2})(?=[ ]{1,2}\p{Lu})"),
    regex_store.compile(r"(?P<m>\p{Lu}[\p{L}]{1,20}[ ]News[ ]?:)(?=[ ]?\p{Lu})"),
    # Ara : A criminal
    regex_store.compile(rf"(?P<m>{PLACE}[ ]:)(?=[ ]{{1,2}}\p{{Lu}})"),
    # May 10The heads
    regex_store.compile(rf"(?P<m>{DATE})(?=\p{{Lu}}\p{{Ll}})"),
    # Moscow, on May 10.
    regex_store.compile(rf"(?P<m>{PLACE},[ ]on[ ]{DATE}\.)"),
]
# One alternation, one match call per line: the group `m` is the first alternative that matches.
# Tried only where a word starts (as at a line start), so a search never restarts inside a word.
ANY_DATELINE = regex_store.compile(r"(?<![\p{L}\p{N}’'.-])(?:" + "|".join(f"(?:{pattern.pattern})" for pattern in DATELINES) + ")")
# "from Tehran;" inside a sentence: a source's dateline rendered word for word.
# "According to the agency from Isfahan, ...": the same, after the agency's name.
FROM_PLACE = regex_store.compile(r"\b(?P<m>[Ff]rom[ ]\p{Lu}\p{Ll}{2,20};|(?<=\b(?i:agency)[ ])from[ ]\p{Lu}\p{Ll}{2,20},)")
LINE_START = regex_store.compile(r"(?m)^[ \t]*(?=\S)")


class BodyDateline(Rule):
    code = "DTL004"
    name = "body-dateline"
    category = "dateline"
    severity = "warning"
    summary = "A wire dateline or outlet credit at the start of a paragraph of the body"
    examples = [
        {"fail": "Police search office\nJAKARTA - The police searched the office on Monday.", "at": ["2:1"]},
        {"fail": "Rial falls\nBAKU, Azerbaijan, The national currency fell again.", "at": ["2:1"]},
        {"fail": "Council meets\nDakar, June 8 (APS) – The President chaired the council."},
        {"fail": "Probe opens\nJakarta (ANTARA News) – Police opened a probe."},
        {"fail": "Shelling\nHama (ST):  Six children were hurt."},
        {"fail": "Attack\nDamascus, AGN-A civilian was killed on Monday."},
        {"fail": "Talks\nErbil, Kurdistan region – The prime minister spoke."},
        {"fail": "Talks\nExample.com – The candidate responded on Monday."},
        {"fail": "Clash\nAra : A criminal was injured in a clash with police."},
        {"fail": "Plans proceed\n(Agency) - The prime minister said so."},
        {"fail": "Resignations\nMay 10The heads of five regions resigned."},
        {"fail": "Resignations\nMoscow, on May 10. The governors resigned."},
        {"fail": "Schools shut\nAccording to the agency from Tehran; the schools were shut.", "at": ["2:25"]},
        {"fail": "Schools shut\nAccording to the news agency from Isfahan, the schools were shut."},
        {"pass": "Awards\nDrama - Bleak House\nBest actor - Jamie Foxx\nNOTE: Figures are rounded."},
        {"pass": "Roundup\n\nStocks fell.\nBonds fell.\nGold rose.\nPARIS - Airbus said sales rose.\nKHJ-TV station was sold."},
        {"pass": "Grains\n(Continued) - The India State Trading Corp bought wheat.\n(A) - Firm sales."},
        {"pass": "Metals\nNOTE - Figures are rounded.\nZINC - HIGH GRADE  49\nLEAD - 1550 tonnes\nWashington, WCIX-Miami, KTXA-Dallas."},
        {"pass": "Talks\nThe ministry - which rarely comments - said nothing. Chelsea, Arsenal - all lost."},
        {"pass": "Jakarta (ANTARA News) – the headline itself is not flagged\nThe police opened a probe."},
        {"pass": "Results\nMay 10 was the day. In London (UK) people voted."},
    ]

    def check(self, doc, ctx):
        text = doc.text
        title_end = doc.line_bounds(doc.first_content_line)[1]
        nonblank = 0
        for start in LINE_START.finditer(text):
            offset = start.end()
            nonblank += 1
            if offset < title_end:
                continue
            if nonblank <= TOP_LINES:
                m = CAPITALS_DATELINE.match(text, offset)
                if m:
                    yield Hit(m.start("m"), m.end("m"), f"Dateline `{m.group('m').strip()}` left in the body")
                    continue
            m = AGENCY_DASH.match(text, offset) or ANY_DATELINE.match(text, offset)
            if m:
                yield Hit(m.start("m"), m.end("m"), f"Dateline or source credit `{m.group('m').strip()}` left in the body")
        for m in FROM_PLACE.finditer(text):
            yield Hit(m.start("m"), m.end("m"), f"Source dateline `{m.group('m')}` left in the sentence")


RULE = BodyDateline

"""A title joined to a person's name with "of": "dismissed the governor of Sergei Morozov".

What it flags: "the governor of Sergei Morozov", "the head of Ivan Petrov", where "of" is
followed by a person's name, not a place or body. Languages with a genitive or construct case
(Russian "губернатора Сергея Морозова", Arabic idafa, Persian ezafe) put the title and the name
in one phrase; machine translation renders the case ending as "of". English writes
"Governor Sergei Morozov" or "Sergei Morozov, the governor".

How a person is told from a place: the two capitalized words after "of" are read as a name only
when the article uses the last of them on its own elsewhere (people are referred to by
surname: "Morozov said"), and neither word is one that names places or bodies ("New York",
"General Motors", "Foreign Affairs").

What is not flagged: "the governor of New York", "the president of General Motors" (their
second word never stands alone), "the head of the Central Bank", a title with a name of one
word ("the king of Spain").
"""
import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

TITLES = (r"governor|mayor|head|minister|president|chairman|chairwoman|director|ambassador|deputy|spokesman|"
          r"spokeswoman|chief|leader|prime minister|commander|prosecutor|rector|chancellor|premier|speaker")
PATTERN = regex_store.compile(
    r"\b(?i:the|a|acting|former|new) (?P<title>(?i:" + TITLES + r")) of (?P<first>\p{Lu}\p{Ll}{2,}) (?P<last>\p{Lu}\p{Ll}{2,})\b"
    r"(?![ \t]+\p{Lu})")
# Words that make a capitalized pair a place or a body, not a person.
PLACE_WORDS = set("""
Affairs Agency Airlines Airways Authority Bank Bay Beach Board Bureau Business Central City Coast College Commission
Committee Company Corporation Council County Court Defence Defense Department Development District Economy Education
Energy Finance Fund General Group Health Hill Hills Holdings Industries Industry Institute Interior Island Islands
Justice Kingdom Lake Motors National Nations North Oblast Office Party Petroleum Police Port Province Railways Region
Republic River Saint San Santa School Security Service Services South Square State States Street Territory Trade
Transport Union United University Valley Village West East Works Zealand York Jersey Mexico Guinea Korea Africa America
Arabia Emirates Orleans Delhi Kong Leone Rica Lanka Salvador Verde Vegas Angeles Francisco Diego Paulo Janeiro
""".split())


class TitleOfName(Rule):
    code = "CAL004"
    name = "title-of-name"
    category = "mt_calque"
    severity = "warning"
    summary = "A title joined to a person's name with \"of\" (\"the governor of Sergei Morozov\")"
    examples = [
        {"fail": "Putin dismissed the governor of Sergei Morozov on Tuesday. Morozov had served since 2016.",
         "at": ["1:21"]},
        {"fail": "The appointment of the head of Ivan Petrov surprised the region, and Petrov declined to comment.",
         "at": ["1:24"]},
        {"pass": "The governor of New York said the budget would pass. York is a county in England."},
        {"pass": "The president of General Motors met the minister of Foreign Affairs; Motors stock rose."},
        {"pass": "The mayor of Sergei Morozov Street spoke. Governor Sergei Morozov left."},
    ]

    def check(self, doc, ctx):
        text = doc.text
        for m in PATTERN.finditer(text):
            first, last = m.group("first"), m.group("last")
            if first in PLACE_WORDS or last in PLACE_WORDS:
                continue
            # The surname stands alone elsewhere in the article (not right after the first name).
            alone = regex.compile(r"(?<!\b" + regex.escape(first) + r"\s)\b" + regex.escape(last) + r"\b")
            if not any(a.start() != m.start("last") for a in alone.finditer(text)):
                continue
            start = m.start("title")
            yield Hit(start, m.end(), f"`{text[start:m.end()]}`: a title joined to a name with 'of', a literal "
                                      f"rendering of a genitive; write '{m.group('title').title()} {first} {last}'")


RULE = TitleOfName

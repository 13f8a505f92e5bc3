"""A line of website navigation or sharing chrome copied with the article.

What it flags: a whole line that is a classic piece of site chrome: "More Posts", "Send Us A
Message", "Share this:", "Read more", "Click here to subscribe", "Leave a reply", "Tags: ...",
"All rights reserved". Only whole lines are matched, so the same words inside a sentence are not
flagged. (SCR005 classifies page furniture more broadly; it leaves these lines to this rule.)

Why it matters: scrapers that take the whole page body keep the links around the article; they
are not part of it.

The fix deletes the line with its line break (and the blank line after it when it stood between
blank lines), so that no blank lines pile up where it was.
"""
from __future__ import annotations

import regex

from lint import regex_store
from lint.finding import Hit
from lint.rule import Rule

CHROME = regex_store.compile(
    r"^[ \t]*(?<m>"
    r"(?:more|related|recent|popular|latest) (?:posts?|articles?|stories|news)|send us an? (?:message|tip|story)|share (?:this|this article|this story|on (?:facebook|twitter|x|whatsapp|linkedin|telegram))\s*:?|read more(?:\s*:.{0,80})?|click here to .{1,80}|you (?:may|might) also like:?|subscribe(?: now| to our newsletter)?:?|sign up for our newsletter.{0,60}|follow us on .{1,40}|leave a (?:reply|comment)|like this:|loading\.\.\.|previous (?:post|article)|next (?:post|article)|skip to (?:main )?content|back to top|print this (?:page|article)|tags:.{0,120}|filed under:.{0,60}|all rights reserved\.?|copyright ©.{0,80}"
    r")[ \t]*$", regex.IGNORECASE | regex.MULTILINE | regex.V1)


def chrome_line(line: str) -> bool:
    return CHROME.match(line) is not None


class SiteChromeLine(Rule):
    code = "SCR002"
    name = "site-chrome-line"
    category = "scrape_residue"
    severity = "error"
    summary = "A line of website navigation or sharing chrome copied with the article"
    fixable = True
    examples = [
        {"fail": "The ministry said it would respond.\n\nMore Posts\n\nSend Us A Message",
         "at": ["3:1", "5:1"], "fix": "The ministry said it would respond.\n"},
        {"fail": "Talks resume on Monday.\nShare this:\nClick here to subscribe to our daily brief",
         "at": ["2:1", "3:1"], "fix": "Talks resume on Monday.\n"},
        {"fail": "Talks resume on Monday.\n\nRead more\n\nThe envoy arrives on Tuesday.\n",
         "fix": "Talks resume on Monday.\n\nThe envoy arrives on Tuesday.\n"},
        {"pass": "He said there would be more posts along the border and urged readers to send us a message."},
        {"pass": "Read more about the talks in our analysis, the editor wrote."},
    ]

    def check(self, doc, ctx):
        for m in CHROME.finditer(doc.text):
            start, end = m.span("m")
            if start == end:
                continue
            line = doc.line_col(start)[0]
            s, e = doc.line_removal(line)
            yield Hit(s, e, f"Website chrome `{m.group('m')}` left in the article", fix="")


RULE = SiteChromeLine

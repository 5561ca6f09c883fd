"""Datelines, agency credits, bylines and reporter credits: parsed into fields, cut from the body."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from urllib.parse import urlparse

from newstrace.clean.dates import MONTHS, WEEKDAYS
from newstrace.clean.line_vocabulary import STOP_WORDS, WIDGET_WORDS
from newstrace.clean.patterns import AGENCIES, AGENCY_NAMES, ARABIC_AGENCIES, EAST_ASIAN_AGENCIES

_AGENCY_ALTERNATION = "|".join(re.escape(name) for name in sorted(AGENCIES, key=len, reverse=True))
# Every agency's name, its short one and its long one, longest first (for patterns that read both).
_EVERY_AGENCY_NAME = sorted({*AGENCIES, *AGENCY_NAMES}, key=len, reverse=True)
ANY_AGENCY = "|".join(re.escape(name) for name in _EVERY_AGENCY_NAME)
_AGENCY = re.compile(rf"\b({_AGENCY_ALTERNATION})\b")
# A dateline's date with its month first: "Jan 5", "Nov. 30, 2026", "JAN 17".
_WHEN = r"(?:[A-Z][a-z]{2,8}|[A-Z]{3,9})\.?\s+\d{1,2}(?:,\s*\d{4})?"
# "SKOPJE, North Macedonia (AP) — ", "NAIROBI, Jan 5 (Reuters) - ", "PARIS (AFP) – ", "WASHINGTON — ",
# "LONDON, 15 January 2008 (AFP) - ", "PARIS, 3 déc 2025 (AFP) - ", "BERLIN, 3. Dezember (dpa) - ",
# Reuters' places of a story filed from two: "SAN FRANCISCO/NEW YORK (Reuters) - ", "LONDON (Reuters) -The",
# "Madrid, 30 nov (EFE).- ", "AUSTIN, Texas, Nov. 30, 2026 /PRNewswire/ -- ",
# "CHICAGO--(BUSINESS WIRE)--", "LONDON, JAN 17 (PTI) — ", "GAZA CITY, Gaza Strip, (AP) - ", and the
# underscore older AP copy sets for a dash after the tag: "FAIRFIELD, Conn. (AP) _ ".
_DATELINE_OPENING = (
    # Latin or Cyrillic capitals open the place ("ОСТРАВА-НОВА, 14 октября. /ТАСС/. ").
    r"^(?P<place>[A-ZÀ-ÝА-ЯЁ][\w'’.\-]{2,}(?:(?:\s+|/)[A-ZÀ-ÝА-ЯЁ][\w'’.\-]+){0,5}"
    r"(?:,\s*[A-ZÀ-ÝА-ЯЁ][\w'’.\-]*(?:\s+[A-ZÀ-ÝА-ЯЁ][\w'’.\-]*){0,3})?)"
    # The country or state in brackets after the place, as AFP's French copy and ANI set it ("Lyon
    # (France) (AFP) - ", EFE's "Lyon (Francia), 14 oct (EFE).- ", "Mumbai (Maharashtra) [India], December
    # 2 (ANI):"): before another bracket (the date between), and never an agency's tag (a tag alone,
    # "LAGOS (NAN) - ", is the source's).
    rf"(?:\s+\((?!(?:{ANY_AGENCY})\))[A-ZÀ-Ý][\w'’. \-]{{1,30}}\)(?=(?:,?\s+[^()\[\]]{{1,20}}?)?\s*[(\[]))?"
    r"(?:\s+\[[A-ZÀ-Ý][\w'’. \-]{1,30}\])?"
    rf"(?:,?\s+(?P<when>{_WHEN}|\d{{1,2}}\.?\s+[^\W\d_]{{3,9}}\.?(?:,?\s+\d{{4}})?))?"
)
_DATELINE = re.compile(
    _DATELINE_OPENING
    + r"(?:,?\s*(?:(?:--)?\((?P<agency>[^()]{1,40})\)|/(?P<wire>[^/]{3,40})/))?\s*\.?(?P<dash>[—–]|--?|(?<=\))\s_)\s*"
)
# An agency's name without brackets between the place and the dash, as CNN sets its dateline now:
# "Port Averly, Kerrowan CNN — ", "Washington CNN — ". Only a known agency's name: a place's last word
# before a dash is otherwise as likely a name in a headline run into the text.
_BARE_AGENCY_DATELINE = re.compile(_DATELINE_OPENING + rf"\s+(?P<agency>{ANY_AGENCY})\s*(?:[—–]|--?)\s+")
# After an agency's tag, a colon or nothing: "NEW DELHI (PTI): ", "New Delhi, Nov 30 (IANS) The", as
# Indian agencies' copy is printed, and TASS's between slashes: "MOSCOW, November 18. /TASS/. ".
_DATELINE_WITHOUT_DASH = re.compile(
    _DATELINE_OPENING + r"(?:,?\s*\((?P<agency>[^()]{1,40})\)\s*:?|\.?\s*/(?P<wire>[^/]{3,40})/\.?)\s*"
)
# An agency's tag with no place before it: "(Bloomberg) -- ", "(Reuters) - ", "Nov. 30 (UPI) -- ",
# "(CNN)The" (no dash), and the place after it, in capitals: "(ANSA) - ROME, NOV 30 - ".
# The day before the month in capitals, as ANSA sets it after its tag: "(ANSA) - ROME, 14 OCT - ".
_DAY_FIRST = r"\d{1,2}\s+[A-Z]{3,9}\.?"
_TAG_FIRST = re.compile(
    rf"^(?:(?P<when>{_WHEN})\s*)?\((?P<agency>[^()]{{1,40}})\)\s*(?:(?:[—–]|--?)\s*"
    rf"(?:(?P<place>[A-Z][A-Z'’.\-]{{2,}}(?:\s+[A-Z][A-Z'’.\-]+){{0,3}})(?:,\s*(?P<when_after>{_WHEN}|{_DAY_FIRST}))?"
    r"\s*(?:[—–]|--?)\s*)?)?"
)
_EAST_ASIAN_AGENCY = "|".join(re.escape(name) for name in sorted(EAST_ASIAN_AGENCIES, key=len, reverse=True))
_ARABIC_AGENCY = "|".join(re.escape(name) for name in sorted(ARABIC_AGENCIES, key=len, reverse=True))
_OTHER_SCRIPT_AGENCIES = {**EAST_ASIAN_AGENCIES, **ARABIC_AGENCIES}
_ARABIC_WORD = r"[\u0621-\u064A][\u0621-\u065F]*"
# Chinese "新华社北京3月4日电（记者 王立）", Japanese "【ワシントン共同】", Korean "(서울=연합뉴스) 홍길동 기자 =";
# Arabic "تارسل (فلدمارك) (أ ف ب) - " (a place of up to three words, its country in brackets, the
# day and month after a comma, then the agency's tag and a dash).
_OTHER_SCRIPT_DATELINES = (
    re.compile(
        rf"^(?P<agency>{_EAST_ASIAN_AGENCY})(?P<place>[\u4e00-\u9fff]{{2,8}}?)"
        r"(?:\d{1,2}月\d{1,2}日)?电\s*(?:[（(][^）)]{0,40}[）)])?\s*"
    ),
    re.compile(rf"^【(?P<place>[^】\s]{{1,12}}?)(?P<agency>{_EAST_ASIAN_AGENCY})】\s*"),
    re.compile(
        rf"^[(（](?P<place>[가-힣]{{1,10}}(?:\s[가-힣]{{1,10}})?)=(?P<agency>{_EAST_ASIAN_AGENCY})[)）]"
        r"\s*(?:(?P<reporter>[가-힣]{2,4})\s*(?:기자|특파원)\s*=\s*)?"
    ),
    re.compile(
        rf"^(?P<place>{_ARABIC_WORD}(?:\s+{_ARABIC_WORD})?)(?:\s*\({_ARABIC_WORD}(?:\s+{_ARABIC_WORD}){{0,2}}\))?"
        r"(?:\s*[,،]\s*\d{1,2}\s+\S{3,10})?"
        rf"\s*\((?P<agency>{_ARABIC_AGENCY})\)\s*[-–—]\s*"
    ),
)
# The words a "By ..." line opens with, in any case; only their first letters can open a match.
_BYLINE_WORDS = ("by", "von", "por", "par", "door", "av")
# "Story by Ana Ruiz": a portal's author line over a partner's story. ("Written by" opens comments and post lines
# too, which their own rules read.)
_BYLINE_LEADS = ("story",)
_BYLINE_OPENINGS = frozenset(
    letter for word in (*_BYLINE_WORDS, *_BYLINE_LEADS) for letter in (word[0], word[0].upper())
)
_BYLINE = re.compile(
    rf"^(?:(?:{'|'.join(_BYLINE_LEADS)})\s+by:?\s+|(?:{'|'.join(_BYLINE_WORDS)}):?\s+)"
    r"(?P<names>[A-ZÀ-Ý][\w.'’-]+(?:\s+(?:[A-ZÀ-Ý][\w.'’-]+|and|&|de|van|von|da|al-\w+)){0,6})"
    r"(?P<rest>\s*(?:,|\||-|–|—|/).*)?$",
    re.I,
)
# AP style "___ X reported from Y. Z contributed." and Reuters style "(Reporting by X; Editing by Y)".
_REPORTER_CREDIT = re.compile(r"\s*_{2,}\s*(?P<credit>[^_]*?(?:report|contribut|writ)[^_]*)$", re.I)
_REUTERS_CREDIT = re.compile(r"\s*\((?P<credit>(?:additional\s+)?reporting\s+by[^()]*)\)\s*$", re.I)
# The same credit as a paragraph of its own, the "___" rule above it on a line apart or gone ("Associated
# Press writer Ana Ruiz in Rome contributed to this report.", "... Ana Ruiz contributed from Rome."): a
# sentence or two that ends by saying so.
# On the measuring pages 3 of 3 such last lines are no body, on L3S-GN1 7 of 10 (Dragnet's gold keeps them).
_CREDIT_PARAGRAPH = re.compile(
    r"^(?P<credit>(?i:[^.]{0,200}(?:\.[^.]{1,200}){0,1}?\bcontributed\s+(?:to\s+this\s+(?:report|story)|reporting)"
    r"(?:\s+from\s+[^.]{1,60})?\.?)"
    # "contributed from Rome" alone is a credit only after a writer's role ("Residents contributed from
    # their savings" is a sentence).
    r"|(?i:[^.]{0,120}\b(?:writers?|reporters?|correspondents?|journalists?)\b[^.]{0,120}\bcontributed\s+from\s+)"
    r"[A-ZÀ-Ý][^.]{0,60}\.?)$",
)
# AP's shorter form, its names first: "Ana Ruiz reported from Rome. Tom Hale in Milan contributed.",
# "Ana Ruiz reported from Rome.", "Tom Hale in Milan and Ines Moreau contributed."
_CREDIT_NAME = r"[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){1,3}"
_CONTRIBUTOR = rf"{_CREDIT_NAME}(?:\s+in\s+[A-ZÀ-Ý][^.,;]{{1,40}}?)?"
_CONTRIBUTORS = rf"{_CONTRIBUTOR}(?:(?:,\s*|,?\s+and\s+){_CONTRIBUTOR})*"
# Under a byline that named them in full, the surname alone: "Berg reported from Denver." (only where
# the credit says "reported from": "Residents contributed." is a sentence).
_REPORTER_NAME = r"[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3}"
_SURNAME_CONTRIBUTOR = rf"{_REPORTER_NAME}(?:\s+in\s+[A-ZÀ-Ý][^.,;]{{1,40}}?)?"
_SURNAME_CONTRIBUTORS = rf"{_SURNAME_CONTRIBUTOR}(?:(?:,\s*|,?\s+and\s+){_SURNAME_CONTRIBUTOR})*"
_NAMED_CREDIT_PARAGRAPH = re.compile(
    rf"^(?P<credit>(?:{_REPORTER_NAME}(?:\s+and\s+{_REPORTER_NAME})?\s+reported\s+from\s+[A-ZÀ-Ý][^.]{{1,80}}\."
    rf"(?:\s+{_SURNAME_CONTRIBUTORS}\s+contributed\.?)?|{_CONTRIBUTORS}\s+contributed\.?"
    # The contributors first: "Ana Ruiz contributed reporting from Charleston. Jon Berg reported from
    # Washington, D.C." (the place's own full stops, to the end).
    rf"|{_CONTRIBUTORS}\s+contributed\s+reporting(?:\s+from\s+[A-ZÀ-Ý][^.]{{1,60}})?\."
    rf"\s+{_REPORTER_NAME}(?:\s+and\s+{_REPORTER_NAME})?\s+reported\s+from\s+[A-ZÀ-Ý][^\n]{{1,60}}))$"
)
# A reporter credit is a line or two at the foot of an article: a "___" rule far above the end (a
# transcript's header) followed by thousands of words is not one.
MAX_CREDIT_CHARACTERS = 400
_CREDIT_NAMES = re.compile(r"(?:^|[.;]\s*|\bby\s+)([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,3})")
_NEXT_CREDIT_NAME = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,3})")
# Before an "and" only (", and" too): after a comma alone the words may be the place's state ("Ana Ruiz
# in Raleigh, North Carolina, contributed").
_CONTRIBUTOR_PLACE = re.compile(r"\s+in\s+[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,2}(?=,?\s+and\s)")
_AFTER_CREDIT_NAME = re.compile(r"\b(?:reported|contributed|in|from|and|editing|writing|reporting)\b", re.I)
# An agency's name and a reporter's role before the names of a credit ("AP Sports Writer Ana Ruiz").
_CREDIT_ROLE = re.compile(
    r"(?:\b(?:The\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3})?"
    r"(?i:(?:sports|business|medical|science|technology|political|legal|staff|special)\s+)?"
    r"(?i:writers?|reporters?|correspondents?|photographers?|journalists?)\b[\s,:]*"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str  # "" where the dateline names an agency alone ("(Bloomberg) -- ")
    agency: str | None
    text: str
    # The date it gives, as written ("March 3, 2025", "Jan 5"), or None.
    when: str | None = None
    # The reporter it names, as Korean and Chinese datelines do ("(서울=연합뉴스) 김하늘 특파원 = "), or None.
    reporter: str | None = None


def canonical_agency(text: str | None) -> str | None:
    """The agency named in a credit ("Associated Press" and "(AP)" are both "AP"; "(ANTARA)" in capitals
    is "Antara")."""
    if not text:
        return None
    for name, short in AGENCY_NAMES.items():
        if name.lower() in text.lower():
            return short
    match = _AGENCY.search(text)
    if match:
        return AGENCY_NAMES.get(match.group(1), match.group(1))
    return next(
        (_AGENCY_IN_CAPITALS[word] for word in _CAPITALS_WORD.findall(text) if word in _AGENCY_IN_CAPITALS), None
    )


# The agencies whose names are words ("Antara", "Reuters"), as datelines print them in capitals; not the
# acronyms, which are capitals already.
_AGENCY_IN_CAPITALS = {name.upper(): name for name in AGENCIES if len(name) >= 4 and not name.isupper()}
_CAPITALS_WORD = re.compile(r"\b[A-ZÀ-Ý][A-ZÀ-Ý-]{3,}\b")


# A photograph's credit in brackets names who took the picture, not who filed the text ("Lord Condon
# (Pic:PA)", "(Photo: AP)").
_PICTURE_CREDIT = re.compile(r"\s*(?:pic|photo|picture|image|foto)s?\b", re.IGNORECASE)
# Words of a kicker or a section's label, which an all-capitals line before a dash may be ("ARCHIVES MOVIE
# REVIEW - ..."); no place's name holds them.
_KICKER_WORDS = frozenset(
    {
        *("review", "reviews", "archive", "archives", "movie", "movies", "update", "updated", "breaking"),
        *("exclusive", "analysis", "opinion", "editorial", "commentary", "column", "video", "photos"),
        *("preview", "recap", "interview", "live", "fact", "check", "factcheck", "watch", "listen", "poll"),
        *("spoiler", "alert", "sponsored", "explainer", "podcast", "quiz", "obituary", "correction"),
    }
)


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """A wire dateline at the start of a paragraph, and the paragraph without it."""
    if not paragraph.isascii() and (other_script := _other_script_dateline(paragraph)) is not None:
        return other_script
    tag_first = _tag_first_dateline(paragraph)
    if tag_first is not None:
        return tag_first
    date_first = _date_first_dateline(paragraph)
    if date_first is not None:
        return date_first
    # A known agency's bare name first ("Denver CNN — "), then the dash's form; a hyphen inside the place
    # ("ОСТРАВА-НОВА, 14 октября. /ТАСС/.") may read as its dash, and the form without one is tried then.
    for pattern in (_BARE_AGENCY_DATELINE, _DATELINE, _DATELINE_WITHOUT_DASH):
        match = pattern.match(paragraph)
        if match is not None and (read := _read_dateline(paragraph, match)) is not None:
            return read
    return None, paragraph


def _read_dateline(paragraph: str, match: re.Match[str]) -> tuple[Dateline, str] | None:
    """The dateline a match of a dateline's pattern gives, and the paragraph after it; None where the
    match is no dateline (a kicker, a sentence, a picture's credit)."""
    agency_text = match.group("agency") or match.groupdict().get("wire")
    agency = canonical_agency(agency_text)
    place_words = match.group("place").split(",")[0].split()
    if agency_text and not agency and _reads_as_unknown_agency(agency_text, place_words):
        agency = agency_text.strip()
    if agency_text and (not agency or _PICTURE_CREDIT.match(agency_text)):
        return None
    # Without an agency tag, an all-capitals place and a dash set apart by spaces are the only sign of
    # a dateline ("NASA—The agency" is a sentence), and a kicker's words are no place's.
    if not agency and not (
        place_words[0].isupper()
        and len(place_words[0]) >= 3
        and paragraph[match.end() - 1].isspace()
        and not any(word.lower() in _KICKER_WORDS for word in place_words)
    ):
        return None
    rest = paragraph[match.end() :]
    if not _opens_a_sentence(rest):
        return None
    place = match.group("place").strip().rstrip(",-")
    return Dateline(place, agency, paragraph[: match.end()].strip(), match.group("when")), rest


# A source's tag that names no agency newstrace knows ("LAGOS (NAN) - ", "PORT LOUIS (Wire Service) - "):
# one to four capitalised words or an acronym, after a place in capitals; its name is the credit.
_UNKNOWN_AGENCY = re.compile(r"^(?:[A-Z]{2,6}|[A-Z][a-z]+(?:\s+[A-Z][A-Za-z]+){0,3})$")


def _reads_as_unknown_agency(tag: str, place_words: list[str]) -> bool:
    return (
        _UNKNOWN_AGENCY.match(tag.strip()) is not None
        and place_words[0].isupper()
        and len(place_words[0]) >= 3
        and not any(word.lower() in _KICKER_WORDS for word in (*place_words, *tag.split()))
    )


# How far into an article's first paragraph an agency's dateline may stand behind the header's pieces
# that an extraction joined to it ("Photos BAGHDAD (Reuters) - ...", "Posted: Jan 9, 2008 10:23 PM
# TORONTO (AP) -Raptors ...", "| By Ana Ruiz New Delhi, Jan 13 (IANS): ...").
DATELINE_REACH = 240
# Where a dateline's place may begin before its tag: the tag's place and date ("GAZA CITY, Gaza Strip,
# Jan. 15"), read back from the tag.
PLACE_BEFORE_TAG = 60
_AGENCY_TAG = re.compile(rf"\(\s*(?:{ANY_AGENCY})\s*\)")
_WORD_AFTER_SPACE = re.compile(r"(?<=\s)[A-ZÀ-Ý(]")


def find_dateline(paragraph: str) -> tuple[Dateline | None, str, str]:
    """A wire dateline opening the paragraph, or an agency's dateline behind a few header pieces joined
    to it (DATELINE_REACH): the dateline, the header before it ("" for none) and the paragraph after it."""
    dateline, rest = split_dateline(paragraph)
    found = (dateline, "", rest) if dateline is not None else None
    if dateline is not None and (not dateline.agency or place_in_capitals(dateline.place)):
        return dateline, "", rest
    # Most paragraphs hold no bracket in their opening: the tag's pattern is not run on them.
    tag = _AGENCY_TAG.search(paragraph, 0, DATELINE_REACH) if "(" in paragraph[:DATELINE_REACH] else None
    if tag is None:
        return found or _dateline_after_credit(paragraph) or (None, "", paragraph)
    # The place is where the words run in capitals up to the tag ("Photos BAGHDAD (Reuters)", "Sat Dec
    # 29 GAZA CITY, Gaza Strip, (AP)"); a place in other case is the word or words nearest the tag that
    # still read as a dateline ("Tributes paid to Edmund Hillary Dehradun (PTI)": "Dehradun").
    opening = found
    for start in _WORD_AFTER_SPACE.finditer(paragraph, max(1, tag.start() - PLACE_BEFORE_TAG), tag.start() + 1):
        dateline, rest = split_dateline(paragraph[start.start() :])
        # The tag alone ("(dpa) - ...") only where no place before it reads as a dateline, and a dateline
        # opening the paragraph ("New Delhi, Jan 13 (IANS):") gives way only to a place in capitals.
        if dateline is None or not dateline.agency or (found is not None and not dateline.place):
            continue
        if place_in_capitals(dateline.place):
            return dateline, paragraph[: start.start()].strip(), rest
        if opening is None:
            found = dateline, paragraph[: start.start()].strip(), rest
    if found is not None and found[1] and (prefix := _PLACE_PREFIX.search(found[1])) is not None:
        # The nearest words to the tag leave a place's first word with the header ("By Ana Ruiz New |
        # Delhi, Jan 13 (IANS):").
        dateline, header, rest = found
        place, text = f"{prefix['word']} {dateline.place}", f"{prefix['word']} {dateline.text}"
        return replace(dateline, place=place, text=text), header[: prefix.start()].strip(), rest
    return found or (None, "", paragraph)


# An agency's name, as a credit line says it, before a dateline without a tag ("... Associated Press
# HOBART, Australia — ..."), as an extraction joins a member paper's credit line and dateline.
_CREDIT_BEFORE_PLACE = re.compile(
    r"(?:^|(?<=\s))(?P<agency>"
    + "|".join(re.escape(name) for name in _EVERY_AGENCY_NAME if len(name) >= 5)
    + r")\s+(?=[A-Z][A-Z'’.\-]{2,})"
)


def _dateline_after_credit(paragraph: str) -> tuple[Dateline, str, str] | None:
    """A dateline in capitals without a tag right after the agency's name among the first paragraph's
    pieces: the dateline credited to the agency, the header before the name, the text after the dash."""
    for credit in _CREDIT_BEFORE_PLACE.finditer(paragraph, 0, DATELINE_REACH):
        dateline, rest = split_dateline(paragraph[credit.end() :])
        if dateline is not None and not dateline.agency and place_in_capitals(dateline.place):
            agency = canonical_agency(credit["agency"])
            text = f"{credit['agency']} {dateline.text}"
            return replace(dateline, agency=agency, text=text), paragraph[: credit.start()].strip(), rest
    return None


# The first word of a place's name of two or more ("New Delhi", "San Jose", "Kuala Lumpur").
_PLACE_PREFIX = re.compile(
    r"(?:^|\s)(?P<word>New|San|Santa|Los|Las|Saint|St\.|Port|Fort|Mount|Rio|Buenos|Kuala|Hong|Tel|Abu|Cape|Sri|Addis)$"
)


_NAMES = r"[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,3}"
_ROLE_AT_AGENCY = r"(?:[A-Z][a-z]+\s+)?(?:Writer|Correspondent|Reporter)"
# A line that is an agency's credit alone, or the reporter's name and role at the agency: "The Associated
# Press", "- Reuters", "Associated Press Writer", "ANA RUIZ Associated Press Writer", and the agency
# where it filed from, as the Guardian credits agency copy ("Reuters in Ostrava", "Associated Press in
# Lake City"). A name and the agency alone ("ANA RUIZ Associated Press") is as often a photograph's
# credit, the picture the agency's.
_AGENCY_LINE = re.compile(
    rf"^(?:(?P<names>{_NAMES})\s*,?\s+(?=(?:The\s+)?(?:{ANY_AGENCY})\s+{_ROLE_AT_AGENCY}$))?"
    rf"(?:The\s+)?(?P<agency>{ANY_AGENCY})(?:\s+{_ROLE_AT_AGENCY}|\s+in\s+{_NAMES})?$"
)
# A byline naming the agency, among a header's pieces an extraction joined to the text: "1/7/2008,
# 6:30 p.m. EST By ANA RUIZ The Associated Press", "By ANA RUIZ, For The Associated Press".
_AGENCY_BYLINE = re.compile(
    rf"\b(?:By|BY)\s+(?P<names>{_NAMES})\s*,?\s+(?:For\s+)?(?:The\s+)?(?P<agency>{ANY_AGENCY})\b"
)
AGENCY_BYLINE_REACH = 300
# Words the names' pattern takes before the agency that are not a name's ("By ANA RUIZ The Associated Press").
_NAMES_END = re.compile(r"(?:\s+(?:The|For|THE|FOR))+$")
# An agency's sign-off at the end of its story as papers print it: "... in the third round. - AAP",
# "... a video footage. IANS", "Brought to you by AAP © AAP 2008", "Source: The Associated Press".
# Also the agencies a story draws on, as Indian and other papers end it: "(With inputs from PTI)",
# "With inputs from Reuters and AFP", "AFP/Reuters" (the first is the credit).
_SIGN_OFF = re.compile(
    rf"(?:(?<=[.!?\"”’])\s+|^)(?:[-–—]+\s*)?\(?\s*"
    rf"(?:(?i:brought\s+to\s+you\s+by|source\s*:|with\s+(?:inputs?|reporting)\s+(?:from|by))\s*)?(?:The\s+)?"
    rf"\(?(?P<agency>{ANY_AGENCY})\)?(?:\s*(?:/|,|and|&)\s*(?:{ANY_AGENCY}))*"
    rf"(?:\s*(?:©|\(c\))\s*(?:{ANY_AGENCY})?\s*\d{{4}})?\s*\)?\s*\.?\s*$"
)
# A sign-off is the last few words of the text.
SIGN_OFF_CHARACTERS = 60


def agency_line(line: str) -> tuple[str, str | None] | None:
    """The agency, and the reporter's names if any, of a line that is an agency's credit alone."""
    match = _AGENCY_LINE.match(line.strip(" |-–—"))
    if match is None:
        return None
    names = _NAMES_END.sub("", match.group("names")) if match.group("names") else None
    return canonical_agency(match.group("agency")) or match.group("agency"), names or None


def agency_byline(text: str) -> tuple[str, str] | None:
    """The agency and the names of a byline naming an agency in the opening of a text, or None."""
    match = _AGENCY_BYLINE.search(text, 0, AGENCY_BYLINE_REACH)
    if match is None:
        return None
    return canonical_agency(match.group("agency")) or match.group("agency"), _NAMES_END.sub("", match.group("names"))


# The agencies a paper names alone on a line under the text it took from them, German papers' way:
# "dpa", "(dpa)", "© dpa", "dpa/lsn" (with the agency's regional desk), "AFP/Reuters", "(AP, Reuters)".
_CLOSING_AGENCIES = re.compile(
    rf"^[(\[]?\s*(?:©\s*)?(?P<agency>{ANY_AGENCY})(?:\s*(?:/|,|&|\band\b)\s*(?:{ANY_AGENCY}|[a-z]{{2,4}}))*\s*[)\]]?\.?$"
)


def closing_agency(line: str) -> str | None:
    """The (first) agency of a line naming one or more agencies alone, as papers close a text they
    took from them ("dpa", "(AFP/Reuters)"), or None."""
    match = _CLOSING_AGENCIES.match(line.strip())
    return canonical_agency(match.group("agency")) or match.group("agency") if match else None


# A wire note or a reporter credit that names an agency alone as a contributor: "(With AFP)", "(With
# reporting by Reuters)", "Additional reporting by Reuters", "(With inputs from PTI)".
_AGENCY_CONTRIBUTED = re.compile(
    rf"^\(?\s*(?i:with\s+inputs\s+from|with|inputs\s+from|(?:additional\s+)?reporting\s+by)\s+"
    rf"(?i:(?:additional\s+)?reporting\s+(?:by|from)\s+)?"
    rf"(?:the\s+)?(?P<agency>{ANY_AGENCY})\s*\)?\s*\.?$"
)


def contributing_agency(line: str) -> str | None:
    """The agency a note or a reporter credit names alone as a contributor ("(With AFP)"), or None."""
    match = _AGENCY_CONTRIBUTED.match(line.strip())
    return canonical_agency(match.group("agency")) if match else None


def split_sign_off(paragraph: str) -> tuple[str | None, str, str]:
    """An agency's sign-off ending a paragraph: the agency, the sign-off and the paragraph before it."""
    match = _SIGN_OFF.search(paragraph, max(0, len(paragraph) - SIGN_OFF_CHARACTERS))
    if match is None:
        return None, "", paragraph
    agency = canonical_agency(match.group("agency")) or match.group("agency")
    return agency, paragraph[match.start() :].strip(), paragraph[: match.start()].rstrip()


def place_in_capitals(place: str) -> bool:
    """Whether a dateline's place, up to its first comma, is written in capitals ("GAZA CITY, Gaza Strip")."""
    return in_capitals(place.split(",")[0])


def _tag_first_dateline(paragraph: str) -> tuple[Dateline, str] | None:
    """A dateline that opens with an agency's tag (or a date and the tag), no place or one after the
    tag, and the paragraph without it; None for a paragraph that opens otherwise."""
    match = _TAG_FIRST.match(paragraph)
    agency = canonical_agency(match.group("agency")) if match else None
    rest = paragraph[match.end() :] if match else ""
    if match is None or agency is None or not _opens_a_sentence(rest):
        return None
    when = match.group("when") or match.group("when_after")
    return Dateline(match.group("place") or "", agency, paragraph[: match.end()].strip(), when), rest


# A full date, its year given, before a dash: the dateline of publishers that print no place ("16
# January 2008 – The Security Council ...", a release's "January 15, 2008 - Acme said ...").
_DATE_FIRST = re.compile(
    r"^(?:(?P<weekday>[A-Za-z]{6,9}),?\s+)?"
    r"(?P<when>(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+\d{4}"
    r"|(?P<month_first>[A-Za-z]{3,9})\.?\s+\d{1,2},?\s+\d{4})"
    r"\s*(?:[—–]|--?)\s*"
)


def _date_first_dateline(paragraph: str) -> tuple[Dateline, str] | None:
    """A dateline that is a date alone (place "", no agency) opening a paragraph that goes on with a
    sentence, and the paragraph without it."""
    match = _DATE_FIRST.match(paragraph)
    if match is None:
        return None
    month = (match.group("month") or match.group("month_first")).lower()
    weekday = match.group("weekday")
    rest = paragraph[match.end() :]
    if month not in MONTHS or (weekday and weekday.lower() not in WEEKDAYS) or not _opens_a_sentence(rest):
        return None
    return Dateline("", None, paragraph[: match.end()].strip(), match.group("when")), rest


def opens_with_a_date(paragraph: str) -> bool:
    """Whether a paragraph opens with a date-alone dateline (a timeline's entries each do)."""
    return _date_first_dateline(paragraph) is not None


def _opens_a_sentence(text: str) -> bool:
    return text[:1].isupper() or text[:1] in "“\"'‘"


def _other_script_dateline(paragraph: str) -> tuple[Dateline, str] | None:
    """A Chinese, Japanese, Korean or Arabic wire dateline opening a paragraph that goes on after it."""
    for pattern in _OTHER_SCRIPT_DATELINES:
        found = pattern.match(paragraph)
        if found and paragraph[found.end() :].strip():
            dateline = Dateline(
                found.group("place"),
                _OTHER_SCRIPT_AGENCIES[found.group("agency")],
                paragraph[: found.end()].strip(),
                reporter=found.groupdict().get("reporter"),
            )
            return dateline, paragraph[found.end() :]
    return None


_CLAUSE_AFTER_COMMA = re.compile(r"^\s*,\s+[a-z]")


def parse_byline(line: str) -> tuple[str, str | None] | None:
    """The author names and the agency of a "By ..." line, or None when the line is not one."""
    # Only these letters open a match, ignoring case (no other character folds to them): most lines
    # are let go before the split.
    if line[:1] not in _BYLINE_OPENINGS or len(line.split()) > 16:
        return None
    match = _BYLINE.match(line)
    if not match:
        return None
    rest = match.group("rest") or ""
    names = match.group("names").strip()
    # A sentence that opens with "By" ("By car, it takes an hour", "By Tuesday, the work was done", "By
    # June, ..."): a word in lower case with a clause after its comma, or a weekday or a month alone for
    # the name ("By June Carter" is a name, a blog's handle "By jbat - October 19, 2012" an author, and
    # "By Ana Ruiz, staff writer" a byline).
    words = [word.lower().strip(".,") for word in names.split()]
    sentence = not names[:1].isupper() and _CLAUSE_AFTER_COMMA.match(rest) is not None
    if sentence or words[0] in WEEKDAYS or (len(words) == 1 and words[0] in MONTHS):
        return None
    return _without_role_or_place(_without_agency(names)), canonical_agency(rest) or canonical_agency(names)


# Agencies some sites print after the reporter's name, without a comma ("By ANA RUIZ Associated Press").
_AGENCY_ENDINGS = tuple(dict.fromkeys(f" {name.lower()}" for name in (*AGENCY_NAMES, *AGENCIES)))


def _without_agency(names: str) -> str:
    """A byline's names without an agency's name after them; "THE ASSOCIATED PRESS" stays whole."""
    lowered = names.lower()
    for ending in _AGENCY_ENDINGS:
        if lowered.endswith(ending):
            kept = names[: -len(ending)].rstrip()
            # The reporter's story with the agency's ("Par Ana Ruiz avec AFP", "By Ana Ruiz with AP").
            head, _, last = kept.rpartition(" ")
            if head and last.lower() in _WITH_AGENCY:
                kept = head.rstrip(" ,")
            return kept if kept.lower() not in ("", "the") else names
    return names


# "With" in the languages whose bylines name an agency beside the reporter, and "and".
_WITH_AGENCY = frozenset({"with", "and", "&", "avec", "et", "mit", "und", "con", "y", "com", "e", "met", "en"})


def _without_role_or_place(names: str) -> str:
    """A byline's names without a place or a reporter's role after them ("Ana Ruiz in Lyon", "Ana
    Ruiz Staff Writer"), where two words of name at least are left."""
    words = names.split()
    plain = [word.strip(".,:–—-").lower() for word in words]
    end = next(
        (
            index
            for index in range(2, len(words) - 1)
            # "for" the paper the reporter wrote it for ("Ana Ruiz for MailOnline", "ANA RUIZ FOR THE TIMES").
            if plain[index] in ("in", "from", "for") and words[index + 1][:1].isupper()
        ),
        len(words),
    )
    end = _before_role(plain, end)
    return " ".join(words[:end]).rstrip(" ,;") if end < len(words) else names


def names_someone(names: str) -> bool:
    """Whether a "By ..." line's names are a name: capitalised and no widget's word ("Subscribe by
    email", "Browse by category" and "By the Numbers", a column's heading, name no one).

    Checked where the byline is taken, not in parse_byline: which lines the rules call bylines is
    part of the reading the line model learnt from."""
    return names[:1].isupper() and names.split()[0].lower() not in WIDGET_WORDS


# The author of a post line ("Posted on May 3, 2012 by Ana Ruiz in News", "by ana_r on May 3"):
# the words after "by" up to a label, a preposition or punctuation. Handles may be lower case.
_POST_AUTHOR = re.compile(
    r"\b(?:by|von|por|par|door):?\s+(?P<name>[^\W\d][\w.'’-]*"
    r"(?:\s+(?!(?:on|in|at|am|um|le|el|published|posted|updated|filed)\b)[^\W\d][\w.'’-]*){0,4})",
    re.IGNORECASE,
)


_AFTER_POST_AUTHOR = frozenset(
    [
        "discuss",
        "comment",
        "comments",
        "share",
        "reply",
        "follow",
        "email",
        "leave",
        "view",
        "read",
        "updated",
        "viewed",
        "views",
        "hits",
    ]
)


# A name before a posting word: "ANA RUIZ Published: Jan 14, 2008", "Ana Ruiz | Posted May 3, 2012".
_NAME_BEFORE_POSTING = re.compile(r"^(?P<name>[^|•·:]{3,60}?)\s*[|•·-]?\s+(?:published|posted|updated)\b", re.I)


def post_line_author(line: str) -> str | None:
    """The author a post line names after "by", or before its posting word; or None."""
    match = _POST_AUTHOR.search(line)
    if not match:
        before = _NAME_BEFORE_POSTING.match(line)
        # A name of two words or more: "Last Updated", "Originally Posted" name no one.
        if before is None or len(before.group("name").split()) < 2:
            return None
        return name_line(before.group("name"))
    words = match.group("name").rstrip(".").split()
    # "Updated by November 12, 2012", "supplied by the town's plant", "Subscribe by email": no name
    # there. A capitalised stop word of some language is a first name ("by Dan Levy", "by Will Ortega").
    first = words[0].lower()
    if first in MONTHS or first in WEEKDAYS or first in WIDGET_WORDS or first in _NOT_A_NAME_START:
        return None
    if first in STOP_WORDS and not words[0][:1].isupper():
        return None
    # A site's account names no one ("Posted on March 30, 2015 by Admin").
    if all(word.lower().strip(".,") in _AUTHOR_LABELS for word in words):
        return None
    # The name ends where a date or a button begins ("by Ana Ruiz January 3, 2008", "Ana Ruiz Discuss").
    for position, word in enumerate(words[1:], start=1):
        lowered = word.lower().rstrip(".,")
        # A month is a date's only before a day ("Shari August" is a name, "Theresa May" too).
        dated = lowered in MONTHS and line[match.end("name") :].lstrip(" .,")[:1].isdigit()
        if lowered in WEEKDAYS or lowered in _AFTER_POST_AUTHOR or (dated and position == len(words) - 1):
            words = words[:position]
            break
    return " ".join(words)


# A line naming an author with a posting word and no date: "Posted by Ana Ruiz", "Written by Ana
# Ruiz, Staff Writer", "By: Ana Ruiz (Diary)", "Article by Ana, filed under Cities". A bare "By"
# also opens sentences ("By car, it takes an hour"): "By Ana Ruiz" lines are parse_byline's.
_AUTHOR_LINE = re.compile(
    r"^(?i:(?:posted|written|published|submitted|article|story|words|report)\s+by:?|by:)\s"
    # "By Ana Ruiz on 11/12/2012 15:23 PST", "by Ana Ruiz | Social Media", "By Ana Ruiz On 11/12/12":
    # a capitalised name, then what a post line gives next (its date may be one no reading can settle).
    r"|^(?i:by)\s+[A-ZÀ-Ý][\w.'’-]*(?:\s+[A-ZÀ-Ý][\w.'’-]*){0,3}\s+(?:(?i:on|at)|[|/•–—-])\s"
)
# A name and the author's handle: "Ana Ruiz, @anaruiz".
_NAME_AND_HANDLE = re.compile(r"^(?P<name>[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){1,3}),\s*@\w+")


# A name, then a comma or a bar and the author's role: "Ana Ruiz, Staff Writer", "Ana Ruiz | AP Sports
# Writer". An agency alone after the name is no author's mark: "Al Goldis, Associated Press" under a
# caption credits a photographer (of 2,837 crawl, METER and seed pages, 4 such lines: 2 photographers').
_NAME_AND_ROLE = re.compile(
    r"^(?P<name>[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){1,3})\s*[,|]\s*(?P<role>[^,|]{2,40}?)\s*$"
)
# The last word of a role after an author's name ("Senior Political Correspondent"). Not "editor": a
# site's masthead under its articles ("Ana Ruiz, Publisher", "Tom Berg, Editor") names no author.
_ROLE_WORDS = frozenset(["writer", "correspondent", "reporter", "contributor", "columnist", "journalist"])


# A scraper's labelled header line naming the authors: "Author: Ana Ruiz", "Authors: Ana Ruiz, Tom Berg".
# Other languages' labels: German, Spanish and Portuguese "Autor", French "Auteur", Italian "Autore",
# Indonesian "Penulis" and "Pewarta" (Antara's reporter).
_AUTHOR_LABEL_LINE = re.compile(
    r"^(?:authors?|writers?|byline|autor(?:es|a)?|auteurs?|autori?e?|penulis|pewarta)\s*:\s*(?P<names>[^:]{3,120})$",
    re.IGNORECASE,
)
_NAME_SEPARATOR = re.compile(r"\s*(?:,|;|&|\band\b)\s*")


def author_line_name(line: str) -> str | None:
    """The author an author line names, or None for other lines."""
    if _AUTHOR_LINE.match(line):
        return post_line_author(line)
    labelled = _AUTHOR_LABEL_LINE.match(line) if ":" in line else None
    if labelled:
        return _labelled_authors(labelled.group("names"))
    # A handle needs its "@", a role its comma or bar: most lines are let go without a pattern.
    match = _NAME_AND_HANDLE.match(line) if "@" in line else None
    if match:
        return match.group("name")
    named = _name_and_role(line) if "," in line or "|" in line else None
    return named[0] if named else None


def author_line_agency(line: str) -> str | None:
    """The agency an author line names in the author's role ("Ana Ruiz, AP Sports Writer") or as its
    author ("Author: DPA"), or None."""
    labelled = _AUTHOR_LABEL_LINE.match(line) if ":" in line else None
    if labelled:
        return _whole_agency(labelled.group("names"))
    named = _name_and_role(line) if "," in line or "|" in line else None
    return named[1] if named else None


_AGENCY_OF_LOWER = {name.lower(): AGENCY_NAMES.get(name, name) for name in (*AGENCIES, *AGENCY_NAMES)}


def _whole_agency(text: str) -> str | None:
    """The agency a text is the name of and nothing else, in any case ("DPA", "The Associated Press")."""
    return _AGENCY_OF_LOWER.get(text.strip().lower().removeprefix("the ").strip())


# Words of a desk, not a person, in a labelled author ("Author: Entertainment News Editor").
_DESK_WORDS = frozenset(
    ["editor", "editors", "news", "staff", "desk", "team", "bureau", "service", "agency", "reporter"]
)


def _labelled_authors(names: str) -> str | None:
    """The people a labelled author line names ("Ana Ruiz, Tom Berg"); None for an agency or a desk."""
    parts = [part for part in _NAME_SEPARATOR.split(names) if part]
    people = [name for name in map(name_line, parts) if name is not None]
    if not people or len(people) != len(parts):
        return None
    if _whole_agency(names) is not None or any(word.lower() in _DESK_WORDS for word in names.split()):
        return None
    return ", ".join(people)


def _name_and_role(line: str) -> tuple[str, str | None] | None:
    """The name of a line holding a name and the author's role, and the agency the role names (or None)."""
    match = _NAME_AND_ROLE.match(line)
    if match is None:
        return None
    role = match.group("role")
    words = role.lower().split()
    if len(words) > 4 or words[-1].rstrip(".") not in _ROLE_WORDS:
        return None
    name = name_line(match.group("name"))
    return (name, canonical_agency(role)) if name else None


_NAME_WORD = re.compile(r"[A-ZÀ-Ý][\w.'’-]*|de|da|van|von|der|del|la|le|al-\w+|and|&")


def name_line(line: str) -> str | None:
    """A line that is a person's name and nothing else ("Ana Ruiz", "Sarah E. Needleman"), or None."""
    words = line.split()
    if not 1 <= len(words) <= 5 or any(character.isdigit() for character in line) or line.endswith(("!", "?", ":")):
        return None
    if not all(_NAME_WORD.fullmatch(word) for word in words) or not words[0][:1].isupper():
        return None
    if words[0].lower() in _NOT_A_NAME_START or words[0].lower() in WIDGET_WORDS:
        return None
    return line.strip()


# Words no name opens with ("TO THE EDITORS", "The Staff"); the stop words of all languages would
# refuse "Dan", "Will" and "Les" too.
_NOT_A_NAME_START = frozenset(
    "the to a an and or of for in on at with from this that these our your my his her its all more no by about".split()  # noqa: SIM905
)


# Words a page's metadata gives for its author that name no one: labels of the author widget
# ("View Profile", "Name", "Authors", "About Us", "Admin"), and dates run into the field.
_AUTHOR_LABELS = frozenset(
    "view profile name author authors about us admin administrator posted by meet the no primary unknown user "  # noqa: SIM905
    "username anonymous guest".split()
)


# Words no part of a person's or an agency's name holds: a link's or a photo's label after the name
# ("John Leyden More by this author", "Jonathon Ramsey RSS feed", "Kevork Djansezian; File").
_NOT_NAME_WORDS = frozenset(
    "article articles stories posts more find published updated filed file design photo photos image images "  # noqa: SIM905
    "click email follow rss".split()
)
# Words of a reporter's role or employer after a name ("Marc Katz Staff Writer", "TOM CANAVAN ASSOCIATED
# PRESS", "RICHARD HUFF DAILY NEWS TV EDITOR"): the name ends before the first of them, from its third word.
_ROLE_AFTER_NAME = frozenset(
    "staff writer writers reporter reporters correspondent correspondents editor editors columnist contributor "  # noqa: SIM905
    "ap afp pa associated press daily news the tv sports business senior chief special editorial contributing "
    "deputy science environment health national political technology entertainment games auto".split()
)
# The last word of a reporter's role or employer ("Staff Writer", "Associated Press").
_ROLE_NOUNS = frozenset(
    "writer writers reporter reporters correspondent correspondents editor editors press staff".split()  # noqa: SIM905
)
_ADDRESS_ENDINGS = frozenset(("com", "net", "org", "uk"))
# Words of a job or an employer that a page's metadata lists after its author's name, each its own
# part ("Tammy Ruiz; Software Engineer", "Ana Ruiz; Director; Example EMEA", "Joe Bell; IDG News
# Service"): such a part names the person's work, not another author.
WORK_PART_WORDS = 3
_WORK_WORDS = _ROLE_NOUNS | frozenset(
    "engineer engineering manager director scientist strategist founder lead developer developers marketing "  # noqa: SIM905
    "product programs team columnist contributor editorial president officer analyst consultant designer "
    "intern professor researcher community development service news network newspapers magazine bureau "
    "desk wire media group "
    # A paper's name after its writers ("Ana Ruiz; Tom Hale; Financial Times").
    "times post journal herald gazette tribune telegraph chronicle courier observer".split()
)
# Small words a name may hold in lower case ("Ana de la Cruz", "Ludwig van Beethoven", "Omar bin Laden").
_NAME_PARTICLES = frozenset("de da di du del della der den van von la le bin ibn al el dos das do e y and the".split())  # noqa: SIM905


# English "By" alone: "Von Miller" and "Av Ruiz" may be names, not a German or Swedish byline's label.
_BY_LABEL = re.compile(r"^by\s*:?\s+", re.IGNORECASE)


def metadata_author(text: str | None) -> str | None:
    """A page metadata's author without the labels and dates some sites put there, or None when
    nothing else is left ("View Profile", "Monday; November ; Ana Ruiz" -> "Ana Ruiz").

    A name ends at a word in lower case beyond a name's small words, at a link's or a photo's label,
    before the page's date and before a reporter's role ("Jon Ruiz RSS feed", "Ana Ruiz Thursday",
    "Ana Ruiz Staff Writer" -> "Ana Ruiz"); what is left of fewer than two words ("Fighting back"),
    a commenter's "Name says" and the rest of an e-mail address name no one."""
    if not text:
        return None
    kept = []
    for part in text.split(";"):
        # A byline's label, as dumps keep it in their author field ("By Ana Ruiz", "BY: ANA RUIZ").
        words = _BY_LABEL.sub("", part.strip()).split()
        plain = [word.strip(".,:–—-").lower() for word in words]
        # A commenter's "Name says", or what is left of an address ("Tglantz Com" for tglantz@x.com).
        if not words or "says" in plain or plain[-1] in _ADDRESS_ENDINGS:
            continue
        end = next(
            (
                index
                for index, (word, lowered) in enumerate(zip(words, plain, strict=True))
                if lowered in _NOT_NAME_WORDS or (word[:1].islower() and lowered not in _NAME_PARTICLES)
            ),
            len(words),
        )
        cut = _before_role(plain, end)
        if end < len(words) and plain[end] in _ROLE_NOUNS:
            # A role in lower case ends the name before its words of the beat ("Mark Ruiz Environment reporter").
            cut = min(cut, _before_role(plain, end + 1))
        # A role alone after a name's part is the named person's ("Tom Ruiz; AP Auto Writer"), as is
        # their work or employer ("Software Engineer", "IDG News Service", "The Example Star") and a
        # degree's letters ("M D"); what follows the work is its place or employer ("Director; Example EMEA").
        if kept and cut == end == len(words) and _names_work(words, plain):
            break
        end = cut
        # A date after the name ("Staff Writers January") is the page's, not the author's.
        while end and _is_date_word(plain[end - 1]):
            end -= 1
        if end < len(words) and end < 2:
            continue
        if not all(word in _AUTHOR_LABELS or _is_date_word(word) for word in plain[:end]):
            kept.append(" ".join(words[:end]).strip(" .,:–—-"))
    return "; ".join(kept) or None


def _names_work(words: list[str], plain: list[str]) -> bool:
    """Whether a part of a metadata author after a name names that person's work, not another person:
    it opens with a work's word or with no name's, or a short one ends with a work's word ("IDG News
    Service"; "Ana Ruiz Example Newspapers" may be a second author with her paper)."""
    return (
        plain[0] in _WORK_WORDS
        or plain[0] in _NOT_A_NAME_START
        or (len(plain) <= WORK_PART_WORDS and plain[-1] in _WORK_WORDS)
        or all(len(word) == 1 for word in plain)
        or not any(word[:1].isupper() for word in words)
    )


def _before_role(plain: list[str], end: int) -> int:
    """Where a name ends that a reporter's role follows to the end ("Marc Katz Staff Writer"): at the
    role's first word, from the name's third on, where no role word comes before it ("The Associated
    Press" and "Our Special Correspondent" name no one before their role)."""
    if end < 3 or plain[end - 1] not in _ROLE_NOUNS:
        return end
    first = next((index for index in range(end) if plain[index] in _ROLE_AFTER_NAME), end)
    return first if first >= 2 else end


def _is_date_word(word: str) -> bool:
    """Whether a word of a metadata author (lower case, marks off) is a date's: a figure, a month, a weekday."""
    return not word or word.isdigit() or word in MONTHS or word in WEEKDAYS


def split_reporter_credit(paragraph: str) -> tuple[str | None, str]:
    """Reporter credits at the end of the last paragraph, and the paragraph without them."""
    # Each pattern with a character run it cannot match without: a cheap test that spares scanning
    # the whole last paragraph of most articles from every position.
    for pattern, needed in ((_REPORTER_CREDIT, "__"), (_REUTERS_CREDIT, "(")):
        if needed not in paragraph:
            continue
        match = pattern.search(paragraph)
        if match and len(match.group("credit")) <= MAX_CREDIT_CHARACTERS:
            return match.group("credit").strip(), paragraph[: match.start()].rstrip()
    return None, paragraph


def is_credit_paragraph(paragraph: str) -> bool:
    """Whether a paragraph is a reporter credit alone ("Associated Press writer Ana Ruiz in Rome
    contributed to this report."), its "___" rule on a line apart or gone."""
    if "contributed" not in paragraph and "reported from" not in paragraph:
        return False
    return _CREDIT_PARAGRAPH.match(paragraph) is not None or (
        len(paragraph) <= MAX_CREDIT_CHARACTERS and _NAMED_CREDIT_PARAGRAPH.match(paragraph) is not None
    )


# "Editing by Tom Hallet", "Edited by ..." in a credit, up to its next clause ("(Reporting by Ana Ruiz;
# Editing by Tom Hallet)").
_EDITING_CLAUSE = re.compile(r"\b(?:editing|edited)\s+by\b[^;()]*", re.IGNORECASE)
# A credit that names the reporters or writers first: its names are the story's authors ("Additional
# reporting by" names helpers).
REPORTING_CREDIT = re.compile(r"^\(?(?:reporting|writing)\s+by\b", re.IGNORECASE)


# The outlet a contributor works for, before the name ("CNN's Leo Marsh", "Fox News' Ana Ruiz").
_OUTLET_POSSESSIVE = re.compile(r"^(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*(?:['’]s|s['’])\s+(?=[A-Z])")


def names_in_credit(credit: str) -> list[str]:
    """People named in a reporter credit ("X reported from Athens. Y in Skopje contributed.",
    "Associated Press writers X and Y contributed to this report.")."""
    # An agency's and a role's words before the names ("AP Sports Writer", "Associated Press
    # writers") open the names as a sentence would; the editors a Reuters credit names wrote nothing.
    text = _CREDIT_ROLE.sub(". ", _EDITING_CLAUSE.sub("", credit))
    names = []
    for match in _CREDIT_NAMES.finditer(text):
        previous = text[: match.start(1)].rstrip().lower()
        if previous.endswith(("from", " in")):
            continue
        run = [match.group(1)]
        # Names listed together ("X, Y and Z"): each after a comma or an "and".
        position = match.end(1)
        while True:
            # A contributor's place between two names ("Y in Skopje and Z contributed") is passed over.
            place = _CONTRIBUTOR_PLACE.match(text, position)
            following = _NEXT_CREDIT_NAME.match(text, place.end() if place else position)
            if following is None:
                break
            run.append(following.group(1))
            position = following.end(1)
        for candidate in run:
            name = _OUTLET_POSSESSIVE.sub("", _AFTER_CREDIT_NAME.split(candidate)[0].strip())
            # "The Associated Press contributed to this report." names the agency (the credit), no one.
            is_agency = _whole_agency(name) is not None
            if name and not is_agency and name.lower() not in {"reporting", "editing", "writing", "additional"}:
                names.append(name)
    return names


# A label a page sets before its author's name ("About the Author RYAN MCNEILL").
_AUTHOR_LABEL = re.compile(r"^(?:about the author|written by|posted by|author)\s*:?\s+", re.IGNORECASE)
# What "Special to The Gazette" leaves after a name once the paper's name went: "SAEED SHAH Special".
_SPECIAL_TO = re.compile(r"\s+Special$")
# A name run into its paper's "The" ("AL ALEXANDERThe Patriot Ledger").
_RUN_INTO_THE = re.compile(r"(?<=[A-Z]{2})(?=The\s+[A-Z])")
NAME_WORDS = (2, 3)
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
_NAME_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


def byline_without_employer(byline: str | None) -> str | None:
    """A byline without the label before the name and the paper after it, where the paper is told
    from the name by its case: "Marc Kaufman WASHINGTON POST", "FRANK BODANI Daily Record", "MIRJAM
    SWANSON THE PRESS-ENTERPRISE". Several names set apart by "," or "and" are left whole."""
    if not byline:
        return byline
    text = _SPECIAL_TO.sub("", _RUN_INTO_THE.sub(" ", _AUTHOR_LABEL.sub("", byline.strip())))
    first, *others = (part.strip() for part in text.split(";"))
    kept = [_name_without_employer(first)]
    # A later part is a second author's name, or the first author's place, job or site ("Lucas Mearian;
    # Computerworld", "Mariko Oi BBC News; Singapore", "Dan Ruiz; RESIZE A A A"), which goes with the rest.
    for part in others:
        if not _reads_as_name(part):
            break
        kept.append(part)
    return "; ".join(part for part in kept if part) or byline


_NOT_NAME_CHARACTER = re.compile(r"[^a-z0-9]+")


def _outlet_key(outlet: str) -> str:
    """An outlet's name or host reduced to its letters and figures ("The Harbour Gazette" and
    "www.harbourgazette.example" both "harbourgazette")."""
    outlet = outlet.strip()
    if " " not in outlet and "." in outlet:
        outlet = outlet.removeprefix("www.").split(".")[0]
    return _NOT_NAME_CHARACTER.sub("", outlet.lower().removeprefix("the "))


# Two keys of one site share a run of this many characters at least ("newyorktimes", "nytimes").
SITE_KEY_RUN = 4


def names_another_site(site_name: str, address: str) -> bool:
    """Whether a site's declared name ("Daily Digest Portal") is clearly not the site of a web address
    ("aulncourier.example"): no label of the host is the name, its initials ("scmp" for South China
    Morning Post) or shares a run of SITE_KEY_RUN letters with it. Unsure (a short name) is False."""
    host = urlparse(address).hostname if address.startswith(("http://", "https://")) else None
    labels = [label for label in (host or "").split(".")[:-1] if label not in _GENERIC_HOST_LABELS]
    name = _outlet_key(site_name)
    if not labels or len(name) < SITE_KEY_RUN:
        return False
    words = tuple(_LETTER_RUN.findall(site_name.lower()))
    runs = {name[start : start + SITE_KEY_RUN] for start in range(len(name) - SITE_KEY_RUN + 1)}
    for label in labels:
        key = _NOT_NAME_CHARACTER.sub("", label)
        if len(key) < SITE_KEY_RUN or key in name or name in key or _abbreviates(key, words):
            return False
        if any(key[start : start + SITE_KEY_RUN] in runs for start in range(len(key) - SITE_KEY_RUN + 1)):
            return False
    return True


def _abbreviates(key: str, words: tuple[str, ...]) -> bool:
    """Whether a host's label is made of the name's words in order, each whole or by its first letter,
    some left out, a host's own words added ("nbcdfw" for NBC 5 Dallas-Fort Worth, "nytimes", "scmp",
    "jsonline" for the Milwaukee Journal Sentinel)."""

    @cache
    def formed(position: int, word: int) -> bool:
        if position == len(key):
            return True
        # A host adds words of its own to the name ("jsonline", "abcnews", "ksltv").
        if any(key.startswith(filler, position) and formed(position + len(filler), word) for filler in _HOST_FILLERS):
            return True
        for index in range(word, len(words)):
            current = words[index]
            if key.startswith(current, position) and formed(position + len(current), index + 1):
                return True
            if key[position] == current[0] and formed(position + 1, index + 1):
                return True
        return False

    return formed(0, 0)


_HOST_FILLERS = ("online", "news", "daily", "web", "digital", "tv", "now", "today", "live", "media", "the")
# Labels of a host that name no site: "www", second-level domains of countries ("co.uk"), sections.
_GENERIC_HOST_LABELS = frozenset({"www", "m", "amp", "co", "com", "org", "net", "gov", "ac", "edu", "news", "edition"})


# A role after an author's name: its words up to a role noun ("Education reporter", "Health
# Correspondent", "Senior Political Editor", "Staff Writer"), then the employer if any ("BBC News").
_ROLE_NOUN_WORDS = frozenset({*_ROLE_NOUNS, "columnist", "contributor", "journalist", "producer"})
_ROLE_MODIFIERS = frozenset(
    {
        *_ROLE_AFTER_NAME,
        *("education", "economics", "economic", "foreign", "legal", "crime", "court", "courts", "transport"),
        *("culture", "arts", "music", "film", "fashion", "food", "travel", "media", "tech", "energy", "climate"),
        *("defence", "defense", "diplomatic", "security", "home", "affairs", "markets", "finance", "financial"),
        *("investigative", "general", "assistant", "managing", "executive", "associate", "digital", "video"),
        *("weather", "metro", "city", "state", "local", "regional", "world", "freelance", "guest", "political"),
    }
)
# A role's words: its nouns and the words before them.
_ROLE_PHRASE_WORDS = _ROLE_MODIFIERS | _ROLE_NOUN_WORDS
ROLE_WORDS_BEFORE_NOUN = 3


def byline_without_role(byline: str | None) -> str | None:
    """One author's byline without the role after the name ("Judith Burns Education reporter BBC
    News" -> "Judith Burns", "Ana Ruiz, Health Correspondent" -> "Ana Ruiz"); others as they are."""
    if not byline or "&" in byline or " and " in byline or ";" in byline:
        return byline
    name_part, comma, after_comma = byline.partition(",")
    words = name_part.split()
    # "Name Surname, Role": the name is all before the comma.
    counts = [len(words)] if comma else [3, 2]
    for count in counts:
        name = words[:count]
        rest = [*words[count:], *after_comma.replace(",", " ").split()]
        if (
            count in (2, 3)
            and len(name) == count
            and rest
            and all(word[:1].isupper() and word.lower() not in _ROLE_PHRASE_WORDS for word in name)
            and rest[0].lower() in _ROLE_PHRASE_WORDS
            and any(word.lower().strip(".") in _ROLE_NOUN_WORDS for word in rest[: ROLE_WORDS_BEFORE_NOUN + 1])
        ):
            return " ".join(name)
    return byline


def byline_without_outlets(byline: str | None, outlets: Sequence[str | None]) -> str | None:
    """A byline without its parts that name an outlet of the page ("Ana Ruiz; Harbour Gazette" where
    the page says it first appeared in the Harbour Gazette): an outlet is no author."""
    if not byline or ";" not in byline:
        return byline
    keys = {key for outlet in outlets if outlet and len(key := _outlet_key(outlet)) >= 4}
    kept = [part.strip() for part in byline.split(";") if _outlet_key(part) not in keys]
    return "; ".join(kept) if kept else byline


# Roman numerals after a name stay in capitals ("JOHN DOE III" -> "John Doe III").
_ROMAN_NUMERALS = frozenset({"II", "III", "IV", "V", "VI"})
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_NAME_CONNECTORS = frozenset({"and", "und", "y", "et", "&"})


def readable_byline(byline: str | None) -> str | None:
    """A byline in capitals, as agencies set theirs ("MARIA DELGADO and TOM WESTON"), in the case names
    are written ("Maria Delgado and Tom Weston"), so that a copy's byline reads as its source's. An
    agency's name or one word alone stays as it is ("AFP", "CP")."""
    if not byline or len(byline.split()) < 2 or canonical_agency(byline) is not None:
        return byline
    # The words between names may be in lower case ("MARIA DELGADO and TOM WESTON").
    names = " ".join(word for word in byline.split() if word not in _NAME_CONNECTORS)
    if names != names.upper() or not any(character.isalpha() for character in names):
        return byline

    def word(text: str) -> str:
        if text in _ROMAN_NUMERALS or text in _NAME_CONNECTORS:
            return text
        if text == "AND":
            return "and"
        return _LETTER_RUN.sub(lambda letters: letters.group(0).capitalize(), text)

    return " ".join(word(text) for text in byline.split(" "))


def _reads_as_name(part: str) -> bool:
    """Two to four words of a name, an initial only within it ("Wade A Reynolds")."""
    words = part.split()
    return (
        2 <= len(words) <= 4
        and all(_name_word(word) for word in words)
        and _letters(words[0]) >= 2
        and _letters(words[-1]) >= 2
    )


def _name_without_employer(text: str) -> str:
    """One author's part of a byline without the paper after the name (byline_without_employer)."""
    words = text.split()
    if any(mark in text for mark in ",&") or any(word.lower() == "and" for word in words):
        return text
    for count in NAME_WORDS:
        name, rest = words[:count], words[count:]
        if not rest or rest[0] in _NAME_SUFFIXES or not all(_name_word(word) for word in name):
            continue
        # An initial ("J D BIERSDORFER") is in either case: the name's other words tell its case.
        styles = {in_capitals(word) for word in name if _letters(word) >= 2}
        if len(styles) != 1 or _letters(name[-1]) < 2:
            continue
        if rest[0].lower() == "the" and len(rest) >= 2 and all(_name_word(word) for word in rest):
            return " ".join(name)
        if styles == {False} and _ACRONYM.match(rest[0]) and rest[0] not in _NAME_SUFFIXES:
            # A broadcaster's or a paper's initials after a name in mixed case ("Helen Briggs BBC News").
            return " ".join(name)
        if any(in_capitals(word) in styles or _letters(word) < 2 for word in rest):
            continue
        if all(_name_word(word) or word.isupper() for word in rest):
            return " ".join(name)
    return text


def _name_word(word: str) -> bool:
    """A word a name is made of: a capital first, letters (and an initial's dot, a hyphen or an apostrophe)."""
    return word[:1].isupper() and word.replace(".", "").replace("-", "").replace("'", "").replace("’", "").isalpha()


def _letters(word: str) -> int:
    return sum(character.isalpha() for character in word)


def in_capitals(word: str) -> bool:
    """ALL CAPITALS, two letters or more, as a wire byline writes a name or a dateline its city ("McSHANE" is not)."""
    letters = [character for character in word if character.isalpha()]
    return len(letters) >= 2 and all(character.isupper() for character in letters)

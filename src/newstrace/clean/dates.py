"""Dates: explicit dates in text, weekday words resolved against an anchor, never a guess.

A handful of regular expressions rather than dateparser: dateparser's search mode reads numbers
and words such as "may" as dates and costs milliseconds per call, while these cover the forms
news pages print ("December 1, 2023", "14 February 2024", "2024-02-14", "14.02.2024").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from newstrace.clean.patterns import AGENCIES, AGENCY_NAMES

MONTHS: dict[str, int] = {}
for month_names in (
    [
        # English, French, German, Spanish, Italian, Portuguese; Dutch and Indonesian; Russian as dates
        # write it ("15 января 2024", the genitive); then the other languages' short forms ("3 déc 2025",
        # "3. Dez. 2025", "3 dic 2025"), but for those that are English words ("out", "set", "ago").
        "january jan janvier januar enero gennaio janeiro januari января janv ene gen",
        "february feb février fevrier februar febrero febbraio fevereiro februari февраля févr fevr fev",
        "march mar mars märz marz marzo março maart maret марта mär mrt",
        "april apr avril abril aprile апреля avr abr",
        "may mai mayo maggio maio mei мая",
        "june jun juin juni junio giugno junho июня giu",
        "july jul juillet juli julio luglio julho июля juil lug",
        "august aug août aout agosto augustus agustus августа",
        "september sep sept septembre septiembre settembre setembro сентября",
        "october oct octobre oktober octubre ottobre outubro октября okt ott",
        "november nov novembre noviembre novembro ноября",
        "december dec décembre decembre dezember diciembre dicembre dezembro desember декабря déc dez dic",
    ],
    # Polish, Czech, Ukrainian and Greek as dates write them (the genitive: "12 listopada 2025"),
    # Romanian, the Nordic languages' forms the first list lacks, Finnish ("12. marraskuuta 2025").
    # Names that are people's first names too ("Maja", Turkish "Kasım" and "Nisan") are left out: a
    # byline's first word that is a month is no name.
    [
        "stycznia ledna січня ianuarie tammikuuta ιανουαρίου",
        "lutego února лютого februarie helmikuuta φεβρουαρίου",
        "marca března березня martie marts maaliskuuta μαρτίου",
        "kwietnia dubna квітня aprilie huhtikuuta απριλίου",
        "května травня maj toukokuuta μαΐου",
        "czerwca června червня iunie kesäkuuta ιουνίου",
        "lipca července липня iulie heinäkuuta ιουλίου",
        "sierpnia srpna серпня augusti elokuuta αυγούστου",
        "września září вересня septembrie syyskuuta σεπτεμβρίου",
        "października října жовтня octombrie lokakuuta οκτωβρίου",
        "listopada listopadu листопада noiembrie marraskuuta νοεμβρίου",
        "grudnia prosince грудня decembrie joulukuuta δεκεμβρίου",
    ],
    # Arabic, as Egyptian and Gulf papers and agencies write the months ("4 مارس 2026"), and the
    # Levantine names of one word ("4 آذار 2026"); the Levantine January, October, November and
    # December are two.
    [
        "يناير",
        "فبراير شباط",
        "مارس آذار",
        "أبريل ابريل إبريل نيسان",
        "مايو أيار",
        "يونيو يونيه حزيران",
        "يوليو يوليه تموز",
        "أغسطس اغسطس آب",
        "سبتمبر أيلول",
        "أكتوبر اكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
):
    for number, names in enumerate(month_names, start=1):
        for name in names.split():
            MONTHS[name] = number

WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
# The names by first letter, each letter's in the order above, behind a look at the first letter: the
# same matches as one alternation of all names, which the regex engine tried name by name at every word
# (find_dates 0.11 -> 0.05 ms a page). No character matches two of the letters, ignoring case.
_MONTH_FIRST_LETTERS = "".join(dict.fromkeys(name[0] for name in _MONTH_NAMES))
_MONTH = (
    rf"(?=[{_MONTH_FIRST_LETTERS}])(?P<month>"
    + "|".join(
        rf"{letter}(?:{'|'.join(name[1:] for name in _MONTH_NAMES if name[0] == letter)})"
        for letter in _MONTH_FIRST_LETTERS
    )
    + r")\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_YEAR_END = r"(?:\b|(?=[0-2]?\d:[0-5]\d))"
# Day, month and year with dots ("11.06.2012"), read day first as most of the world writes it.
_DOTTED_DATE = re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d{2})\b")
# A weekday's name, whole or shortened, right before a date ("Tuesday, 11.06.2012", "Tue 11/06/2012").
_WEEKDAY_NUMBER = {name[:3]: number for name, number in WEEKDAYS.items()}
_WEEKDAY_BEFORE = re.compile(rf"\b(?P<weekday>{'|'.join(_WEEKDAY_NUMBER)})[a-z]{{0,6}}\.?,?\s*$", re.IGNORECASE)
# Each form with the characters one of which its every match holds (none: any text may match), looked
# for before the form's regex runs: most texts with a year hold no "-", "." or "年" (find_dates
# 0.024 -> 0.018 ms a line holding a year).
_DATE_FORMS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    # A space may stand before the comma ("January 9 , 2008"), as pages joined from cells print it.
    # A comma may follow the month too ("Jan, 15, 2008").
    # The time may follow the year without a space, as a page's date and time spans scrape
    # ("September 12, 20253:42 PM GMT").
    (re.compile(rf"\b{_MONTH},?\s+{_DAY}\s*,?\s+{_YEAR}{_YEAR_END}", re.I), ()),
    (re.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH}\s*,?\s+(?:de\s+)?{_YEAR}{_YEAR_END}", re.I), ()),
    # With hyphens between the parts ("12-Jan-2008"), as some sites' date stamps write it.
    (re.compile(rf"\b{_DAY}-{_MONTH}-{_YEAR}\b", re.I), ("-",)),
    (re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"), ("-",)),
    # The year first with slashes ("2008/01/15"), as Japanese and many sites' stamps write it; not an
    # address's path ("/2008/01/15/"), which the page's address already gives where it is its own.
    (re.compile(r"(?<![\w/])(?P<year>(?:19|20)\d{2})/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?![\d/])"), ("/",)),
    (_DOTTED_DATE, (".",)),
    # The year first with dots, as Korean and Chinese sites' stamps write it ("2025.10.14 18:42",
    # "2025. 10. 14."); not a version's number inside a word or after a dot ("v2025.1.2").
    (
        re.compile(r"(?<![\w.])(?P<year>(?:19|20)\d{2})\.\s?(?P<month>[01]?\d)\.\s?(?P<day>[0-3]?\d)(?![\d])(?!\.\d)"),
        (".",),
    ),
    # Chinese and Japanese "2024年3月4日", Korean "2024년 3월 4일".
    (
        re.compile(
            r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"
        ),
        ("年", "년"),
    ),
]
# Day and month written with slashes or hyphens ("10/18/2012" in the US, "18/10/2012" elsewhere,
# "12-30-2007"): read only where one of the two numbers is over 12, or both are equal; "09/08/2012"
# could be either, so no date.
_SLASHED = re.compile(
    r"(?<![\d/-])(?P<first>[0-3]?\d)(?P<separator>[/-])(?P<second>[0-3]?\d)(?P=separator)"
    r"(?P<year>(?:19|20)\d{2})(?![\d/-])"
)
_YEAR_HINT = re.compile(r"(?:19|20)\d\d")
# A publication label in a language that writes the day first, right before a date in figures
# ("Publié le 03/12/2025", "Publicado el", "Veröffentlicht am", "Pubblicato il", "Gepubliceerd op"):
# no page in these languages writes the month first.
_DAY_FIRST_LABEL = re.compile(
    r"(?:publié|mis\s+à\s+jour|publicado|actualizado|atualizado|veröffentlicht|aktualisiert|pubblicato"
    r"|aggiornato|gepubliceerd|bijgewerkt|diterbitkan|опубликовано|обновлено)\b[^\d/]{0,12}$",
    re.IGNORECASE,
)
# How far a date reaches before its year ("14th de septiembre de 2024": 25 characters, room left for
# wider spacing) and after it ("2024-09-14", and one character for the end-of-word tests).
_BEFORE_YEAR = 80
_AFTER_YEAR = 8
# Up to this length a text is searched whole: its windows would cover most of it anyway.
_WHOLE_TEXT_LENGTH = 400
_WEEKDAY = re.compile(r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_WIRE_DATE = re.compile(r"^(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{2,4})$")
# A date that opens or closes a period is no publication's ("Since 1st March, 1999": an archive's
# first day, over every page of a site; "Until June 3, 2024"), nor is a site's founding
# ("Established 1 March 1999").
_PERIOD_WORDS = frozenset(
    (
        *("since", "until", "till", "from", "before", "after", "seit", "bis", "depuis", "desde", "hasta", "dal"),
        *("fino", "established", "est", "founded", "gegründet", "fondé", "fundado", "fundada", "fondato"),
    )
)
# Words that may stand beside the date on a date line: labels, time of day, weekday abbreviations.
_DATE_LINE_WORDS = {
    "published", "updated", "posted", "last", "on", "at", "am", "pm", "a", "m", "p", "uhr", "h",
    # "Last Update: 12/30/2007", "Article Launched: 01/14/2008 02:57:26 AM PST" (a newspaper group's system).
    "update", "article", "launched",
    # The labels of scrapers' header lines ("Publish date: 2025-03-12 00:00:00", "Date: ...").
    "publish", "date", "dated", "created", "modified", "first", "originally", "time",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "de", "le", "um",
    "publicado", "actualizado", "veröffentlicht", "aktualisiert", "stand", "publié", "mis", "à", "jour",
    # Chinese, Japanese and Korean labels: published, updated, time, date, source; am, pm, hour, minute.
    "发布时间", "发布", "时间", "更新时间", "更新", "日期", "来源", "發佈時間", "發布時間",
    "公開", "配信", "掲載", "時", "分", "입력", "수정", "기사입력", "최종수정", "오전", "오후", "시", "분",
    # Arabic: published, on, date, last, update, morning, evening; the weekdays.
    "نشر", "نشرت", "في", "بتاريخ", "تاريخ", "النشر", "آخر", "اخر", "تحديث", "صباحا", "مساء", "ص", "م",
    "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "الاحد",
}  # fmt: skip
# Figures and separators (full-width ones too) between the words of a date line.
_NOT_WORDS = re.compile(r"[\d:,.|/\-–—()：，（）【】]")
_ON_BEFORE = re.compile(r"\bon\s+(?:[A-Z][a-z]+,?\s+)?$")
_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class FoundDate:
    value: date
    start: int
    end: int


def _month_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return MONTHS.get(text.lower().rstrip("."))


def find_dates(text: str, day_first: bool = False) -> list[FoundDate]:
    """Every explicit, complete date in the text, in order of appearance. `day_first`: a date in figures
    that reads either way ("02/12/2026") is read day first, as pages in languages other than English
    write them all; else it is left undecided, unless a label in such a language stands before it."""
    # Every form carries a four-digit year; most lines have none, and this test is cheap.
    if not _YEAR_HINT.search(text):
        return []
    windows = [(0, len(text))] if len(text) <= _WHOLE_TEXT_LENGTH else _year_windows(text)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for form, marks in _DATE_FORMS:
        if marks and not any(mark in text for mark in marks):
            continue
        for window_start, window_end in windows:
            for match in form.finditer(text, window_start, window_end):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue
                month = _month_number(match.group("month"))
                try:
                    value = date(int(match.group("year")), month or 0, int(match.group("day")))
                except ValueError:
                    continue
                if form is _DOTTED_DATE:
                    # As written: day, then month.
                    value = (
                        _as_its_weekday_reads(text, match.start(), value, (value.day, value.month), value.year) or value
                    )
                found.append(FoundDate(value, match.start(), match.end()))
                taken.append((match.start(), match.end()))
    for window_start, window_end in windows if "/" in text or "-" in text else ():
        for match in _SLASHED.finditer(text, window_start, window_end):
            first, second, year = int(match.group("first")), int(match.group("second")), int(match.group("year"))
            value = _unambiguous_slashed(first, second, year)
            if value is None and first <= 12 and second <= 12:
                # "Tuesday, 11/06/2012": the weekday tells which reading the page means.
                value = _as_its_weekday_reads(text, match.start(), None, (first, second), year)
            if value is None and (
                day_first or _DAY_FIRST_LABEL.search(text, max(0, match.start() - 40), match.start())
            ):
                # "Publié le 03/12/2025": a label in a language whose dates run day first.
                value = _day_first(first, second, year)
            if value is not None:
                found.append(FoundDate(value, match.start(), match.end()))
    return sorted(found, key=lambda item: item.start)


def _as_its_weekday_reads(text: str, start: int, read: date | None, parts: tuple[int, int], year: int) -> date | None:
    """Of the two readings of a date in figures (`parts`: its two first numbers as written), the one
    whose weekday the name before it gives ("Tuesday, 11.06.2012" is 6 November, a Tuesday, not 11
    June, a Monday); `read` where the name agrees with it, or where there is no name or it fits neither."""
    if (weekday := _WEEKDAY_BEFORE.search(text, max(0, start - 16), start)) is None:
        return read
    number = _WEEKDAY_NUMBER[weekday["weekday"].lower()]
    if read is not None and read.weekday() == number:
        return read
    fitting = []
    for month, day in (parts, parts[::-1]):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == number:
            fitting.append(candidate)
    return fitting[0] if len(fitting) == 1 else read


def _day_first(day: int, month: int, year: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _unambiguous_slashed(first: int, second: int, year: int) -> date | None:
    if first <= 12 and second <= 12 and first != second:
        return None
    month, day = (first, second) if second > 12 or first == second else (second, first)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_windows(text: str) -> list[tuple[int, int]]:
    """The stretches of text around its four-digit years, where any date must lie (merged, in order).

    Every form carries a year, so the forms are searched there only: a 4,000-word lede cost four
    scans of the whole text from every position (0.6 ms), most lines have no year at all.
    """
    windows: list[tuple[int, int]] = []
    for match in _YEAR_HINT.finditer(text):
        start, end = max(0, match.start() - _BEFORE_YEAR), min(len(text), match.end() + _AFTER_YEAR)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def is_date_line(line: str) -> date | None:
    """The date of a line that is mostly a date ("Wednesday, 14 February 2024, 12:22")."""
    return date_line_of(line, find_dates(line))


def date_line_of(line: str, dates: Sequence[FoundDate]) -> date | None:
    """is_date_line for a line whose dates were found already. A line of a publication's date and its
    update's ("Published March 3, 2025 at 6:12 p.m. | Updated March 3, 2025 at 9:40 p.m.") is one too,
    and gives the publication's."""
    if not dates or len(dates) > DATE_LINE_DATES:
        return None
    if any(mark in line for mark in _PERIOD_MARKS):
        # A period's start ("2018.04.05 ~ OPEN RUN", "2018.04.05 ~ 2018.05.06"), no publication's date.
        return None
    # Two dates without an update's label are a period ("March 3, 2025 - April 5, 2025").
    label_starts = [0, *(found.end for found in dates[:-1])]
    labelled = (is_update(line, found, start) for found, start in zip(dates, label_starts, strict=True))
    if len(dates) > 1 and not any(labelled):
        return None
    ends = [0, *(found.end for found in dates)]
    starts = [*(found.start for found in dates), len(line)]
    rest = _WEEKDAY.sub("", "".join(line[end:start] for end, start in zip(ends, starts, strict=True)))
    # A reading time beside the date ("2 min read . Updated: 02 Dec 2026") is the same header's.
    rest = _READING_TIME.sub(" ", rest) if "min" in rest.lower() else rest
    leftover = [word for word in _words_besides_dates(rest) if not (word.isupper() and len(word) <= 4)]
    if len(leftover) > 1 or (leftover and leftover[0].lower() in _PERIOD_WORDS):
        return None
    return dates[0].value if len(dates) == 1 else publication_date(line, dates)[0].value


_PERIOD_MARKS = ("~", "〜", "～")
# A reading time: "2 min read", "5-minute read", "Lesezeit: 3 Min.", "3 min de lecture", "Lectura: 4 min".
_READING_TIME = re.compile(
    r"\b\d{1,3}\s*-?\s*min(?:ute)?s?\.?\s+(?:read|de\s+lecture|de\s+lectura|di\s+lettura|leestijd)\b"
    r"|\b(?:lesezeit|reading\s+time|read\s+time|lectura|temps\s+de\s+lecture|tempo\s+di\s+lettura)\s*:?\s*\d{1,3}\s*min\w*\.?",
    re.IGNORECASE,
)
# A date line holds a publication's date and perhaps its update's: more dates make a list or a table.
DATE_LINE_DATES = 2
# A label that says a date is an update's, not the publication's ("Updated: March 10, 2024", "Last
# modified", "Actualizado", "Aktualisiert", "Mis à jour", "更新"): at most a few words before the date.
_UPDATE_LABEL = re.compile(
    r"(?:\b(?:update[ds]?|modified|revised|actualizado|atualizado|aggiornato|aktualisiert|mis\s+à\s+jour)|更新|تحديث)"
    r"(?:\s*(?:on|at|am|le|el|em|il)\b)?[^|/•·;\d]{0,12}$",
    re.IGNORECASE,
)
# How far before a date its label may stand.
_LABEL_REACH = 30
_AGENCY_NAMES_LOWER = frozenset(name.lower() for name in (*AGENCIES, *AGENCY_NAMES))
# A label that says a date is the publication's ("Published: October 14, 2025", "Publié le").
_PUBLISHED_LABEL = re.compile(r"\b(?:published|publi[ée]|publicado|pubblicato|veröffentlicht|نشر)\b", re.IGNORECASE)


def is_update(text: str, found: FoundDate, after: int = 0) -> bool:
    """Whether a date in a line is labelled as an update's ("Updated March 10, 2024"); `after`: where
    the text that may hold its label begins (the end of the date before it)."""
    return _UPDATE_LABEL.search(text, max(after, found.start - _LABEL_REACH), found.start) is not None


def publication_date(text: str, dates: Sequence[FoundDate]) -> tuple[FoundDate, bool]:
    """Of a line's dates (at least one), the first not labelled as an update's ("Updated March 10, 2024
    | Published March 3, 2024" gives March 3), else the first; and whether it is an update's."""
    previous_end = 0
    for found in dates:
        if not is_update(text, found, previous_end):
            return found, False
        previous_end = found.end
    return dates[0], True


def _words_besides_dates(text: str) -> list[str]:
    """The words of a date line's text that are not figures, separators or date words ("posted", "at")."""
    return [word for word in _NOT_WORDS.sub(" ", text).split() if word.lower() not in _DATE_LINE_WORDS]


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_WEB_ADDRESS = re.compile(r"\bwww\.|://")


def is_time_stamp(line: str, dates: Sequence[FoundDate]) -> bool:
    """Whether a line gives one date and a clock time after it ("#1.2 - Tue Jul 24, 2012 12:06 PM
    EDT ldo", "on 25 Oct 2012 at 7:57 pm 9 GregT"): when a comment or a post was made."""
    return len(dates) == 1 and _CLOCK.search(line, dates[0].end) is not None


def is_comment_stamp(line: str, dates: Sequence[FoundDate] | None = None) -> bool:
    """Whether a date line names someone before the date and gives a clock time after it ("Maria July
    7, 2012 at 2:31 pm", "tim — June 25th, 2012, 12:21 am"): when a comment was posted, not the article.
    `dates`: the line's dates, where they were found already."""
    if dates is None:
        dates = find_dates(line)
    if not is_time_stamp(line, dates):
        return False
    # A site's address before the stamp ("www.example.com 2007-11-24 16:23 Print") is no commenter.
    if _WEB_ADDRESS.search(line, 0, dates[0].start):
        return False
    # A label of the publication's stamp ("PTI | Updated: Oct 14, 2025, 21:10 IST"): a commenter's
    # stamp has none.
    if is_update(line, dates[0]) or _PUBLISHED_LABEL.search(
        line, max(0, dates[0].start - _LABEL_REACH), dates[0].start
    ):
        return False
    before = line[: dates[0].start]
    words = _words_besides_dates(_READING_TIME.sub(" ", before) if "min" in before.lower() else before)
    # An agency's name is its credit ("Reuters | Oct 14, 2025 08:10 IST"), no commenter's.
    if " ".join(words).lower() in _AGENCY_NAMES_LOWER:
        return False
    # Commenters' names are often lower-case handles ("ashray", "tim").
    return bool(words) and all(
        word.lower() not in MONTHS and word.lower() not in WEEKDAYS and word.lower() not in _OTHER_WEEKDAYS
        for word in words
    )


# Weekdays' names in the other languages of dated header lines ("Selasa, 14 Oktober 2025 18:42 WIB",
# "Dienstag, 14. Oktober 2025, 18:42 Uhr"): before a stamp, a day's name, not a commenter's.
_OTHER_WEEKDAYS = frozenset(
    (
        *("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag"),
        *("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        *("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
        *("segunda", "terça", "quarta", "quinta", "sexta", "feira"),
        *("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
        *("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
        *("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"),
    )
)


def weekdays_in(text: str) -> list[int]:
    return [WEEKDAYS[match.group("weekday").lower()] for match in _WEEKDAY.finditer(text)]


def resolve_weekday(weekday: int, anchor: date, on_or_before: bool) -> date:
    """The day with that weekday nearest the anchor; only on or before it when the anchor is the
    publication date (a report tells of days that have passed)."""
    back = (anchor.weekday() - weekday) % 7
    if on_or_before:
        return anchor - timedelta(days=back)
    forward = (weekday - anchor.weekday()) % 7
    return anchor + timedelta(days=forward) if forward < back else anchor - timedelta(days=back)


# A day of the year without its year, as wire datelines print it ("BERN, Nov 5 (Reuters)", "Beijing,
# Jan. 15 (Xinhua)", "LIMA, 15 janvier (AFP)"): the whole of what is read, nothing else around it.
_MONTH_DAY = re.compile(rf"^\s*{_MONTH}\s+(?P<day>\d{{1,2}})\s*$", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"^\s*(?P<day>\d{{1,2}})\.?\s+{_MONTH}\s*$", re.IGNORECASE)


def month_day(text: str) -> str | None:
    """A day without its year ("Nov 5", "15 janvier") as ISO 8601 writes one: "--11-05"; else None."""
    match = _MONTH_DAY.match(text) or _DAY_MONTH.match(text)
    if match is None:
        return None
    month = _month_number(match.group("month"))
    day = int(match.group("day"))
    try:
        # A leap year admits 29 February.
        date(2000, month or 0, day)
    except ValueError:
        return None
    return f"--{month:02d}-{day:02d}"


def fewest_days_apart(first: date | str, second: date | str) -> int | None:
    """Days between two dates, either of which may be a day without its year ("--11-05"): the fewest
    its years allow (a day of the year is at most half a year from any date); None where unreadable."""
    if isinstance(first, str) and isinstance(second, str):
        # Two days without years: as near as any two years put them.
        anchor = _day_in_year(first, 2000)
        return None if anchor is None else fewest_days_apart(anchor, second)
    if isinstance(first, str):
        first, second = second, first
    assert isinstance(first, date)
    nearest = second if isinstance(second, date) else nearest_date_of_day(second, first)
    return None if nearest is None else abs((first - nearest).days)


def nearest_date_of_day(day: str, anchor: date) -> date | None:
    """A day without its year ("--11-05") in the year that puts it nearest the anchor date."""
    candidates = [_day_in_year(day, year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    readable = [candidate for candidate in candidates if candidate is not None]
    return min(readable, key=lambda candidate: abs((anchor - candidate).days), default=None)


def _day_in_year(value: str, year: int) -> date | None:
    try:
        return date(year, int(value[2:4]), int(value[5:7]))
    except ValueError:
        return None


def parse_wire_date(text: str) -> date | None:
    """A PA wire header date, day first: "01/03/00" is 1 March 2000."""
    match = _WIRE_DATE.match(text.strip())
    if not match:
        return None
    year = int(match.group("year"))
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None


def parse_metadata_date(text: str | None) -> date | None:
    """A date given by a feed or page metadata: ISO first, then any explicit form."""
    if not text:
        return None
    iso = _ISO_PREFIX.match(text)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    dates = find_dates(text)
    return dates[0].value if dates else None


# An ISO 8601 date and time of day, with seconds, fractions and an offset or none.
_ISO_TIME = re.compile(
    r"^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?\s*$", re.I
)


# RSS's date and time (RFC 2822): "Tue, 01 Dec 2026 09:10:00 GMT", "1 Dec 2026 09:10:00 +0100".
_RSS_TIME = re.compile(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}")


def metadata_time(text: str | None, day: str | None) -> str | None:
    """The date and time of day a metadata date gives (ISO 8601, to the minute or second, with its
    offset where it has one), where its day is `day`; None for a date without a time. Midnight
    exactly is no time: feeds write a day alone so."""
    stamp = _metadata_stamp(text) if text else None
    if stamp is None or stamp.date().isoformat() != day or (stamp.hour, stamp.minute, stamp.second) == (0, 0, 0):
        return None
    return stamp.replace(microsecond=0).isoformat()


def _metadata_stamp(text: str) -> datetime | None:
    """The date and time of an ISO 8601 or an RSS (RFC 2822) date with a time of day, or None."""
    if (match := _ISO_TIME.match(text)) is not None:
        offset = match.group(3)
        if offset:
            offset = "+00:00" if offset.upper() == "Z" else f"{offset[:3]}:{offset[-2:]}"
        try:
            return datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}{offset or ''}")
        except ValueError:
            return None
    if _RSS_TIME.match(text) is None:
        return None
    try:
        return parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return None


# A page's address holding its publication day: "/2012/08/09/", "/2012-08-09-", "/20120809/",
# within a name ("news_20080113-story.htm", "RTGAM.20071229.wbhutto", "/20080108NHL--STLOUIS") or as
# a time stamp's start ("/200801140647/", "/20071229085406tsop"): a day and a time of four or six
# digits, or as a folder of its own day first ("/18012008/1/fulham-wrap-hangeland-capture.html"). A year
# and month alone ("/2012/08/") name no day, nor does a longer run of digits. On the
# 2,167 training pages as a crawl, the stamps and names added 17 days: 13 the day their metadata
# gives, one two days from it, two of undated pages, and one against a date line that was the
# site's clock (the day it was saved).
_URL_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<sep>[/_-])(?P<month>[01]\d)(?P=sep)(?P<day>[0-3]\d)(?!\d)"
    r"|(?<!\d)(?P<year3>(?:19|20)\d{2})(?P<month3>[01]\d)(?P<day3>[0-3]\d)(?=\D|$|\d{4}(?:\d{2})?(?:\D|$))"
    r"|/(?P<year2>(?:19|20)\d{2})/(?P<month2>[01]?\d)/(?P<day2>[0-3]?\d)/"
    r"|/(?P<day4>[0-3]\d)(?P<month4>[01]\d)(?P<year4>(?:19|20)\d{2})/"
)
# Each month's English name (the first MONTHS lists for it), and its number by its first three letters.
_ENGLISH_MONTHS = {number: name for name, number in reversed(MONTHS.items())}
_MONTH_OF_ABBREVIATION = {name[:3]: number for number, name in _ENGLISH_MONTHS.items()}
# A day whose month the address names ("/2019/nov/18/", "/2008/january/09/"), as The Guardian's and
# many other sites' addresses do.
_URL_NAMED_MONTH_DATE = re.compile(
    rf"/(?P<year>(?:19|20)\d{{2}})/(?P<month>{'|'.join(_MONTH_OF_ABBREVIATION)})[a-z]{{0,6}}/(?P<day>[0-3]?\d)/",
    re.IGNORECASE,
)
# A day the query names as a path of its own: "pbcs.dll/article?AID=/20080102/SPORTS09/801020434", as
# many newspapers' publishing system wrote their addresses. Other numbers in a query are ids.
_QUERY_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)/")

_URL_DATE_GROUPS = (
    ("year", "month", "day"),
    ("year3", "month3", "day3"),
    ("year2", "month2", "day2"),
    ("year4", "month4", "day4"),
)


def date_from_url(url: str | None) -> date | None:
    """The publication day a page's address spells out, or None."""
    if not url:
        return None
    path, _, query = url.partition("?")
    for match in _URL_DATE.finditer(path):
        year, month, day = next(match.group(*names) for names in _URL_DATE_GROUPS if match.group(names[0]) is not None)
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            continue
    for match in _URL_NAMED_MONTH_DATE.finditer(path):
        month = match["month"].lower()
        # The whole name, or its abbreviation ("sept"), and nothing else ("/2019/marketing/12/").
        name = match.group().split("/")[2].lower()
        if not _is_month_name(name, month):
            continue
        try:
            return date(int(match["year"]), _MONTH_OF_ABBREVIATION[month], int(match["day"]))
        except ValueError:
            continue
    for match in _QUERY_DATE.finditer(query):
        try:
            return date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            continue
    return None


def _is_month_name(name: str, abbreviation: str) -> bool:
    """Whether a folder's name is a month's, whole or shortened ("nov", "sept", "november")."""
    return _ENGLISH_MONTHS[_MONTH_OF_ABBREVIATION[abbreviation]].startswith(name)


# A date written in figures alone, day and month in either order ("01/09/2008", "01.09.2008", "1/11/08").
_FIGURE_DATE = re.compile(
    r"(?<![\d/.\-])(?P<first>[0-3]?\d)(?P<separator>[/.\-])(?P<second>[0-3]?\d)(?P=separator)"
    r"(?P<year>(?:19|20)?\d{2})(?!\d)"
)
# A date written year first ("2008/01/08", "2008-01-08"): one reading only.
_YEAR_FIRST = re.compile(r"(?<!\d)((?:19|20)\d{2})[/\-](\d{1,2})[/\-](\d{1,2})(?!\d)")
# A North American time zone after a date and time: the date puts its month first ("01/09/2008 9:37 PM PST").
_AMERICAN_ZONE = re.compile(r"[^<>\n]{0,25}?\b(?:[ECMP][SD]?T|AK[SD]T|H[SD]T)\b")
# A year and month in a page's address ("/2012/11/"), without the day date_from_url needs.
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/([01]?\d)/")


def month_from_url(url: str | None) -> tuple[int, int] | None:
    """The year and month a page's address names ("/2012/08/"), or None."""
    if not url or (found := _URL_MONTH.search(url.split("?", 1)[0])) is None:
        return None
    year, month = int(found[1]), int(found[2])
    return (year, month) if 1 <= month <= 12 else None


_READ_AHEAD = 300_000


def confirmed_figure_date(found: date, html: str, url: str | None = None) -> date | None:
    """A page's date from its metadata where the page does not write it in figures alone that read
    either way; else the reading the page's own evidence gives, or None (never a guess).

    htmldate reads "01/09/2008" and "01/09/08" day first (1 September), but American pages put the
    month first (9 January). Evidence, in order: the page states one reading another way (year
    first, or with a month's name); its other figure dates with the same separator have a part over
    12; a North American time zone follows the date; its address names the year and month. On 2,500
    training and crawled pages, 53 metadata dates had no other form: 40 are read the other way round
    (wherever the address or the crawl's month could check, rightly), 13 are left undated."""
    if found.day > 12 or found.day == found.month:
        return found
    head = html[:_READ_AHEAD]
    # Every figure date of the page, read once: the found date's own, and the others that tell the order.
    all_figures = list(_FIGURE_DATE.finditer(head))
    figures = [
        match
        for match in all_figures
        if _full_year(match["year"]) == found.year
        and {int(match["first"]), int(match["second"])} == {found.day, found.month}
    ]
    if not figures:
        # Found in a form other than figures (a meta tag's own format): nothing to doubt.
        return found
    # Looked for only now: reading a whole page for dates costs milliseconds.
    stated = _stated_dates(head)
    if found in stated:
        return found
    swapped = date(found.year, found.day, found.month)
    if swapped in stated:
        return swapped
    month_first = _puts_month_first(head, all_figures, figures, url, found)
    if month_first is None:
        return None
    first, second = int(figures[0]["first"]), int(figures[0]["second"])
    return date(found.year, first, second) if month_first else date(found.year, second, first)


def _stated_dates(head: str) -> set[date]:
    """The dates a page states so that they read one way only: year first, or with a month's name."""
    stated = {item.value for item in find_dates(head) if not _FIGURE_DATE.fullmatch(head, item.start, item.end)}
    for match in _YEAR_FIRST.finditer(head):
        try:
            stated.add(date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            continue
    return stated


def _full_year(year: str) -> int:
    """A figure date's year: two figures are this century's ("08" is 2008)."""
    return int(year) if len(year) == 4 else 2000 + int(year)


def _puts_month_first(
    head: str, all_figures: list[re.Match[str]], figures: list[re.Match[str]], url: str | None, found: date
) -> bool | None:
    """Whether the page writes figure dates month first, day first, or None where nothing tells
    (`figures`: the found date's own among all the page's, `all_figures`)."""
    separator = figures[0]["separator"]
    month_first = day_first = 0
    for match in all_figures:
        if match["separator"] != separator:
            continue
        first, second = int(match["first"]), int(match["second"])
        month_first += second > 12 >= first
        day_first += first > 12 >= second
    if month_first != day_first:
        return month_first > day_first
    if any(_AMERICAN_ZONE.match(head, match.end()) for match in figures):
        return True
    in_address = month_from_url(url)
    if in_address is not None and in_address[0] == found.year and in_address[1] in (found.day, found.month):
        return in_address[1] == int(figures[0]["first"])
    return None


# A photo from the archive, as agencies caption one: AP's "FILE - In this May 3, 2019, file photo ..." and
# "(AP Photo/Ana Ruiz, File)", "Archive picture", German "Archivbild", Spanish "foto de archivo", French
# "photo d'archives".
_FILE_PHOTO = re.compile(
    r"^\W*file\s*[-–—:]|\bfile\s+(?:photo|image|picture)\b|,\s*file\s*\)|\barchive\s+(?:photo|image|picture)\b"
    r"|\barchivbild\b|\bfoto\s+de\s+archivo\b|\bphoto\s+d['’]archives?\b",
    re.IGNORECASE,
)


# How far into the first paragraph "on <date>" names the reported day: its first sentence or two. A page
# saved as one paragraph holds the whole report there ("... lifted off ... on August 3, 2004" of a probe
# reaching Mercury in 2008).
LEDE_DATE_REACH = 400


def choose_article_date(
    metadata_date: str | None,
    date_lines: list[tuple[date, str]],
    wire_date: str | None,
    captions: list[str],
    paragraphs: list[str],
) -> tuple[date | None, str | None]:
    """The article's date and where it came from, by the strength of the evidence; `date_lines`
    are the dates of the article's header lines with their kind, the strongest first."""
    published = parse_metadata_date(metadata_date)
    if published:
        return published, "metadata"
    if date_lines:
        return date_lines[0]
    wire = parse_wire_date(wire_date) if wire_date else None
    if wire:
        return wire, "wire header"
    lede = paragraphs[0] if paragraphs else ""
    # A file photo's caption dates the photo, not the report.
    current_captions = [caption for caption in captions if not _FILE_PHOTO.search(caption)]
    for where, texts in (("caption", current_captions), ("lede", [lede])):
        for text in texts:
            dates = find_dates(text)
            if where == "lede":
                # A date in the body may be history ("founded on May 2, 1998"); only "on <date>"
                # in the first paragraph tells of the reported day.
                dates = [
                    found for found in dates if found.start < LEDE_DATE_REACH and _ON_BEFORE.search(text[: found.start])
                ]
            if not dates:
                continue
            anchor = dates[0].value
            if where == "lede":
                # "On <date>" in the first paragraph names the reported day itself; a weekday
                # further on tells of another day (a transcript's lede ran to 4,000 words).
                return anchor, where
            lede_weekdays = weekdays_in(_without_dates(lede))
            if lede_weekdays:
                resolved = resolve_weekday(lede_weekdays[0], anchor, on_or_before=False)
                if abs((resolved - anchor).days) <= 3:
                    return resolved, "weekday in the lede, anchored on the caption date"
            return anchor, where
    return None, None


def _without_dates(text: str) -> str:
    for found in reversed(find_dates(text)):
        text = text[: found.start] + text[found.end :]
    return text


# A clock time after a date, in a date line: "6:05 AM", "18.42", "11:30 a.m.".
_TIME_OF_DAY = re.compile(
    r"\b(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?!\d)(?:\s*(?P<half>[ap])\.?\s*m\b\.?)?", re.IGNORECASE
)


def stamp_of_date_line(line: str, day: date) -> datetime | None:
    """The date and clock time a date line gives its day ("October 14, 2025, 6:05 AM" -> 06:05), with
    the zone named right after the time where it names one (_zone_after): the time just after that
    day's date, else the one just before it ("8:40 AM, Oct 14, 2025", "10:05 a.m. EDT October 14,
    2025"), else None."""
    # A time before a date may not be the previous date's ("13/10/2025 18:42, updated 14/10/2025").
    previous_end = 0
    for found in find_dates(line):
        if found.value != day:
            own_clock = _TIME_OF_DAY.search(line, found.end, found.end + TIME_AFTER_DATE_REACH)
            previous_end = own_clock.end() if own_clock else found.end
            continue
        clock = _TIME_OF_DAY.search(line, found.end, found.end + TIME_AFTER_DATE_REACH) or _time_before(
            line, max(previous_end, found.start - 2 * TIME_AFTER_DATE_REACH), found.start
        )
        if clock is None:
            return None
        hour, minute = int(clock["hour"]), int(clock["minute"])
        if clock["half"]:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if clock["half"].lower() == "p" else 0)
        if hour > 23 or minute > 59:
            return None
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=_zone_after(line, clock.end()))
    return None


# A time's zone right after it, where it names one offset: GMT or UTC (with its hours, "GMT-4"), and
# the zones of North America's and Europe's papers. Other abbreviations name several zones ("IST" is
# India's and Ireland's, "CST" China's too, though papers in English mostly mean America's).
_ZONE = re.compile(
    r"\s*(?:(?P<universal>GMT|UTC)(?:\s*(?P<sign>[+−-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?)?"
    r"|(?P<named>EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST))\b"
)
_NAMED_ZONE_HOURS = {
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "BST": 1, "CET": 1, "CEST": 2,
}  # fmt: skip


def _zone_after(line: str, end: int) -> timezone | None:
    """The time zone named right after a time in a line, or None."""
    found = _ZONE.match(line, end)
    if found is None:
        return None
    if found["named"]:
        return timezone(timedelta(hours=_NAMED_ZONE_HOURS[found["named"]]))
    if not found["sign"]:
        return UTC
    offset = timedelta(hours=int(found["hours"]), minutes=int(found["minutes"] or 0))
    return timezone(-offset if found["sign"] in "-−" else offset) if offset <= timedelta(hours=14) else None


# How far after its date a date line's time may stand ("October 14, 2025 at 6:05 AM", "14/10/2025 à 18h42"),
# or before it ("8:40 AM EDT, Oct 14, 2025").
TIME_AFTER_DATE_REACH = 12


def _time_before(line: str, earliest: int, start: int) -> re.Match[str] | None:
    """The last time of day between `earliest` and a date's start, ending just before the date."""
    last = None
    for clock in _TIME_OF_DAY.finditer(line, earliest, start):
        last = clock
    return last if last is not None and start - last.end() <= TIME_AFTER_DATE_REACH else None

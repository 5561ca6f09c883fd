"""Digests: pages that run several wire reports one after another, each under its own dateline (a
night's game capsules, a page of news briefs). Each report is an article of its own, traced to its
own story; read as one article, a digest resembles every report it sums up and joins their stories."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from newstrace.clean.credits import Dateline, split_dateline

# A source's tag after a place, ending the dateline: "Cleveland, OH (Sports Network) - ", "Perth (WAN): ".
# Any source may file a digest's reports, so the tag is read without the list of known agencies; it
# counts only where two reports of the page carry it (DIGEST_REPORTS).
_SOURCE_TAG = re.compile(
    r"\((?P<source>[A-Z][\w&.'’]*(?: [A-Z][\w&.'’]*){0,3})\)\s*(?:-{1,2}|[–—]|:)\s+(?=[A-Z0-9\"“‘'])"
)
# Where a tag may end the place before it: a place, its region and the place again ("Charlotte, NC --
# Charlotte, NC (Sports Network) - ").
SOURCE_TAG_REACH = 80
# How far into a paragraph a dateline's source is named.
OPENING_CHARACTERS = 120
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")
PLACE_WORDS = 8
# Reports under the same unknown source's tag for a page to be read as a digest of them; one report
# under a known agency's dateline after the first paragraph is enough (the agency writes one a report).
DIGEST_REPORTS = 2
# Paragraphs of prose above the first dateline that make a report of their own.
REPORT_ABOVE_PARAGRAPHS = 3
# A line above a report's dateline that heads it ("Final Score: Cleveland 95, Seattle 79").
HEADING_WORDS = 16
# A report opens with a sentence of its news; a list's entries under a tag ("England (Group A) - 10th
# appearance") do not.
REPORT_OPENING_WORDS = 12


@dataclass(frozen=True, slots=True)
class DigestReport:
    """One report of a digest: the paragraph its dateline opens, the heading above it, if any."""

    start: int
    heading: int | None
    dateline: Dateline
    text: str  # the opening paragraph without its dateline


def source_dateline(paragraph: str) -> tuple[Dateline, str] | None:
    """A dateline ending in any source's tag ("Cleveland, OH (Sports Network) - "), and the rest."""
    if "(" not in paragraph[:SOURCE_TAG_REACH]:
        return None
    tag = _SOURCE_TAG.search(paragraph, 0, SOURCE_TAG_REACH + 20)
    if tag is None or tag.start() > SOURCE_TAG_REACH:
        return None
    place = paragraph[: tag.start()].strip()
    if not place or not place[0].isupper() or _SENTENCE_END.search(place) or len(place.split()) > PLACE_WORDS:
        return None
    # "Charlotte, NC -- Charlotte, NC": the place as the tag's line gives it.
    place = place.rsplit("--", 1)[-1].strip(" ,-")
    return Dateline(place, tag.group("source"), paragraph[: tag.end()].strip()), paragraph[tag.end() :]


def digest_reports(paragraphs: list[str], opened_by_dateline: bool = False) -> list[DigestReport]:
    """The reports after the first of a digest's text (empty for an article): each where a paragraph
    after the first opens with a known agency's dateline, or with a tag that two paragraphs share.
    Unless the text opened with a dateline (`opened_by_dateline`, or a shared tag's), the first such
    paragraph opens the first report: what stands above it is as often a caption or the header's
    pieces ("| 1/7/2008, 6:30 p.m. EST By ANA RUIZ The Associated Press |") as a report."""
    found: dict[int, tuple[Dateline, str, bool]] = {}
    for position, paragraph in enumerate(paragraphs):
        opening = paragraph[:OPENING_CHARACTERS]
        # A dateline names its source in brackets, between slashes ("/PRNewswire/") or, in East Asian
        # copy, in its own brackets: most paragraphs are passed over without a regex.
        if "(" not in opening and "/" not in opening and opening.isascii():
            continue
        dateline, rest = split_dateline(paragraph)
        known = dateline is not None and bool(dateline.agency)
        if not known:
            dateline, rest = source_dateline(paragraph) or (None, paragraph)
        if dateline is not None and dateline.place and len(rest.split()) >= REPORT_OPENING_WORDS:
            found[position] = (dateline, rest, known)
    sources = Counter(dateline.agency for dateline, _, known in found.values() if not known)
    reporting = {
        position: (dateline, rest)
        for position, (dateline, rest, known) in found.items()
        if known or sources[dateline.agency] >= DIGEST_REPORTS
    }
    opened = opened_by_dateline or 0 in reporting
    if not opened and reporting:
        # A report of its own above the first dateline (a page's undated lead story, then its briefs):
        # paragraphs of prose, not a caption or the header's pieces.
        above = paragraphs[: min(reporting)]
        opened = sum(_prose(paragraph) for paragraph in above) >= REPORT_ABOVE_PARAGRAPHS
    reports: list[DigestReport] = []
    previous = 0
    for position in sorted(reporting):
        dateline, rest = reporting[position]
        if position == 0:
            continue
        if not opened:
            opened, previous = True, position
            continue
        heading = position - 1 if position - 1 > previous and _heading(paragraphs[position - 1]) else None
        reports.append(DigestReport(position, heading, dateline, rest))
        previous = position
    return reports


def opening_source_dateline(paragraphs: list[str], reports: list[DigestReport]) -> tuple[Dateline, str] | None:
    """The first report's own dateline under the source's tag that its later reports carry."""
    if not paragraphs or not reports:
        return None
    found = source_dateline(paragraphs[0])
    sources = {report.dateline.agency for report in reports}
    return found if found is not None and found[0].agency in sources else None


def _prose(paragraph: str) -> bool:
    return len(paragraph.split()) >= REPORT_OPENING_WORDS and paragraph.rstrip()[-1:] in '.!?"”'


def _heading(paragraph: str) -> bool:
    words = paragraph.split()
    return 0 < len(words) <= HEADING_WORDS and paragraph.rstrip()[-1:] not in '.!?"”'

from __future__ import annotations

from newstrace.clean import clean_pages
from newstrace.clean.digests import digest_reports, source_dateline
from newstrace.clean.line_model import default_line_model
from newstrace.clean.text import clean_text
from newstrace.model import Page

CAPSULES = """Harbour League Game Capsules

Westmere, NL (Harbour Wire) - Ines Moreau scored 31 points and the Westmere Gulls held off the Holmstad Pilots, 98-91, on Tuesday night. The Gulls won their fifth game in a row.

Moreau added nine rebounds. Tomas Reyes led Holmstad with 22 points in the loss.

Final Score: Brackwater 104, Lindale 88

Lindale, NL (Harbour Wire) - Carl Abernethy hit six three-pointers as the Brackwater Otters ran away from the Lindale Foxes in the second half. Brackwater shot 54 percent from the field.

Lindale lost for the fourth time in five games at home.

Final Score: Kestrel Bay 77, Dunmore 75

Dunmore, NL (Harbour Wire) - Paul Ostrander's jumper with two seconds left lifted Kestrel Bay over Dunmore in a game of fourteen lead changes. Ostrander finished with 18 points.
"""

BRIEFS = """News in brief

HOLMSTAD (AP) — The harbour authority raised its dues on cargo ships by four percent on Monday, citing the cost of dredging the outer channel.

The new dues apply from the first of March.

WESTMERE (Reuters) - Rail workers in Westmere voted to end a two-week strike after the operator agreed to restore night shifts, their union said on Monday.
"""


def test_a_dateline_under_any_sources_tag() -> None:
    found = source_dateline("Lindale, NL (Harbour Wire) - Carl Abernethy hit six three-pointers.")
    assert found is not None
    dateline, rest = found
    assert (dateline.place, dateline.agency, rest) == (
        "Lindale, NL",
        "Harbour Wire",
        "Carl Abernethy hit six three-pointers.",
    )
    repeated = source_dateline("Dunmore, NL -- Dunmore, NL (Harbour Wire) - Paul Ostrander scored.")
    assert repeated is not None and repeated[0].place == "Dunmore, NL"


def test_a_sentence_with_brackets_is_no_dateline() -> None:
    assert source_dateline("The mayor thanked the crew. The port (Holmstad) - its owner said - will reopen.") is None
    assert source_dateline("a lower-case opening (Harbour Wire) - then text") is None


def test_one_report_under_an_unknown_sources_tag_is_an_article() -> None:
    paragraphs = [
        "The Gulls beat the Pilots on Tuesday.",
        "Westmere, NL (Harbour Wire) - Ines Moreau scored 31 points for the Gulls.",
    ]
    assert digest_reports(paragraphs) == []


STRIKE = "WESTMERE (Reuters) - Rail workers in Westmere voted to end a two-week strike on Monday, their union said."


def test_an_agency_dateline_after_a_dated_opening_opens_a_report() -> None:
    paragraphs = ["The harbour authority raised its dues on cargo ships.", "The new dues apply from March.", STRIKE]
    reports = digest_reports(paragraphs, opened_by_dateline=True)
    assert [(report.start, report.heading, report.dateline.agency) for report in reports] == [(2, None, "Reuters")]
    assert reports[0].text.startswith("Rail workers in Westmere voted")


def test_the_first_dateline_below_a_caption_opens_the_article_not_a_second_one() -> None:
    caption = "Rail workers leave the depot in Westmere on Monday."
    assert digest_reports([caption, STRIKE]) == []
    assert [report.start for report in digest_reports([caption, STRIKE, "A second paragraph.", STRIKE])] == [3]


def test_an_undated_lead_story_above_briefs_is_a_report_of_its_own() -> None:
    lead = [
        "The Holmstad harbour board met on Monday to settle the dues for the coming season.",
        "Members agreed that cargo ships would pay four percent more from the first of March.",
        "Fishing boats will pay the same as last year, the board's chairman told reporters.",
    ]
    second = STRIKE.replace("Rail workers", "Bus drivers")
    assert [report.start for report in digest_reports([*lead, STRIKE, second])] == [3, 4]
    # One paragraph above the first dateline is as often a caption: it opens that report.
    assert [report.start for report in digest_reports([lead[0], STRIKE, second])] == [2]


def test_a_list_under_tags_is_no_digest() -> None:
    entries = ["Holmstad (Group A) - 10th appearance", "Westmere (Group B) - Third appearance"]
    assert digest_reports(["The qualifying round is over.", *entries]) == []


def test_game_capsules_become_one_article_each_with_heading_and_dateline() -> None:
    articles = clean_text(CAPSULES, line_model=default_line_model())
    assert [article.title for article in articles] == [
        "Harbour League Game Capsules",
        "Final Score: Brackwater 104, Lindale 88",
        "Final Score: Kestrel Bay 77, Dunmore 75",
    ]
    assert [article.dateline for article in articles] == ["Westmere, NL", "Lindale, NL", "Dunmore, NL"]
    assert {article.credit for article in articles} == {"Harbour Wire"}
    assert articles[0].paragraphs[0].startswith("Ines Moreau scored 31 points")
    assert articles[1].paragraphs == [
        "Carl Abernethy hit six three-pointers as the Brackwater Otters ran away from the Lindale Foxes in the "
        "second half. Brackwater shot 54 percent from the field.",
        "Lindale lost for the fourth time in five games at home.",
    ]
    assert articles[2].paragraphs[0].startswith("Paul Ostrander's jumper")
    assert articles[2].metadata["digest_title"] == "Harbour League Game Capsules"
    # Each heading and dateline is the report's: no report keeps the next one's.
    assert not any("Final Score" in paragraph for article in articles for paragraph in article.paragraphs)


def test_briefs_under_agency_datelines_become_articles_credited_to_each_agency() -> None:
    articles = clean_text(BRIEFS, line_model=default_line_model())
    assert [(article.dateline, article.credit) for article in articles] == [("HOLMSTAD", "AP"), ("WESTMERE", "Reuters")]
    assert articles[0].paragraphs[-1] == "The new dues apply from the first of March."
    assert articles[1].paragraphs[0].startswith("Rail workers in Westmere voted")


def test_every_report_of_a_digest_takes_the_pages_date() -> None:
    page = Page(
        source="capsules.jsonl:1",
        content_hash="capsules",
        format="text",
        names=("capsules",),
        text=CAPSULES,
        url="https://harbourwire.example/2024/03/05/league-capsules",
    )
    articles = clean_pages([page])[0]
    assert isinstance(articles, list)
    assert [article.id for article in articles] == ["capsules#1", "capsules#2", "capsules#3"]
    assert {(article.date, article.date_source) for article in articles} == {("2024-03-05", "address")}

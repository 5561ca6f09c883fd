"""The plain-text cleaner on pages written for these tests."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import numpy as np
import pytest

from newstrace.clean import clean_pages
from newstrace.clean.headlines import site_names
from newstrace.clean.line_model import PageToScore, default_line_model
from newstrace.clean.lines import build_lines
from newstrace.clean.text import (
    BODY_THRESHOLD,
    EXTRACTED_BODY_THRESHOLD,
    MARKUP_REASON,
    TEASER_LIST_REASON,
    TEXT_FROM,
    CleanedText,
    TextToClean,
    _clean_by_model,
    _complete_numbered_lists,
    _complete_runs_of_rows,
    _end_at_closing_line,
    _holds_the_article,
    _kept_by_model,
    _part_naming_the_lede,
    clean_text,
    clean_texts,
    headline_after_trail,
    teaser_lists,
)
from newstrace.model import Page

WIRE_PAGE = """Harbour authority approves new ferry terminal after long dispute

  • Oops!
    Something went wrong.
    Please try again later.

VALLETTA, Malta (AP) — The harbour authority on Tuesday approved a new ferry terminal that will cost 40 million euros, ending a dispute that had lasted three years.

“We have waited far too long for this decision,” said port director Elena Grech, who had pushed for the plan since 2021.

The terminal will handle up to 12 ferries a day and is expected to open in the spring of 2026, officials said.

Residents who opposed the plan said they would keep watching the construction closely. ___ Mark Borg reported from Valletta. Anna Vella in Gozo contributed.
"""

SYNDICATED_PAGE = """Harbour Authority Approves New Ferry Terminal After Long Dispute

Port director Elena Grech speaks to reporters in Valletta on March 4, 2025. (Reuters)
Port director Elena Grech speaks to reporters in Valletta on March 4, 2025. (Reuters)
AA

Harbour Authority Approves New Ferry Terminal After Long Dispute

The harbour authority on Tuesday approved a new ferry terminal that will cost 40 million euros, ending a dispute that had lasted three years.

“We have waited far too long for this decision,” said port director Elena Grech, who had pushed for the plan since 2021.

The terminal will handle up to 12 ferries a day and is expected to open in the spring of 2026, officials said.



Flooding Closes Mountain Roads in Northern Province as Rivers Rise

Rescue workers clear debris from a road near Trento on October 9, 2024. (Photo by Luca Rossi / AFP)
Rescue workers clear debris from a road near Trento on October 9, 2024. (Photo by Luca Rossi / AFP)
AA

Flooding Closes Mountain Roads in Northern Province as Rivers Rise

Heavy rain closed dozens of mountain roads in the northern province on Thursday, and rescue teams evacuated two villages near the swollen river.
The regional governor, Paolo Ferraris, said that more than 300 people had spent the night in school gyms and that the army had sent trucks.
Forecasters expect the rain to ease by the weekend, although the river gauges near Trento remain above the alarm level.
"""

CONTENT_FARM_PAGE = """1. Home
  2. /
  3. World
  4. /
  5. Harbour Authority Finally Backs Ferry...

Harbour Authority Finally Backs Ferry Terminal Plan in Malta

Malta's harbour authority has given the green light to a ferry terminal worth 40 million euros, bringing an end to a three-year quarrel.

Credit: Shutterstock

The port director, Elena Grech, expressed frustration at how long the decision took, having championed it since 2021.

Read More: Ten Island Holidays That Will Change Your Life Forever

The facility is designed to serve as many as 15 ferries each day and should open in spring 2026.

Also Read: Shocking Footage Shows Tourist Falling Into Harbour

Locals who fought the project promised to keep a close eye on building work.

Read Next: Celebrities Who Secretly Own Islands – Number Five Will Surprise You!


Dana is a passionate writer who loves covering travel and politics. With a sharp eye for detail, she keeps readers informed. Stay tuned!
"""


def test_wire_page_gives_dateline_credit_byline_and_clean_body() -> None:
    [article] = clean_text(WIRE_PAGE)
    assert article.title == "Harbour authority approves new ferry terminal after long dispute"
    assert article.dateline == "VALLETTA, Malta"
    assert article.credit == "AP"
    assert article.byline == "Mark Borg, Anna Vella"
    assert article.paragraphs[0].startswith("The harbour authority on Tuesday approved")
    assert article.paragraphs[-1].endswith("keep watching the construction closely.")
    body = " ".join(article.paragraphs)
    for junk in ("Oops", "Something went wrong", "try again later", "(AP)", "___", "contributed"):
        assert junk not in body
    reasons = {removed.reason for removed in article.removed}
    assert {"error or loading widget", "wire dateline", "reporter credit"} <= reasons
    assert len(article.paragraphs) == 4


def test_a_reporter_credit_under_a_rule_of_its_own_goes_to_its_field() -> None:
    # The "___" rule on a line apart, the credit a paragraph of its own.
    page = WIRE_PAGE.replace(
        " ___ Mark Borg reported from Valletta. Anna Vella in Gozo contributed.",
        "\n\n___\n\nAssociated Press writer Anna Vella in Gozo contributed to this report.",
    )
    for model in (default_line_model(), None):
        [article] = clean_text(page, line_model=model)
        assert article.paragraphs[-1].endswith("keep watching the construction closely.")
        assert article.metadata["reporter_credit"].startswith("Associated Press writer Anna Vella")
        assert ("Associated Press writer Anna Vella in Gozo contributed to this report.", "reporter credit") in [
            (line.line, line.reason) for line in article.removed
        ]


def test_glued_page_is_split_with_captions_kept_once_and_dates_from_captions() -> None:
    first, second = clean_text(SYNDICATED_PAGE)
    assert first.title == "Harbour Authority Approves New Ferry Terminal After Long Dispute"
    assert second.title == "Flooding Closes Mountain Roads in Northern Province as Rivers Rise"
    assert first.captions == ["Port director Elena Grech speaks to reporters in Valletta on March 4, 2025. (Reuters)"]
    assert len(second.captions) == 1 and "Trento" in second.captions[0]
    assert len(first.paragraphs) == 3 and len(second.paragraphs) == 3
    assert not any(paragraph == "AA" for paragraph in first.paragraphs + second.paragraphs)
    assert not any("Flooding" in paragraph for paragraph in first.paragraphs)
    # The lede says "on Tuesday"; the caption's 4 March 2025 was a Tuesday.
    assert first.date is not None and first.date.isoformat() == "2025-03-04"
    # "on Thursday" next to a caption dated Wednesday 9 October 2024 is the day after.
    assert second.date is not None and second.date.isoformat() == "2024-10-10"
    assert "anchored on the caption date" in (second.date_source or "")


def test_content_farm_junk_is_removed_and_every_body_line_kept() -> None:
    [article] = clean_text(CONTENT_FARM_PAGE)
    assert article.title == "Harbour Authority Finally Backs Ferry Terminal Plan in Malta"
    body = "\n".join(article.paragraphs)
    for junk in (
        "Home",
        "Read More",
        "Also Read",
        "Read Next",
        "Credit: Shutterstock",
        "passionate writer",
        "Ferry...",
    ):
        assert junk not in body
    assert len(article.paragraphs) == 4
    assert article.paragraphs[-1] == "Locals who fought the project promised to keep a close eye on building work."
    assert article.date is None


def test_single_paragraph_page_loses_its_glued_related_list() -> None:
    page = (
        "Council Votes to Keep Night Buses Running\n\n"
        "The city council voted on Monday to keep the night bus network running for another year. "
        "Members said the service was vital for shift workers. Related Sources: • Source 1 • Source 2"
    )
    [article] = clean_text(page)
    assert article.paragraphs == [
        "The city council voted on Monday to keep the night bus network running for another year. "
        "Members said the service was vital for shift workers."
    ]
    assert article.removed[-1].reason == "related-links list glued to the last line"


def test_date_line_and_prompts_at_the_edges() -> None:
    page = (
        "Support Us\n\n"
        "“Fair deal” for growers promised, says farm minister Novak\n\n"
        "Thursday, 6 June 2024, 09:15\n"
        "Fair deal for growers promised, says farm minister Novak\n"
        "Marta Novak. Photo: Farm Ministry\n\n"
        "The farm minister promised growers a fair deal on Thursday after a week of protests outside the ministry.\n\n"
        "Growers say their costs have doubled since last year, while prices at the farm gate have fallen.\n\n"
        "Support our newsroom or become our patron!"
    )
    [article] = clean_text(page)
    assert article.title == "“Fair deal” for growers promised, says farm minister Novak"
    assert article.date is not None and article.date.isoformat() == "2024-06-06"
    assert article.date_source == "date line"
    assert article.captions == ["Marta Novak. Photo: Farm Ministry"]
    assert len(article.paragraphs) == 2
    reasons = [removed.reason for removed in article.removed]
    assert reasons.count("donation or membership prompt") == 2
    assert "repeated headline" in reasons


def test_the_date_under_the_headline_beats_the_mastheads_and_the_teasers() -> None:
    # Sites print the day the page was read in their masthead, and teasers after the article carry
    # their own dates: the article's date is the one between its headline and its text.
    page = (
        "Lakeside Courier\n"
        "Home | News | Sport | Weather\n"
        "Wednesday, 20 November 2024\n\n"
        "Ferry service to Holm island resumes after storm repairs\n\n"
        "By Ada Brennan\n"
        "18 November 2024, 16:40\n\n"
        "The ferry to Holm island sailed again on Monday after three weeks of repairs to the storm-damaged pier.\n\n"
        "Islanders had relied on a small launch for food and post while the main vessel stayed in port.\n\n"
        "The operator said timetables would return to normal by the end of the month, weather permitting.\n\n"
        "More from the Courier\n"
        "Harbour crane inspection finds cracks\n"
        "2 September 2024\n"
        "Council backs new lifeboat station\n"
        "14 August 2024\n"
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == "Ferry service to Holm island resumes after storm repairs"
    assert article.date is not None and article.date.isoformat() == "2024-11-18"
    assert article.date_source == "date line"
    [rules_article] = clean_text(page)
    assert rules_article.date is not None and rules_article.date.isoformat() == "2024-11-18"


LIBRARY_POST = (
    "Riverside Weekly\n"
    "Thursday, 12 June 2025\n\n"
    "Library opens a late reading room for shift workers\n\n"
    "{post_line}\n"
    "Share | Tweet | Email\n\n"
    "The town library opened a reading room on Monday that stays open until midnight, so that nurses and "
    "factory workers on late shifts can borrow books after work.\n\n"
    "The room holds four thousand books and a dozen desks, and volunteers from the reading circle staff it "
    "three nights a week.\n\n"
    "The librarian said the first week had brought more visitors than the daytime rooms see on a Saturday.\n"
)


@pytest.mark.parametrize(
    "post_line",
    [
        "Posted on June 9, 2025 by Ines Moreau in Local News",
        "By Ines Moreau - 9 June 2025 | 3 Comments",
        "Posted by Ines Moreau on June 9, 2025 at 6:48 pm",
        # A posting word names the post, though a clock time follows the date as on a comment.
        "Filed as Local News on June 9, 2025 6:48 pm by Ines Moreau",
    ],
)
def test_a_post_line_under_the_headline_dates_the_article_not_the_masthead(post_line: str) -> None:
    # A blog or news site's post line names its author, date and section beside each other, so it is
    # no date line; above the headline stands the day the page was read.
    page = LIBRARY_POST.format(post_line=post_line)
    # The rules alone choose the headline as the line model learnt from them (their reading is among
    # its inputs): a post line whose author follows its date is theirs to take for it.
    models = (default_line_model(),) if post_line.startswith("Filed") else (default_line_model(), None)
    for model in models:
        [article] = clean_text(page, line_model=model)
        assert article.title == "Library opens a late reading room for shift workers"
        assert (article.date.isoformat() if article.date else None, article.date_source) == (
            "2025-06-09",
            "header line",
        )
        assert article.byline == "Ines Moreau"
        assert post_line not in article.paragraphs


def test_a_sidebar_sentence_above_the_headline_does_not_make_the_header_body_text() -> None:
    # The model keeps a search box's sentence above the post: the post's headline and post line,
    # just under it, are still the header, not paragraphs.
    sidebar = "This search returns results from both the Riverside Weekly site and from its blog archive."
    post_line = "Posted on June 9, 2025 by Ines Moreau in Local News"
    page = LIBRARY_POST.format(post_line=post_line).replace(
        "Thursday, 12 June 2025\n\n", f"Thursday, 12 June 2025\n\n{sidebar}\nSearch form\n\n"
    )
    page = f"Library opens a late reading room for shift workers | Riverside Weekly\n\n{page}"
    [article] = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.title == "Library opens a late reading room for shift workers"
    assert (str(article.date), article.date_source, article.byline) == ("2025-06-09", "header line", "Ines Moreau")
    assert not {article.title, post_line, "Share | Tweet | Email"} & set(article.paragraphs)
    assert article.paragraphs[-1].startswith("The librarian said")


def test_author_and_date_after_the_headline_on_its_line_go_to_their_fields() -> None:
    page = LIBRARY_POST.format(post_line="Share | Tweet").replace(
        "for shift workers\n", "for shift workers by Ines Moreau on June 9, 2025\n", 1
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == "Library opens a late reading room for shift workers"
    assert (article.date.isoformat() if article.date else None, article.byline) == ("2025-06-09", "Ines Moreau")


def test_a_post_line_below_the_text_beats_the_masthead() -> None:
    page = LIBRARY_POST.format(post_line="Share | Tweet") + "Posted by Ines Moreau on June 9, 2025 | Permalink\n"
    for model in (default_line_model(), None):
        [article] = clean_text(page, line_model=model)
        assert (article.date.isoformat() if article.date else None, article.date_source) == (
            "2025-06-09",
            "footer line",
        )


def test_a_headline_opening_with_a_count_is_the_title_and_dates_below_it_are_the_articles() -> None:
    # "5 Reading Rooms ..." opens with a number as a list item does; it is still the headline, so the
    # date under it is the article's and the masthead's above it is not.
    page = (
        LIBRARY_POST.format(post_line="9/6/2025")
        .replace("Library opens a late reading room", "5 Libraries Open Late Reading Rooms")
        .replace("Thursday, 12 June 2025", "Thursday, 12 June 2025 | Home | News | Sport")
    )
    page = page.replace("9/6/2025", "June 9, 2025")
    # The line model's reading; the rules alone choose the headline as the model learnt from them.
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == "5 Libraries Open Late Reading Rooms for shift workers"
    assert (article.date.isoformat() if article.date else None) == "2025-06-09"


def test_a_web_address_and_date_after_the_headline_are_a_post_line_not_the_headline() -> None:
    # A line in lower case is read as the wrapped continuation of the headline above it; a site's
    # address and a date there are the post line, whose date is the article's.
    page = LIBRARY_POST.format(post_line="www.riversideweekly.example 2025-06-09 18:48:07 Print")
    for model in (default_line_model(), None):
        [article] = clean_text(page, line_model=model)
        assert article.title == "Library opens a late reading room for shift workers"
        assert (article.date.isoformat() if article.date else None) == "2025-06-09"


@pytest.mark.parametrize(
    ("header", "footer"),
    [
        ("Written by Ines Moreau, Staff Writer", ""),
        ("By: Ines Moreau (Diary)", ""),
        ("", "Posted by Ines Moreau at 6:48 PM"),
        # A post line whose date no reading settles (June 9 or September 6), and a name with a handle.
        ("By Ines Moreau on 09/06/2025 18:48 CET", ""),
        ("Ines Moreau, @inesmoreau", ""),
    ],
)
def test_a_line_naming_the_author_with_a_posting_word_gives_the_byline(header: str, footer: str) -> None:
    page = LIBRARY_POST.format(post_line=header or "Share | Tweet") + (f"{footer}\n" if footer else "")
    # The rules alone may take "By Ana on <date>" for the headline, as the line model learnt from them.
    models = (default_line_model(),) if " on " in header else (default_line_model(), None)
    for model in models:
        [article] = clean_text(page, line_model=model)
        assert article.byline == "Ines Moreau"
        assert not any("Moreau" in paragraph for paragraph in article.paragraphs)


def test_a_lower_case_byline_under_the_headline_is_not_read_as_the_headlines_end() -> None:
    # A line starting in lower case is read as the wrapped continuation of the one above; "by Ines
    # Moreau" alone is a byline.
    page = LIBRARY_POST.format(post_line="by Ines Moreau").replace("\n\nby Ines", "\nby Ines")
    for model in (default_line_model(), None):
        [article] = clean_text(page, line_model=model)
        assert article.title == "Library opens a late reading room for shift workers"
        assert article.byline == "Ines Moreau"


def test_by_on_a_line_of_its_own_and_the_name_on_the_next_give_the_byline() -> None:
    page = LIBRARY_POST.format(post_line="By\nInes Moreau")
    for model in (default_line_model(), _KeepEverything()):
        [article] = clean_text(page, line_model=model)  # type: ignore[arg-type]
        assert article.byline == "Ines Moreau"
        assert "Ines Moreau" not in article.paragraphs
        # Removed as what it is, the reason a reader sees.
        assert {"line": "Ines Moreau", "reason": "author line (byline)"} in [
            {"line": removed.line, "reason": removed.reason} for removed in article.removed
        ]
    # What follows a bare "By" must read as a name.
    [article] = clean_text(LIBRARY_POST.format(post_line="By\nTO THE EDITORS"), line_model=default_line_model())
    assert article.byline is None


def test_a_sentence_opening_with_by_names_no_author() -> None:
    page = LIBRARY_POST.format(post_line="By bus, the library is ten minutes from the station.")
    [article] = clean_text(page, line_model=default_line_model())
    assert article.byline is None


def test_a_post_line_just_above_the_headline_dates_the_article() -> None:
    page = LIBRARY_POST.format(post_line="Share | Tweet").replace(
        "Library opens a late reading room",
        "June 9, 2025, 18:36 GMT · By Ines Moreau\n\nLibrary opens a late reading room",
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == "Library opens a late reading room for shift workers"
    assert (article.date.isoformat() if article.date else None, article.byline) == ("2025-06-09", "Ines Moreau")


@pytest.mark.parametrize(
    ("line_above", "expected"),
    [
        # A column's name and the time of day beside the date: when the post went up.
        ("Night Shift Notes June 9, 2025, 6:48 pm", "2025-06-09"),
        # A posting word beside the date, and a share widget's words after it.
        ("Posted on Mon, June 9, 2025 print email", "2025-06-09"),
        # Without a time of day or an author, a date there may be the masthead's: the page's own
        # date line (the day it was read, 12 June) stands.
        ("Night Shift Notes June 9, 2025", "2025-06-12"),
    ],
)
def test_a_time_stamped_post_line_just_above_the_headline_dates_the_article(line_above: str, expected: str) -> None:
    page = LIBRARY_POST.format(post_line="Share | Tweet").replace(
        "Library opens a late reading room", f"{line_above}\n\nLibrary opens a late reading room"
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == "Library opens a late reading room for shift workers"
    assert article.date is not None and article.date.isoformat() == expected


def test_a_post_line_among_the_texts_first_lines_dates_the_article() -> None:
    # Under the text's first paragraph (a teaser the site prints above its post line); the post line
    # is left out of the text, and dates it, though its clock time follows the date as on a comment.
    post_line = "Posted by Riverside Desk on June 9, 2025 at 6:48 pm | 3 Comments"
    page = LIBRARY_POST.format(post_line="Share | Tweet").replace("The room holds", f"{post_line}\n\nThe room holds")
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs[0].startswith("The town library opened")
    assert post_line not in article.paragraphs
    assert article.date is not None and article.date.isoformat() == "2025-06-09"


def test_a_blogs_footer_sentence_opening_with_its_posting_dates_the_article() -> None:
    footer = (
        "Tags: library, night shift, reading\n"
        "Like this:\n"
        "Be the first to like this.\n"
        "This entry was posted on June 9, 2025 at 6:48 pm and is filed under Local News, Libraries. You can "
        "follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or trackback.\n"
    )
    [article] = clean_text(LIBRARY_POST.format(post_line="Share | Tweet") + footer, line_model=default_line_model())
    assert article.date is not None and article.date.isoformat() == "2025-06-09"
    assert article.date_source == "footer line"
    assert not any("entry was posted" in paragraph for paragraph in article.paragraphs)


@pytest.mark.parametrize(
    "script",
    [
        "if (document.layers) {document.write('<SCR' + 'IPT language=JavaScript SRC=/ads/show.js></SCR' + 'IPT>');}",
        'tag);_q+="&11="+escape(navigator.userAgent);_q+="&12="+escape(navigator.language);',
    ],
)
def test_a_pages_script_left_between_its_paragraphs_is_no_text(script: str) -> None:
    page = LIBRARY_POST.format(post_line="By Ines Moreau").replace("The room holds", f"{script}\n\nThe room holds")
    [article] = clean_text(page, line_model=default_line_model())
    assert script not in article.paragraphs
    assert (script, "script code") in [(removed.line, removed.reason) for removed in article.removed]
    # The article goes on after it.
    assert article.paragraphs[-1].startswith("The librarian said")


@pytest.mark.parametrize(
    "closed",
    [
        "Comments are now closed for this story",
        "Commenting has been turned off for this post.",
        "Reader views (2)",
        "TrackBack URL for this entry:",
    ],
)
def test_comments_closed_in_other_words_end_the_article(closed: str) -> None:
    comment = (
        "I have worked nights at the hospital for eleven years and this is the first time anyone in the town "
        "has thought about people like us, so thank you to the librarians who asked for it."
    )
    page = LIBRARY_POST.format(post_line="By Ines Moreau") + f"\n{closed}\n\n{comment}\n"
    [article] = clean_text(page, line_model=default_line_model())
    assert (closed, "comments section") in [(removed.line, removed.reason) for removed in article.removed]
    assert comment not in article.paragraphs
    assert article.paragraphs[-1].startswith("The librarian said")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # Bookmarking and sharing services named alone or in a bar.
        ("Digg this | Post to del.icio.us | Newsvine", "share or follow widget"),
        ("Send this article to a friend", "share or follow widget"),
        # Where an advertisement breaks the text.
        ("Continue reading the main story", "advertisement marker"),
        ("Article continues below advertisement", "advertisement marker"),
        # Widgets of comments, social services and the page's tools.
        ("Flag as Inappropriate", "comment widget"),
        ("twitter facebook", "share or follow widget"),
        ("Print | Email", "share or follow widget"),
        ("Reprints & Permissions", "page tools widget"),
        (
            "A version of this article appeared in print on 06/12/2025, on page A4 of the city edition.",
            "print edition note",
        ),
        ("If you enjoyed this article, please share it with your friends:", "share or follow widget"),
    ],
)
def test_a_widget_between_the_paragraphs_is_no_text_and_the_article_goes_on(line: str, reason: str) -> None:
    page = LIBRARY_POST.format(post_line="By Ines Moreau").replace("The room holds", f"{line}\n\nThe room holds")
    [article] = clean_text(page, line_model=default_line_model())
    assert (line, reason) in [(removed.line, removed.reason) for removed in article.removed]
    # Not a closing line: the article goes on after it.
    assert article.paragraphs[-1].startswith("The librarian said")


def test_a_comments_stamp_above_the_text_does_not_date_it() -> None:
    # On a page whose article is a thread, a commenter's stamp stands above the text; a post line
    # names its author with "by".
    page = LIBRARY_POST.format(post_line="Mara June 9, 2025 at 6:48 pm")
    [article] = clean_text(page, line_model=default_line_model())
    assert article.date is not None and article.date.isoformat() == "2025-06-12"
    assert article.date_source == "date line"


FERRY_MENU = "News Sport Business Opinion Culture Travel Weather Puzzles Podcasts Newsletters Jobs"
FERRY_BODY = (
    "The ferry to Holm island sailed again on Monday after three weeks of repairs to the storm-damaged pier.\n\n"
    "Islanders had relied on a small launch for food and post while the main vessel stayed in port.\n\n"
    "The operator said timetables would return to normal by the end of the month, weather permitting.\n"
)


def test_the_headline_is_the_line_the_pages_title_line_holds() -> None:
    # A scraped page opens with its <title>, headline and site name; the longer menu line and the
    # section banner below it are not the headline.
    page = (
        "Ferry to Holm island sails again - The Lakeside Courier\n"
        f"{FERRY_MENU}\n"
        "Island and Coast: Stories From Around the Lake This Week\n"
        "Ferry to Holm island sails again\n"
        f"By Ada Brennan\n\n{FERRY_BODY}"
    )
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.title == "Ferry to Holm island sails again"
        assert article.paragraphs[0].startswith("The ferry to Holm island sailed again")


FERRY_BODY_FR = (
    "Le ferry de l'île de Holm a repris la mer lundi après trois semaines de travaux sur la jetée.\n\n"
    "Les habitants dépendaient d'une petite vedette pour la nourriture et le courrier pendant ce temps.\n\n"
    "L'exploitant a indiqué que les horaires redeviendraient normaux d'ici la fin du mois.\n"
)


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        # French sets a space before a colon inside the headline: one headline, not a site's name and one.
        (
            "Île de Holm : le ferry reprend la mer après trois semaines",
            "Île de Holm : le ferry reprend la mer après trois semaines",
        ),
        (
            "Le ferry reprend la mer après trois semaines : courrierdulac.fr",
            "Le ferry reprend la mer après trois semaines",
        ),
        (
            "Courrier du Lac : Le ferry reprend la mer après trois semaines",
            "Le ferry reprend la mer après trois semaines",
        ),
    ],
)
def test_a_spaced_colon_before_small_letters_is_the_headlines_own(first_line: str, title: str) -> None:
    for model in (None, default_line_model()):
        [article] = clean_text(f"{first_line}\n\n{FERRY_BODY_FR}", line_model=model)
        assert article.title == title
        assert article.paragraphs[0].startswith("Le ferry de l'île de Holm")


def test_share_buttons_naming_their_service_are_neither_body_nor_title() -> None:
    # A magazine's page: its <title>, a long menu, the headline again, the contributor's box and the
    # sharing buttons, each naming where it shares to, over the story.
    menu = [
        f"{word} BrandVoice | Paid Program" if number % 3 == 0 else word
        for number, word in enumerate(
            [
                "Harbours",
                "Ferries",
                "Islands",
                "Weather",
                "Boats",
                "Fishing",
                "Sailing",
                "Rowing",
                "Tides",
                "Piers",
                "Marinas",
                "Beaches",
                "Lighthouses",
                "Canals",
                "Rivers",
                "Lakes",
                "Bridges",
                "Quays",
                "Docks",
                "Buoys",
                "Anchors",
                "Sails",
                "Masts",
                "Keels",
            ]
        )
    ]
    body = [
        "The ferry to Holm island sailed again on Monday after three weeks of repairs to the storm-damaged pier.",
        "Islanders had relied on a small launch for food and post while the main vessel stayed in port at Lenning.",
        "The operator said timetables would return to normal by the end of the month, and fares would not rise.",
        "Divers found cracks in four of the pier's concrete piles in September, and the council closed it at once.",
        "A temporary waiting room with 120 seats has been built on the south quay for early passengers.",
    ]
    headline = "Ferry to Holm island sails again after repairs"
    page = "\n".join(
        [
            headline,
            *menu,
            headline,
            "Ada Brennan Senior Contributor",
            "I am a writer and sailor who covers islands, ferries and the people who keep them running on time.",
            "Share to facebook",
            "Share to twitter",
            "Share to linkedin",
            *body,
        ]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == headline
    assert not [paragraph for paragraph in article.paragraphs if paragraph.startswith("Share to")]
    assert [line.line for line in article.removed if line.line.startswith("Share to")] == [
        "Share to facebook",
        "Share to twitter",
        "Share to linkedin",
    ]
    assert article.paragraphs[-len(body) :] == body


def test_a_title_line_alone_gives_its_headline_part_and_the_furniture_still_goes() -> None:
    # No later line repeats the <title> line's headline: the headline is its longest part, not the
    # longer menu line, and the menu is removed as before.
    page = f"The Lakeside Courier | Ferry to Holm island sails again after repairs\n{FERRY_MENU}\nBy Ada Brennan\n\n{FERRY_BODY}"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.title == "Ferry to Holm island sails again after repairs"
        assert article.paragraphs[0].startswith("The ferry to Holm island sailed again")
        assert not any("Podcasts" in paragraph for paragraph in article.paragraphs)
    # A masthead is no <title> line however long (without a separator), and a first line of a few
    # words is a site's name: the headline line wins.
    for opening in ("THE LAKESIDE VALLEY COURIER", "Lakeside Courier"):
        other = page.replace("The Lakeside Courier | Ferry to Holm island sails again after repairs", opening)
        other = other.replace("By Ada", "Ferry to Holm island sails again after three weeks of repairs\nBy Ada")
        for model in (None, default_line_model()):
            [article] = clean_text(other, line_model=model)
            assert article.title == "Ferry to Holm island sails again after three weeks of repairs"


def test_a_menu_bar_opening_the_page_is_no_title_line_and_the_repeated_headline_is_the_title() -> None:
    # "Home | News | World" is parted as a <title> is, but opens with a label: the headline said twice
    # under it is the title, not the menu's first item. A <title> opening with a label and a headline
    # stays a <title>.
    headline = "Ferry to Holm island sails again after repairs"
    page = f"Home | News | World | Sport\nSign in\n\n{headline}\n\n{headline}\n\n{FERRY_BODY}"
    labelled = f"News - Ferry to Holm island sails again - Lakeside Courier\n{FERRY_MENU}\n\n{FERRY_BODY}"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.title == headline
        assert article.paragraphs[0].startswith("The ferry to Holm island sailed again")
        [article] = clean_text(labelled, line_model=model)
        assert article.title == "Ferry to Holm island sails again"


def test_a_reporter_credit_line_ends_the_article_unless_its_prose_goes_on_under_it() -> None:
    credit = "(Reporting by Ada Brennan in Holm; Editing by Tom Hallet)"
    footer = "Our Standards: The Lakeside Courier Trust Principles."
    page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n{credit}\n\n{footer}\n"
    more = (
        "Harbour officials said the pier would be inspected again before the winter storms arrived in November.\n\n"
        "The island council has asked the regional government to fund a second landing stage on the north shore."
    )
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.paragraphs[-1].startswith("The operator said timetables")
        assert footer in [line.line for line in article.removed]
        assert article.byline == "Ada Brennan"
        # A credit line inside the text (a roundup's first report) leaves the reports under it be.
        [article] = clean_text(page.replace(footer, more), line_model=model)
        assert article.paragraphs[-1].startswith("The island council has asked")


def test_a_copyright_notice_ends_the_article_so_the_credit_above_it_is_read_and_the_teasers_under_it_go() -> None:
    notice = (
        "Copyright 2025 The Associated Press. All rights reserved. This material may not be published, "
        "broadcast, rewritten or redistributed without permission."
    )
    page = (
        "Harbour Radio 7\nWatch Live\nWeather\nTraffic\n\n"
        "Ferry to Holm island sails again after repairs\n\n"
        "By ADA BRENNAN and TOM HALLET Associated Press\nUpdated 3:45 PM BST, Monday, April 7, 2025\n\n"
        "HOLM, Scotland (AP) — The ferry to Holm island sailed again on Monday after three weeks of repairs to "
        "the storm-damaged pier, ending a long wait for the island's 900 residents.\n\n"
        "Islanders had relied on a small launch for food and post while the main vessel stayed in port, and the "
        "island school had closed for four days.\n\n"
        '"We were never cut off, but it felt like it some mornings," said shopkeeper Morag Lindsay, who runs the '
        "island's only store.\n\n"
        "The operator said timetables would return to normal by the end of the month, weather permitting, and "
        "that a second vessel would be chartered for the summer.\n\n"
        "A council report last year found that 40% of the pier's timber supports needed replacing within five years.\n\n"
        "___\n\nHallet reported from Glasgow. Associated Press writer Ian Moray contributed to this report.\n\n"
        f"{notice}\n\nTrending Stories\nMan rescued after kayak overturns in bay\nStorm damage closes two schools\n"
    )
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.paragraphs[-1].startswith("A council report last year")
        assert article.metadata["reporter_credit"].startswith("Hallet reported from Glasgow")
        assert notice in [line.line for line in article.removed]
    # A picture's credit in its place is no notice: it closes nothing.
    picture = page.replace(notice, "© Harbour Archive").replace("\nTrending Stories\n", "\n")
    picture = picture.replace(
        "Man rescued after",
        "Rescuers praised a kayaker who stayed with his boat after it overturned in the bay.\n\nMan rescued after",
    )
    [article] = clean_text(picture, line_model=default_line_model())
    assert any(paragraph.startswith("Rescuers praised a kayaker") for paragraph in article.paragraphs)


@pytest.mark.parametrize(
    "foot",
    [
        "Tags: ferries, Holm, island transport\n\nGet the week's island news in your inbox every Friday.",
        "Subscribe to our island newsletter\n\nGet the week's island news in your inbox every Friday.",
    ],
)
def test_a_tag_list_or_a_newsletter_prompt_under_the_text_ends_the_article(foot: str) -> None:
    page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n{foot}\n"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.paragraphs[-1].startswith("The operator said timetables")
        assert "Get the week's island news in your inbox every Friday." in [line.line for line in article.removed]


def test_a_prompt_as_long_as_a_sentence_ending_a_text_kept_whole_is_the_pages() -> None:
    # A short clean text the model keeps whole, a newsletter prompt of nine words under it: no sentence
    # (no full stop), the page's. A last paragraph that says as much in a sentence is the article's.
    prompt = "Sign up to our island newsletter for the latest ferry news"
    [article] = clean_text(
        f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n{prompt}\n", line_model=default_line_model()
    )
    assert article.paragraphs[-1].startswith("The operator said timetables")
    assert (prompt, "newsletter or subscription prompt") in [(line.line, line.reason) for line in article.removed]
    sentence = "Islanders can sign up for text alerts about delays at the harbour office on Quay Street."
    [article] = clean_text(
        f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n{sentence}\n", line_model=default_line_model()
    )
    assert article.paragraphs[-1] == sentence


@pytest.mark.parametrize(
    "prompt",
    ["Subscribe to continue reading. Already a subscriber? Log in.", "This article is for subscribers only."],
)
def test_a_paywalls_prompt_inside_the_text_is_removed_and_the_text_under_it_stays(prompt: str) -> None:
    last = "The council will meet next month to discuss a second landing stage on the north shore."
    page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n{prompt}\n\n{last}\n"
    [article] = clean_text(page, line_model=default_line_model())
    assert (prompt, "paywall prompt") in [(line.line, line.reason) for line in article.removed]
    assert article.paragraphs[-1] == last and prompt not in article.paragraphs


def test_a_most_read_heading_under_the_text_ends_the_article() -> None:
    teasers = "A kayaker was rescued after his boat overturned in the bay on Sunday, the coast guard said."
    page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\nMost read\n\n{teasers}\n"
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs[-1].startswith("The operator said timetables")


def test_a_read_also_heading_inside_a_french_report_ends_nothing() -> None:
    before = [
        "Des centaines de vols ont été annulés mercredi dans les aéroports de la région en raison d'une grève "
        "des contrôleurs aériens, a indiqué la direction de l'aviation civile.",
        "Les compagnies ont dû réduire de moitié leurs programmes de vols au départ des deux principaux aéroports.",
    ]
    after = [
        "Le syndicat majoritaire réclame des recrutements supplémentaires et une revalorisation des salaires.",
        "Une nouvelle réunion avec le ministère des Transports est prévue vendredi, selon une source syndicale.",
        "Les compagnies conseillent aux passagers de vérifier le statut de leur vol avant de partir.",
    ]
    page = "\n\n".join(
        ["Grève des contrôleurs aériens", *before, "Lire aussi", "Le train annonce un hiver sans grève", *after]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs[-3:] == after


def test_a_spanish_read_also_link_a_bare_copyright_and_a_topics_heading_leave_the_body() -> None:
    body = [
        "El Gobierno decretó este miércoles la emergencia hídrica en tres provincias del norte del país, "
        "afectadas por la peor sequía en cuatro décadas, informó el Ministerio de Agricultura.",
        "La medida permitirá destinar 120 millones de dólares a la perforación de pozos y al reparto de agua.",
        "Los productores de maíz y soja calculan pérdidas de hasta un 40 % de la cosecha de este año.",
    ]
    link = "Lea también: Los agricultores del norte piden créditos blandos"
    page = "\n\n".join(
        [
            "Emergencia hídrica en tres provincias",
            *body[:2],
            link,
            body[2],
            "(c) Agencia Norte",
            "Temas relacionados",
            "Sequía",
        ]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs == body
    removed = {line.line: line.reason for line in article.removed}
    assert removed[link] == "link line to another article"
    assert removed["(c) Agencia Norte"] == "copyright notice"
    assert removed["Temas relacionados"] == "heading of related or recommended articles"


def test_a_video_players_length_and_label_leave_the_body_and_a_time_inside_a_sentence_stays() -> None:
    sentence = "The ferry left at 6:45 on Monday morning, the first sailing in three weeks, with 40 people aboard."
    page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\nEmbedded video\n0:45\n\n{sentence}\n"
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs[-1] == sentence
    assert "0:45" not in article.paragraphs and "Embedded video" not in article.paragraphs
    # A live page's stamps over its entries, in a twelve-hour clock or with a zone.
    for stamp in ("11:31 PM", "9.05am BST", "21:40 CET"):
        page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n{stamp}\n\n{sentence}\n"
        [article] = clean_text(page, line_model=default_line_model())
        assert article.paragraphs[-1] == sentence
        assert stamp not in article.paragraphs


def test_a_sentence_of_the_text_that_speaks_of_subscriptions_ends_nothing() -> None:
    sentence = (
        "Demand for the first crossings led to heavy oversubscription, and the operator added two extra "
        "sailings on Saturday for islanders who had waited weeks to reach the mainland."
    )
    last = "The council will meet next month to discuss a second landing stage on the north shore."
    page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n{sentence}\n\n{last}\n"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.paragraphs[-2:] == [sentence, last]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Correction: An earlier version of this story misstated the number of islanders. There are 900.",
            "Correction: An earlier version of this story misstated the number of islanders. There are 900.",
        ),
        (
            "CORRECTION:\n\nAn article on Monday misstated the length of the repairs. They took three weeks.",
            "CORRECTION: An article on Monday misstated the length of the repairs. They took three weeks.",
        ),
        ("This article has been corrected to show that the pier reopened on Monday.", None),
    ],
)
def test_a_correction_note_stays_in_the_text_and_is_kept_as_a_field(note: str, expected: str | None) -> None:
    page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n{note}\n"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.metadata["correction"] == (expected or note)
        assert article.paragraphs[-1] == note.split("\n\n")[-1]
    # An article about a correction officer's union names no correction of its own.
    [article] = clean_text(f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}")
    assert "correction" not in article.metadata


def test_a_republishers_note_above_the_text_leaves_the_body_and_credits_the_agency_it_names() -> None:
    note = "This article originally appeared on AP News."
    page = f"Ferry to Holm island sails again after repairs\n\n{note}\n\n{FERRY_BODY}"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.paragraphs[0].startswith("The ferry to Holm island sailed again")
        assert (note, "republication note (where it first appeared)") in [
            (line.line, line.reason) for line in article.removed
        ]
        assert (article.metadata["originally_published"], article.credit) == ("AP News", "AP")
    # At the foot the note stays, as hand-made bodies keep it; an outlet that is no agency credits none.
    foot = "This story originally appeared on The Lakeside Courier."
    [article] = clean_text(f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n\n{foot}\n")
    assert article.paragraphs[-1] == foot
    assert (article.metadata["originally_published"], article.credit) == ("The Lakeside Courier", None)


@pytest.mark.parametrize(
    ("note", "outlet", "credit"),
    [
        ("Read the full story at AP News.", "AP News", "AP"),
        ("Continue reading the original article on The Lakeside Courier ›", "The Lakeside Courier", None),
        ("Click here to read the full article on www.lakesidecourier.com", "www.lakesidecourier.com", None),
        # A note that names no outlet, and a sentence of the text that reads a report, name none.
        ("Read the rest of this post on the original site »", None, None),
        ("The mayor said she would read the full report on Monday.", None, None),
    ],
)
def test_an_excerpts_note_naming_where_the_whole_article_is_names_its_publisher(
    note: str, outlet: str | None, credit: str | None
) -> None:
    page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n\n{note}\n"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert (article.metadata.get("originally_published"), article.credit) == (outlet, credit)


@pytest.mark.parametrize(
    ("author_line", "byline", "credit"),
    [
        ("Story by Associated Press", "Associated Press", "AP"),
        ("Story by Ana Ruiz, Associated Press", "Ana Ruiz", "AP"),
        ("Story by Ana Ruiz and Tom Hallet, The Associated Press", "Ana Ruiz and Tom Hallet", "AP"),
        ("By Ana Ruiz, Staff Writer", "Ana Ruiz", None),
    ],
)
def test_an_author_line_naming_an_agency_credits_it(author_line: str, byline: str, credit: str | None) -> None:
    page = f"Ferry to Holm island sails again after repairs\n\n{author_line}\n\n{FERRY_BODY}"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert (article.byline, article.credit) == (byline, credit)
        assert author_line not in article.paragraphs


@pytest.mark.parametrize(
    ("author_line", "byline", "credit"),
    [
        ("by: ANA RUIZ, Associated Press", "ANA RUIZ", "AP"),
        ("by: Ana Ruiz", "Ana Ruiz", None),
    ],
)
def test_a_lower_case_byline_under_the_headline_is_no_part_of_it(
    author_line: str, byline: str, credit: str | None
) -> None:
    # The headline has no full stop, so the lower-case line under it reads as its wrapped continuation.
    page = f"Ferry to Holm island sails again after repairs\n\n{author_line}\n\n{FERRY_BODY}"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert (article.title, article.byline, article.credit) == (
            "Ferry to Holm island sails again after repairs",
            byline,
            credit,
        )


def test_a_short_paragraph_above_an_agency_lede_is_its_headline_a_caption_or_the_pages() -> None:
    lede = "HOLM, Lakeland (AP) — The ferry to Holm island sailed again on Monday after three weeks of repairs."
    rest = FERRY_BODY.split("\n\n", 1)[1]
    text = "The ferry to Holm island sailed again on Monday after three weeks of repairs."
    # A text saved as its headline (a full stop and all), then the agency's lede: the headline.
    [article] = clean_text(f"Ferry to Holm island sails again after repairs.\n\n{lede}\n\n{rest}")
    assert article.title == "Ferry to Holm island sails again after repairs."
    assert article.paragraphs[0] == text
    # Under a headline, a promotion leaves as the page's, a photo's caption goes to the captions.
    for above, caption in (
        ("Get the Courier's island ferry timetable app FREE today!", False),
        ("FILE - The ferry Morwenna Grey leaves Holm pier, May 6, 2024.", True),
    ):
        page = f"Ferry to Holm island sails again after repairs\n\n{above}\n\n{lede}\n\n{rest}"
        [article] = clean_text(page, line_model=default_line_model())
        assert article.paragraphs[0] == text
        assert (above in article.captions) is caption
        # A file photo's date is the photo's, not the report's.
        assert article.date is None


@pytest.mark.parametrize(
    ("note", "kept"),
    [
        ("This is a developing story and will be updated.", False),
        ("This story will be updated. Check back for more.", False),
        ("Editor's note: This story contains a description of the crash.", True),
    ],
)
def test_an_agency_dateline_under_a_short_note_is_read_and_a_developing_story_note_removed(
    note: str, kept: bool
) -> None:
    lede = "HOLM, Lakeland (AP) — The ferry to Holm island sailed again on Monday after three weeks of repairs."
    rest = FERRY_BODY.split("\n\n", 1)[1]
    page = f"Ferry to Holm island sails again after repairs\n\n{note}\n\n{lede}\n\n{rest}"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert (article.dateline, article.credit) == ("HOLM, Lakeland", "AP")
        assert (note in article.paragraphs) is kept
        assert "The ferry to Holm island sailed again on Monday after three weeks of repairs." in article.paragraphs
    # A date alone opening the second paragraph is the text's, not a dateline.
    timeline = "March 3, 2001 — The ferry company is founded by three island families."
    [article] = clean_text(
        f"Ferry to Holm island sails again after repairs\n\nHow the island's ferry service began, as the museum tells it.\n\n{timeline}\n\n{rest}"
    )
    assert timeline in article.paragraphs and article.dateline is None
    # Nor is a place in capitals without its agency there ("AFAIK – I'm not aware ..." reads as one).
    capitals = "HOLM — The ferry company was founded by three island families in 2001."
    [article] = clean_text(
        f"Ferry to Holm island sails again after repairs\n\nHow the island's ferry service began, as the museum tells it.\n\n{capitals}\n\n{rest}"
    )
    assert capitals in article.paragraphs and article.dateline is None


@pytest.mark.parametrize(("name", "byline"), [("ADA BRENNAN", "ADA BRENNAN"), ("Breaking News", None)])
def test_a_name_alone_over_the_date_line_is_the_byline(name: str, byline: str | None) -> None:
    # A portal's copy of a partner's story: the author's name, then the time and reading time, then
    # the partner's name.
    page = (
        "Lakeside Portal\nSearch the web\n\nFerry to Holm island sails again after repairs\n\n"
        f"{name}\nUpdated Mon, May 6, 2024 at 6:30 PM EDT·2 min read\n\nThe Lakeside Courier\n\n{FERRY_BODY}"
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.byline == byline
    assert article.date == date(2024, 5, 6)
    assert name not in article.paragraphs


def test_a_subscription_offer_with_its_price_is_a_paywall_prompt() -> None:
    offer = "Subscribe to The Lakeside Courier for $1 a week."
    for line in (offer, "Get unlimited digital access for just £2 a month, cancel anytime"):
        page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n\n{line}\n"
        [article] = clean_text(page, line_model=default_line_model())
        assert (line, "paywall prompt") in [(item.line, item.reason) for item in article.removed]
    # A report of a price rise says so otherwise, and stays.
    report = "Subscribers to the island's ferry pass will pay $12 a week from June, the operator said."
    [article] = clean_text(f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n\n{report}\n")
    assert report in article.paragraphs


def test_a_wire_site_page_gives_its_headline_date_and_captions_not_its_motto() -> None:
    # An agency's own page as a scraper saves it: a motto over the headline, the date run into its time,
    # a gallery's caption twice (its counter before one, the licensing link after the other).
    caption = "Ferry crews load the first cars at Holm pier, May 6, 2024. Lakeland Press/Ana Ruiz via REUTERS"
    page = (
        "Skip to main content\nExclusive news, data and analytics for financial market professionals\nWorld\nBusiness\n"
        "Europe\nFerry to Holm island sails again after repairs\nBy Ada Brennan\n"
        "May 6, 20243:42 PM GMTUpdated 2 hours ago\n\n"
        f"Item 1 of 2 {caption}\n[1/2]{caption} Purchase Licensing Rights, opens new tab\n\n{FERRY_BODY}"
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == "Ferry to Holm island sails again after repairs"
    assert article.date == date(2024, 5, 6)
    assert article.byline == "Ada Brennan"
    assert len(article.captions) == 2 and all(caption in item for item in article.captions)
    assert article.paragraphs[0].startswith("The ferry to Holm island sailed again")
    assert "Exclusive news, data and analytics for financial market professionals" in [
        item.line for item in article.removed
    ]


def test_a_caption_under_its_label_is_a_caption_and_no_headline_and_a_name_over_a_role_is_the_byline() -> None:
    caption = "The ferry was out of service for three weeks after storm damage to the pier"
    page = (
        "Skip to content\nHome\nNews\nSport\n\nFerry to Holm island returns after three-week repair\n\n6 May 2024\n\n"
        f"Share\nSave\n\nAda Brennan\nLakeland Broadcasting News, Holm\n\nImage source, Getty Images\n"
        f"Image caption, {caption}\n\n{FERRY_BODY}"
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == "Ferry to Holm island returns after three-week repair"
    assert article.captions == [caption]
    assert article.byline == "Ada Brennan"
    # "caption of the figure" opens a sentence, no label; a menu's "Latest Sport News" names no role.
    sentence = "caption of the figure shows the pier before the storm, as the survey drew it in 2019"
    [article] = clean_text(f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n\n{sentence}\n")
    assert article.captions == []
    menu = page.replace("Lakeland Broadcasting News, Holm", "Latest Sport News")
    [article] = clean_text(menu.replace("Ada Brennan", "Family Notices"), line_model=default_line_model())
    assert article.byline is None


def test_a_caption_label_alone_on_its_line_labels_the_caption_under_it() -> None:
    # As a text scrape of the BBC gives them: the label on a line of its own, over the header's photo and
    # between the paragraphs over a video; a gallery's "Caption" over its "Close" button labels nothing.
    caption = "The ferry was out of service for three weeks after storm damage to the pier"
    paragraphs = FERRY_BODY.strip().split("\n\n")
    page = (
        "Ferry to Holm island returns after three-week repair\n\n6 May 2024\n\nAda Brennan\n"
        f"Lakeland Broadcasting News, Holm\n\nImage caption,\n{caption}\n\n{paragraphs[0]}\n\nMedia caption,\n"
        "Islanders wave as the ferry leaves the pier for the first time since the storm\n\n"
        + "\n\n".join(paragraphs[1:])
        + "\n\nCaption\nClose\n"
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.captions == [
        caption,
        "Islanders wave as the ferry leaves the pier for the first time since the storm",
    ]
    assert article.paragraphs == paragraphs
    removed = {item.line: item.reason for item in article.removed}
    assert removed["Image caption,"] == removed["Media caption,"] == removed["Caption"] == "caption label"
    assert "Close" in removed


def test_a_caption_with_its_photographs_credit_is_a_caption_and_never_the_headline() -> None:
    # A paper's page as a scraper saves it: the caption over the text, ending with its credit, and again
    # between the paragraphs; an agency's copy credited "Agency in Place"; a sponsor's slot at the end.
    caption = "Islanders wait for the first crossing at Holm pier on Monday. Photograph: Ana Ruiz/AP"
    paragraphs = FERRY_BODY.strip().split("\n\n")
    page = (
        "Ferry to Holm island sails again after repairs | Lakeland news | The Courier\nSkip to main content\n"
        "News\nSport\nCulture\nFerry to Holm island sails again after repairs\nAssociated Press in Holm\n"
        f"Mon 6 May 2024 18.42 BST\nShare\n{caption}\n{paragraphs[0]}\n{paragraphs[1]}\n{caption}\n"
        f"{paragraphs[2]}\nSponsor Message\nBecome a sponsor\nFacebook\n"
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == "Ferry to Holm island sails again after repairs"
    assert article.captions == [caption]
    assert article.paragraphs == paragraphs
    assert article.credit == "AP"
    # Without the <title> line the caption, just above the text, is still no headline.
    [article] = clean_text(page.split("\n", 1)[1], line_model=default_line_model())
    assert article.title != caption and caption in article.captions


@pytest.mark.parametrize(
    "caption",
    [
        "Islanders wait for the first crossing at Holm pier on Monday [Ana Ruiz/Lakeland Times]",
        "Islanders wait for the first crossing at Holm pier on Monday. (Ana Ruiz/AP)",
    ],
)
def test_a_caption_over_the_text_ending_with_its_credit_in_brackets_is_a_caption(caption: str) -> None:
    paragraphs = FERRY_BODY.strip().split("\n\n")
    page = (
        "Ferry to Holm island sails again after repairs | Lakeland News\nSkip to Content\nNews\nEurope\n"
        f"Ferry to Holm island sails again after repairs\n{caption}\nPublished On 6 May 2024\nShare\n"
        + "\n".join(paragraphs)
        + "\nShare or comment on this article:\nAdd comment\n"
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.captions == [caption]
    assert article.paragraphs == paragraphs


SPANISH_FERRY = [
    "El ferry de la isla de Holm volvió a navegar este lunes tras tres semanas de reparaciones en el muelle dañado "
    "por la tormenta, según informó la naviera.",
    "Los vecinos de la isla dependían de una pequeña lancha para recibir comida y correo mientras el barco principal "
    "permanecía en el puerto.",
    "La naviera indicó que los horarios volverán a la normalidad a finales de mes si el tiempo lo permite, y que los "
    "billetes ya comprados siguen siendo válidos.",
    "El alcalde de Holm, Tomás Ferrer, agradeció a los trabajadores del puerto su esfuerzo durante las últimas "
    "semanas y pidió una revisión de todos los muelles de la isla.",
]


def test_a_spanish_agency_copy_keeps_the_text_under_a_box_of_other_stories_and_gives_its_fields() -> None:
    # EFE copy as a Spanish paper prints it: the agency alone under the headline, the caption ending
    # with "EFE/<photographer>", the dateline with the country in brackets and the date, a box of one
    # other story ("Te puede interesar") between the paragraphs, tags under "Archivado en" at the foot.
    caption = "Vecinos esperan el primer barco en el muelle de Holm este lunes. EFE/Ana Ruiz"
    page = "\n".join(
        [
            "El ferry de Holm vuelve a navegar tras las reparaciones | Diario del Lago",
            "Ir al contenido",
            "Suscríbete",
            "Internacional",
            "El ferry de Holm vuelve a navegar tras las reparaciones",
            "EFE",
            caption,
            f"Holm (Lakeland), 6 may (EFE).- {SPANISH_FERRY[0]}",
            SPANISH_FERRY[1],
            "Te puede interesar",
            "Temporal en la costa norte: cierran tres puertos",
            *SPANISH_FERRY[2:],
            "Archivado en",
            "Transporte marítimo",
            "Islas",
            "© Diario del Lago",
        ]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs == SPANISH_FERRY
    assert article.captions == [caption]
    assert (article.dateline, article.credit) == ("Holm", "EFE")
    # At the article's end the same heading opens the list of other stories: nothing under it is text.
    teasers = ["Temporal en la costa norte: cierran tres puertos", "La naviera estrena barco en verano"]
    page = "\n".join(
        ["El ferry de Holm vuelve a navegar tras las reparaciones", *SPANISH_FERRY, "Te puede interesar", *teasers]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs == SPANISH_FERRY


def test_a_date_lines_time_is_the_articles_time_of_publication() -> None:
    page = f"Ferry to Holm island sails again after repairs\nBy Ada Brennan\nMay 6, 2024, 6:05 AM\n\n{FERRY_BODY}"
    [article] = clean_text(page, line_model=default_line_model())
    assert article.date == date(2024, 5, 6)
    assert article.metadata["published_time"] == "2024-05-06T06:05:00"
    # A date line without a time gives none.
    [article] = clean_text(page.replace(", 6:05 AM", ""), line_model=default_line_model())
    assert article.date == date(2024, 5, 6) and "published_time" not in article.metadata


def test_a_korean_agency_copy_leaves_its_rights_notice_and_the_reporters_address_and_is_dated() -> None:
    paragraphs = [
        "홀름 섬을 오가는 여객선이 폭풍으로 부서진 부두의 수리를 마치고 3주 만에 운항을 재개했다고 운영사가 6일 밝혔다.",
        "섬 주민들은 그동안 작은 보트에 의지해 식료품과 우편물을 받아 왔으며 본선은 항구에 묶여 있었다.",
        "운영사는 날씨가 허락하면 이달 말까지 시간표가 정상으로 돌아올 것이라고 말했다.",
    ]
    page = "\n".join(
        [
            "홀름 섬 여객선 3주 만에 운항 재개 | 호수일보",
            "본문 바로가기",
            "홀름 섬 여객선 3주 만에 운항 재개",
            "입력 2024.05.06 18:42",
            f"(홀름 항=연합뉴스) 김하늘 특파원 = {paragraphs[0]}",
            *paragraphs[1:],
            "sky@yna.example",
            "저작권자(c) 연합뉴스, 무단 전재-재배포 금지",
        ]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs == paragraphs
    assert (article.dateline, article.credit, article.date) == ("홀름 항", "Yonhap", date(2024, 5, 6))
    # The correspondent the dateline names is the byline.
    assert article.byline == "김하늘"


def test_a_japanese_related_box_inside_the_text_ends_nothing() -> None:
    paragraphs = [
        "【ホルム共同】ホルム島と本土を結ぶフェリーが、嵐で壊れた桟橋の修理を終えて3週間ぶりに運航を再開した。運航会社が6日、明らかにした。",
        "島の住民はこの間、小型ボートで食料や郵便物を受け取っていた。",
        "運航会社によると、天候が許せば月末までに時刻表は通常に戻る見通しだという。",
        "島の町長は港の作業員に感謝し、島内すべての桟橋を点検するよう求めた。",
    ]
    page = "\n".join(
        [
            "ホルム島のフェリー、3週間ぶり運航再開 | 湖新聞",
            "ホルム島のフェリー、3週間ぶり運航再開",
            "2024年5月6日 18時42分",
            *paragraphs[:2],
            "関連記事",
            "北部沿岸で暴風、3港が閉鎖",
            *paragraphs[2:],
            "無断転載・複製を禁じます",
        ]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs == [paragraphs[0].removeprefix("【ホルム共同】"), *paragraphs[1:]]
    assert (article.dateline, article.credit) == ("ホルム", "Kyodo")


def test_a_french_agency_copy_gives_its_caption_dateline_credit_and_byline() -> None:
    # A French paper's page of AFP copy: the caption ending with the photographer's credit in capitals,
    # "Par <paper> avec AFP", the dateline with the country in brackets before the agency's tag.
    caption = "Des voyageurs attendent le premier départ à la jetée de Holm, lundi. ANA RUIZ / AFP"
    lede = "Le ferry de Holm a repris ses rotations lundi après trois semaines de réparations de la jetée endommagée."
    rest = [
        "Les habitants de l'île dépendaient d'une petite vedette pour la nourriture et le courrier.",
        "L'exploitant a indiqué que les horaires reviendraient à la normale d'ici la fin du mois.",
    ]
    page = (
        "Holm : le ferry reprend la mer après des réparations - Le Courrier du Lac\nAller au contenu principal\n"
        "Se connecter\nInternational\nHolm : le ferry reprend la mer après des réparations\n"
        "Par Le Courrier du Lac avec AFP\nPublié le 06/05/2024 à 18h42\n"
        f"{caption}\nHolm (Lakeland) (AFP) - {lede}\n" + "\n".join(rest) + "\nPartager\nFacebook\n"
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.captions == [caption]
    assert article.paragraphs == [lede, *rest]
    assert (article.dateline, article.credit, article.byline) == ("Holm", "AFP", "Le Courrier du Lac")


def test_a_headline_over_its_longer_deck_is_the_title_without_a_title_line_above() -> None:
    # A page saved without its <title>: the headline, then the standfirst telling the story in other,
    # more words; a menu's line or a widget's over a headline is never taken for it.
    deck = "Islanders relied on a small launch for food and post while the main vessel stayed in port for weeks"
    page = f"News\nSport\nCulture\nFerry to Holm island sails again\n{deck}\nMon 6 May 2024 18.42 BST\n{FERRY_BODY}"
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == "Ferry to Holm island sails again"
    [article] = clean_text(page.replace("Ferry to Holm island sails again", "Search in Lakeland News archives"))
    assert article.title != "Search in Lakeland News archives"


def test_a_caption_over_its_photographers_credit_is_a_caption_and_the_dateline_under_it_is_read() -> None:
    # NPR's layout: the caption and the photographer's credit twice (a "toggle caption" button between),
    # then the agency's dateline without its tag; and a reading player's offer.
    caption = "Islanders wait for the first crossing at Holm pier on Monday."
    lede = "HOLM, Lakeland — " + FERRY_BODY.split("\n\n")[0]
    page = (
        "Ferry to Holm island sails again after repairs : Lakeland Radio\nSkip to main content\nDonate\n"
        "Ferry to Holm island sails again after repairs\nMay 6, 20246:05 PM ET\nThe Associated Press\n"
        f"Enlarge this image\n{caption}\nAna Ruiz/AP\nhide caption\ntoggle caption\nAna Ruiz/AP\n"
        f"{caption}\nAna Ruiz/AP\nNEW You can now listen to Lakeland Radio articles!\n{lede}\n"
        + "\n".join(FERRY_BODY.strip().split("\n\n")[1:])
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.captions == [caption]
    assert article.paragraphs == FERRY_BODY.strip().split("\n\n")
    assert (article.dateline, article.credit) == ("HOLM, Lakeland", "AP")
    # A paragraph of the text over a picture's credit stays text: only a caption said twice, or one in
    # the header, is read by its credit.
    paragraphs = FERRY_BODY.strip().split("\n\n")
    page = f"Ferry to Holm island sails again after repairs\n\n{paragraphs[0]}\nAna Ruiz/AP\n" + "\n".join(
        paragraphs[1:]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs[0] == paragraphs[0] and article.captions == []


@pytest.mark.parametrize(
    "label", ["Lesen Sie auch", "READ MORE:", "Also read", "Lire aussi", "Читайте также", "اقرأ أيضاً"]
)
def test_another_storys_headline_under_a_read_also_label_between_paragraphs_leaves_the_text(label: str) -> None:
    paragraphs = FERRY_BODY.strip().split("\n\n")
    teaser = "Storm warning for the north: what drivers need to know now"
    page = "Ferry to Holm island sails again after repairs\n" + "\n".join(
        [paragraphs[0], paragraphs[1], label, teaser, paragraphs[2]]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs == paragraphs
    assert (teaser, "teaser list") in [(item.line, item.reason) for item in article.removed]
    # A link line holding its link ("See also: ...") heads nothing: a subheading under it is the text's.
    subheading = "Timetables and fares"
    page = "Ferry to Holm island sails again after repairs\n" + "\n".join(
        [paragraphs[0], paragraphs[1], "See also: Ferries of the Holm archipelago", subheading, paragraphs[2]]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert subheading in article.paragraphs


def test_an_arabic_agency_copy_gives_its_date_dateline_and_credit_and_loses_its_read_also_teaser() -> None:
    paragraphs = [
        "غرقت عبارة ركاب في بحر هائج قبالة جزيرة تارسل الأربعاء، وفقد تسعة أشخاص على الأقل، بحسب ما أعلن خفر السواحل.",
        "وانتشل المسعفون 37 شخصا من المياه، بينهم أربعة إصاباتهم خطرة، وفق المتحدث باسم خفر السواحل.",
        "وكانت العبارة تقل 46 راكبا وطاقما من خمسة أفراد، بحسب الشركة المشغلة.",
    ]
    page = "\n".join(
        [
            "الرئيسية",
            "أخبار",
            "غرق عبارة قبالة جزيرة تارسل وفقدان تسعة أشخاص",
            "الأربعاء 4 مارس 2026 - 10:20",
            f"تارسل (فلدمارك) (أ ف ب) - {paragraphs[0]}",
            *paragraphs[1:],
            "اقرأ أيضا",
            "ارتفاع أسعار النفط في الأسواق الآسيوية",
            "جميع الحقوق محفوظة © 2026",
        ]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert (article.title, article.date, article.dateline, article.credit) == (
        "غرق عبارة قبالة جزيرة تارسل وفقدان تسعة أشخاص",
        date(2026, 3, 4),
        "تارسل",
        "AFP",
    )
    assert article.paragraphs == paragraphs


def test_a_teaser_under_a_trending_or_up_next_label_leaves_the_text() -> None:
    teasers = ("TRENDING NOW: Celebrity Chef Shocks Fans With Surprise Announcement", "Up next: Island fair returns")
    paragraphs = FERRY_BODY.strip().split("\n\n")
    page = "Ferry to Holm island sails again after repairs\n\n" + "\n\n".join(
        [paragraphs[0], teasers[0], paragraphs[1], teasers[1], paragraphs[2]]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs == paragraphs
    assert all(
        (teaser, "link line to another article") in [(i.line, i.reason) for i in article.removed] for teaser in teasers
    )
    # A sentence on what is trending is the text's.
    sentence = "Trending topics on the island this week were the ferry, the fair and the weather: all three."
    [article] = clean_text(f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n\n{sentence}\n")
    assert sentence in article.paragraphs


def test_an_indian_portals_agency_inputs_note_credits_it_and_its_follow_prompt_leaves() -> None:
    page = (
        f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n\n(With inputs from PTI)\n\n"
        "Follow us on Google News and join our WhatsApp channel for the latest updates.\n"
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.credit == "PTI"
    assert article.paragraphs == FERRY_BODY.strip().split("\n\n")
    # A report on a messaging service's channels says so otherwise, and stays.
    report = "Residents can join the ferry company's WhatsApp channel, which posts delays, the council said."
    [article] = clean_text(f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n\n{report}\n")
    assert report in article.paragraphs


def test_a_portals_provided_by_mark_credits_the_partner_agency() -> None:
    page = f"Ferry to Holm island sails again after repairs\n\n© Provided by Associated Press\n\n{FERRY_BODY}"
    [article] = clean_text(page, line_model=default_line_model())
    assert article.credit == "AP"
    assert "© Provided by Associated Press" not in article.paragraphs
    # A picture provided by someone else credits no agency.
    page = f"Ferry to Holm island sails again after repairs\n\n© Provided by Lakeland Ferries\n\n{FERRY_BODY}"
    [article] = clean_text(page, line_model=default_line_model())
    assert article.credit is None


def test_a_publishers_disclaimer_under_the_text_is_removed_and_a_caveat_of_the_texts_own_stays() -> None:
    disclaimer = "Disclaimer: This article is for informational purposes only and does not constitute advice."
    caveat = "Disclaimer: if the timetable shows other times on your phone, wait for the next update of the app."
    unlabelled = "The views expressed in this column are the author's own and not those of this newspaper."
    financial = "This article is for informational purposes only and does not constitute investment advice."
    delayed = "Quotes delayed at least 15 minutes. Market data provided by a vendor."
    cases = ((disclaimer, False), (caveat, True), (unlabelled, False), (financial, False), (delayed, False))
    for line, kept in cases:
        page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n\n{line}\n"
        for model in (None, default_line_model()):
            [article] = clean_text(page, line_model=model)
            assert (line in article.paragraphs) is kept
            assert ((line, "disclaimer") in [(item.line, item.reason) for item in article.removed]) is not kept


@pytest.mark.parametrize(
    ("credit", "byline"),
    [
        ("Ana Ruiz reported from Holm. Tom Hale in Kirkwall contributed.", "Ana Ruiz, Tom Hale"),
        ("Ana Ruiz reported from Holm.", "Ana Ruiz"),
        ("Tom Hale in Kirkwall and Ines Moreau contributed.", "Tom Hale, Ines Moreau"),
    ],
)
def test_an_agencys_short_reporter_credit_under_its_rule_leaves_the_body(credit: str, byline: str) -> None:
    page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n___\n\n{credit}\n"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.paragraphs[-1].startswith("The operator said timetables")
        assert article.metadata["reporter_credit"] == credit
        assert article.byline == byline
    # A last sentence of the text that says who reported what stays.
    last = "The coastguard reported from the scene that the pier had held."
    [article] = clean_text(f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n{last}\n")
    assert article.paragraphs[-1] == last


def test_a_portals_prompt_to_follow_it_leaves_the_body_and_a_report_on_an_app_stays() -> None:
    prompts = [
        "Catch all the Business News, Market News and Latest News Updates on Harbour Daily.",
        "Download the Harbour Daily app to get the day's market updates.",
    ]
    report = "Islanders can download the new ferry app from Monday to book seats and see the timetable."
    page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n{report}\n\n" + "\n\n".join(prompts) + "\n"
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs[-1] == report
    reasons = {item.line: item.reason for item in article.removed}
    assert all(reasons[prompt] == "prompt to follow the publisher (app, news feed)" for prompt in prompts)


def test_an_italian_byline_under_the_headline_is_the_byline_not_the_headlines_end() -> None:
    page = (
        "Chiusa la strada del passo per frane, riapre a gennaio\n"
        "di Marco Bellini\n"
        "02 dicembre 2026\n"
        "La strada statale del passo resterà chiusa fino a gennaio dopo tre frane cadute nella notte, ha detto la provincia.\n"
        "I tecnici hanno trovato crepe profonde nella parete sopra la carreggiata e temono altri crolli.\n"
        "Gli abitanti dei paesi a monte dovranno percorrere una deviazione di quaranta chilometri.\n"
        "Riproduzione riservata ©\n"
        "Leggi anche\n"
        "Maltempo, allerta arancione in tre regioni\n"
    )
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.title == "Chiusa la strada del passo per frane, riapre a gennaio"
        assert article.byline == "Marco Bellini"
    # The notice, "all rights reserved" in Italian, closes the article: the teaser under it is none.
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs[-1].startswith("Gli abitanti dei paesi")


def test_a_date_in_figures_that_reads_either_way_is_read_day_first_on_a_page_not_in_english() -> None:
    spanish = (
        "El ayuntamiento amplía el horario de las bibliotecas\n"
        "Por Lucía Romero\n"
        "02/12/2026 - 11:30\n"
        "El ayuntamiento ampliará desde el lunes el horario de cinco bibliotecas municipales, que abrirán "
        "hasta la medianoche durante la época de exámenes.\n"
        "La medida, que costará unos 60.000 euros, responde a una petición de los estudiantes de la ciudad.\n"
    )
    for model in (None, default_line_model()):
        [article] = clean_text(spanish, line_model=model)
        assert (article.date, article.date_source) == (date(2026, 12, 2), "date line")
    # An English page may be American: the date stays undecided.
    english = f"Ferry to Holm island sails again after repairs\nBy Ana Ruiz\n02/12/2026 - 11:30\n{FERRY_BODY}"
    [article] = clean_text(english, line_model=default_line_model())
    assert article.date is None


def test_an_agencys_note_to_editors_and_its_funders_note_leave_the_body() -> None:
    note = "Eds: UPDATES with the operator's comments. With AP Photos."
    funders = (
        "The Associated Press' transport coverage receives financial support from several private foundations. "
        "AP is solely responsible for all content."
    )
    page = f"{note}\nFerry to Holm island sails again after repairs\n\n{FERRY_BODY}\n___\n\n{funders}\n"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.title == "Ferry to Holm island sails again after repairs"
        assert article.paragraphs[-1].startswith("The operator said timetables")
        assert note not in article.captions
        reasons = {item.line: item.reason for item in article.removed}
        assert reasons[note] == "wire note"
        assert reasons[funders] == "funder's note (who supports the coverage)"


def test_a_last_paragraph_on_the_bylines_author_is_a_bio_and_leaves_the_body() -> None:
    bio = "Ana Ruiz is a former ferry captain and writes about the islands."
    page = f"Ferry to Holm island sails again after repairs\n\nBy Ana Ruiz\n\n{FERRY_BODY}\n{bio}\n"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.byline == "Ana Ruiz"
        assert article.paragraphs[-1].startswith("The operator said timetables")
        assert (bio, "author bio") in [(item.line, item.reason) for item in article.removed]
    # Someone else's words at the foot, or the author named inside a sentence, stay.
    for last in (
        "Tom Hale is the island's harbour master and will inspect the pier again in spring.",
        "Asked about the delay, Ana Ruiz said the council had not replied to her questions.",
    ):
        [article] = clean_text(page.replace(bio, last), line_model=default_line_model())
        assert article.paragraphs[-1] == last


# Written for these tests: a short German report.
FAEHRE = (
    "Die Fähre zur Insel Holm fährt nach drei Wochen Reparatur am Montag wieder.\n\n"
    "Die Inselbewohner mussten Lebensmittel und Post so lange mit einem kleinen Boot holen.\n\n"
    "Der Betreiber rechnet damit, dass der Fahrplan bis Ende des Monats wieder normal läuft."
)


def test_a_share_label_and_an_agencys_tracking_code_in_other_languages_leave_the_body() -> None:
    page = (
        "Holm (dpa) - Die Fähre zur Insel Holm fährt nach drei Wochen Reparatur am Montag wieder.\n\n"
        + FAEHRE.split("\n\n", 1)[1]
        + "\n\ndpa-infocom, dpa:250407-99-123456/2\n\nTeilen: Facebook | WhatsApp | E-Mail\n"
    )
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.paragraphs[-1].startswith("Der Betreiber rechnet damit")
        removed = [line.line for line in article.removed]
        assert "dpa-infocom, dpa:250407-99-123456/2" in removed
        assert "Teilen: Facebook | WhatsApp | E-Mail" in removed


def test_a_related_heading_ends_the_article_but_read_also_inside_the_text_does_not() -> None:
    teasers = "Mehr zum Thema\nHochwasser am Rhein: Lage entspannt sich\nWetter am Wochenende: Frost kehrt zurück\n"
    page = f"Fähre zur Insel Holm fährt wieder\n\n{FAEHRE}\n\n{teasers}"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.paragraphs[-1].startswith("Der Betreiber rechnet damit")
        assert not any("Frost" in paragraph for paragraph in article.paragraphs)
    # "Lesen Sie auch" between two paragraphs points to one article: the text under it goes on.
    first, rest = FAEHRE.split("\n\n", 1)
    inside = f"Fähre zur Insel Holm fährt wieder\n\n{first}\n\nLesen Sie auch\n\n{rest}\n"
    [article] = clean_text(inside, line_model=default_line_model())
    assert article.paragraphs[-1].startswith("Der Betreiber rechnet damit")


def test_an_agencys_editor_codes_ending_its_copy_leave_the_body() -> None:
    for codes in ("bur-lc/jj/sst", "ach/gv"):
        page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n\n{codes}\n"
        for model in (None, default_line_model()):
            [article] = clean_text(page, line_model=model)
            assert article.paragraphs[-1].startswith("The operator said timetables")
            assert codes in [line.line for line in article.removed]


def test_body_sentences_mentioning_donations_are_kept() -> None:
    page = (
        "Charity Run Raises Record Sum\n\n"
        "More than two thousand runners took part in the charity run through the old town on Sunday morning.\n\n"
        "Organisers said donations would go to the children's ward.\n\n"
        "The mayor thanked volunteers who had worked since dawn to prepare the course and water stations."
    )
    [article] = clean_text(page)
    assert "Organisers said donations would go to the children's ward." in article.paragraphs


def test_wire_layout_is_reflowed_and_header_kept_as_metadata() -> None:
    page = (
        "  ----------------------------------------------------------------\n\n"
        "            09:41 17/05/01: Page 1 (HHH) COURTS Bakery\n"
        "  ----------------------------------------------------------------\n"
        "(with pic)<\n"
        "\x19BAKERY OWNER FINED OVER MOULDY BREAD<\n"
        "\x19By Ruth Collins, PA News<\n"
        "\x19A bakery owner was fined today after inspectors found mouldy bread on\n"
        "shelves at two of his shops, magistrates heard.<\n"
        "\x19The court was told the owner had ignored ``repeated warnings'' from the\n"
        "council over eighteen months.<\n"
        "\x19mf<\n"
    )
    [article] = clean_text(page)
    assert article.title == "BAKERY OWNER FINED OVER MOULDY BREAD"
    assert article.byline == "Ruth Collins" and article.credit == "PA"
    assert article.date is not None and article.date.isoformat() == "2001-05-17"
    assert article.date_source == "wire header"
    assert article.metadata["wire_slug"] == "COURTS Bakery"
    assert article.paragraphs == [
        "A bakery owner was fined today after inspectors found mouldy bread on shelves at two of his "
        "shops, magistrates heard.",
        "The court was told the owner had ignored “repeated warnings” from the council over eighteen months.",
    ]
    reasons = {removed.reason for removed in article.removed}
    assert {"rule line", "wire header", "wire note", "byline", "stray short token"} <= reasons


def test_a_long_advisory_is_a_wire_note_and_a_long_bracketed_paragraph_is_text() -> None:
    advisory = (
        "(ADVISORY: corrects the number of shops the owner runs, given earlier as three. The council has asked "
        "the court to consider two more summonses, but the bench has not yet ruled on them)"
    )
    aside = (
        "(Note the date of the first warning, eighteen months before the inspection: the council said it had "
        "written to the owner four times since then without an answer.)"
    )
    page = (
        "            09:41 17/05/01: Page 1 (HHH) COURTS Bakery\n"
        f"{advisory}<\n"
        "BAKERY OWNER FINED OVER MOULDY BREAD<\n"
        "A bakery owner was fined today after inspectors found mouldy bread on\n"
        "shelves at two of his shops, magistrates heard.<\n"
        f"{aside}<\n"
        "The court was told the owner had ignored repeated warnings from the council.<\n"
    )
    [article] = clean_text(page)
    assert any(removed.line == advisory and removed.reason == "wire note" for removed in article.removed)
    assert aside in article.paragraphs


def test_list_inside_a_short_page_is_body() -> None:
    page = "TOP FIVE BOOKS OF THE SUMMER\nThe shop's best sellers were:\n1. The Salt Road.\n2. Nine Winters.\n3. Glass Harbour."
    [article] = clean_text(page)
    assert article.paragraphs[1:] == ["1. The Salt Road.", "2. Nine Winters.", "3. Glass Harbour."]


def test_a_subheading_does_not_split_the_article() -> None:
    page = (
        "Town Opens New Library\n\n"
        "The town opened its new library on Saturday, with shelves for forty thousand books and a rooftop garden.\n\n"
        "What comes next\n\n"
        "Librarians said the town would add evening opening hours in the autumn if enough volunteers came forward.\n\n"
        "The town council will review the budget for the library again in the spring."
    )
    articles = clean_text(page)
    assert len(articles) == 1
    assert "What comes next" in articles[0].paragraphs


@pytest.mark.parametrize("use_model", [False, True])
def test_a_repeated_credit_line_between_paragraphs_goes_as_a_credit_each_time(use_model: bool) -> None:
    model = default_line_model() if use_model else None
    if use_model and model is None:
        pytest.skip("the shipped line model is not available")
    page = CONTENT_FARM_PAGE.replace(
        "Locals who fought the project", "Credit: Shutterstock\n\nLocals who fought the project"
    )
    [article] = clean_text(page, line_model=model)
    assert "Credit: Shutterstock" not in article.paragraphs
    credits = [removed for removed in article.removed if removed.line == "Credit: Shutterstock"]
    assert [removed.reason for removed in credits] == ["photo or image credit"] * 2


class _KeepEverything:
    """A line model that calls every line article text."""

    def batch_body_probabilities(self, pages: list[PageToScore]) -> list[np.ndarray]:
        return [np.ones(len(page.texts)) for page in pages]


def test_copies_of_a_caption_are_no_body_text_whatever_the_model_says() -> None:
    # A syndicated page prints its photo's caption twice, its headline again and the caption twice more.
    caption = "Ferry passengers wait on the quay at Holm on Monday, March 3, 2025, after the pier reopened. (Photo: Lakeside Courier)"
    headline = "Ferry to Holm island sails again"
    page = f"{headline}\n\n{caption}\n{caption}\nTT\n\n{headline}\n\n{caption}\n{caption}\n\n{FERRY_BODY}"
    for model in (_KeepEverything(), default_line_model(), None):
        [article] = clean_text(page, line_model=model)  # type: ignore[arg-type]
        assert article.captions == [caption]
        assert caption not in article.paragraphs
        assert article.paragraphs[0].startswith("The ferry to Holm island sailed again")


def test_a_date_line_among_kept_lines_dates_the_article_and_is_no_paragraph() -> None:
    # A reprints notice the model keeps above the headline moves the date line into the body's zone.
    notice = (
        "This copy is for your personal, non-commercial use only, and reprints for colleagues or clients "
        "can be ordered from the reprints desk."
    )
    page = f"{notice}\n\nUpdated March 4, 2024, 10:49 a.m. ET\n\nFerry to Holm island sails again\n\n{FERRY_BODY}"
    [article] = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert (article.date.isoformat() if article.date else None) == "2024-03-04"
    assert "Updated March 4, 2024, 10:49 a.m. ET" not in article.paragraphs


def test_short_lines_above_the_headline_are_the_pages_whatever_the_model_says() -> None:
    page = "1. Home\n2. Travel\nIsland News\n\n" + CONTENT_FARM_PAGE
    [article] = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.title == "Harbour Authority Finally Backs Ferry Terminal Plan in Malta"
    assert not {"1. Home", "2. Travel", "Island News"} & set(article.paragraphs)
    assert article.paragraphs[-1] == "Locals who fought the project promised to keep a close eye on building work."


BLOG_POST_WITH_COMMENTS = """Volunteers plant a thousand oaks along the Merrow canal

March 3, 2024 | by Hattie Crane

Our volunteers spent Saturday planting a thousand young oaks along the towpath of the Merrow canal, the first stage of a scheme that will link the two nature reserves at Ashby and Fenlow by the end of the decade.

Comments

Dorothy on March 4, 2024 at 9:12 am said:

What a wonderful day it was, and my grandchildren have already asked when they can come back to see how the trees are growing along the water.

Reply

Tomas Reyes on March 5, 2024 at 6:40 pm said:

I walk that towpath every morning with my dog and I think the new trees will make a real difference to the birds that nest on the far bank every spring.
"""


def test_comments_after_a_comments_header_are_not_the_article_whatever_the_model_says() -> None:
    [article] = clean_text(BLOG_POST_WITH_COMMENTS, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[-1] == BLOG_POST_WITH_COMMENTS.split("\n\n")[2]
    assert not any(
        "towpath every morning" in paragraph or "grandchildren" in paragraph for paragraph in article.paragraphs
    )
    removed = {line.line for line in article.removed}
    assert "Comments" in removed
    assert any(line.startswith("I walk that towpath") for line in removed)


@pytest.mark.parametrize("link", ["2 comments", "Comments"])
def test_a_count_of_comments_in_the_posts_header_does_not_end_it_before_its_text(link: str) -> None:
    # A teaser above the post reads as prose: the count of comments (or the bare heading) under the
    # post's date, over its first paragraph, links to the thread; the thread's own heading still ends the post.
    promotion = "Rangers at Kettle Moor counted more otters this year than in any year since records began in 1974."
    post = BLOG_POST_WITH_COMMENTS.replace(
        "March 3, 2024 | by Hattie Crane\n", f"March 3, 2024 | by Hattie Crane\n\n{link}\n"
    )
    more = (
        "The next planting day is on the first Saturday of April, when we hope to finish the stretch between "
        "the two locks below Fenlow.\n\nGloves, spades and tea are provided, and no experience is needed."
    )
    post = post.replace("\n\nComments\n", f"\n\n{more}\n\nComments\n")
    [article] = clean_text(f"{promotion}\n\n{post}", line_model=_KeepEverything())  # type: ignore[arg-type]
    assert any(paragraph.startswith("Our volunteers spent Saturday") for paragraph in article.paragraphs)
    assert article.paragraphs[-1] == "Gloves, spades and tea are provided, and no experience is needed."
    assert (link, "comments section") in [(line.line, line.reason) for line in article.removed]


def test_a_comments_link_over_the_headline_does_not_end_the_post_before_its_text() -> None:
    # No date in the header: the headline of the page's <title> under the link shows it is the
    # header's link to the thread, over a welcome box that reads as prose.
    welcome = "Welcome to Canal Friends! If you are new here, read our guide and join one of our planting days."
    post = BLOG_POST_WITH_COMMENTS.replace("March 3, 2024 | by Hattie Crane\n", "Written by Hattie Crane\n")
    more = "The next planting day is on the first Saturday of April, when we hope to finish the stretch below Fenlow."
    post = post.replace("\n\nComments\n", f"\n\n{more}\n\nComments\n")
    headline = post.split("\n", 1)[0]
    page = f"{headline} | Canal Friends\n\nCanal Friends\n\n{welcome}\n\nComments\n\n{post}"
    [article] = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert any(paragraph.startswith("Our volunteers spent Saturday") for paragraph in article.paragraphs)
    assert article.paragraphs[-1] == more
    # The thread's own heading still ends the post.
    assert not any("towpath every morning" in paragraph for paragraph in article.paragraphs)


def test_a_comments_tab_over_the_byline_does_not_end_the_report_before_its_text() -> None:
    # A paper's bar of tabs ("Article | Quotes | Comments") stands between its date and the byline,
    # a reprint notice above and under it that reads as prose. The byline under the tab shows it is
    # the header's.
    notice = (
        "Reprints: this copy is for your personal use only. To order copies for your colleagues, use the form below."
    )
    sample = "See a sample of our reprints before you order, with the prices for ten, fifty and a hundred copies."
    body = (
        "The ferry to Holm island sailed again on Monday after three weeks in dock, its owners said.\n\n"
        "Engineers replaced both of its propeller shafts, which had cracked in the storms of early March."
    )
    page = (
        f"Ferry sails again | Island Times\n\n{notice}\n\nMarch 4, 2024\n\nFerry to Holm island sails again\n\n"
        f"Article\n\nQuotes\n\nComments\n\n{sample}\n\nBy Petra Lind\n\n{body}\n\nComments\n\n"
        "Dorothy on March 5, 2024 at 9:12 am said:\n\nAbout time too, the island was cut off for far too long.\n"
    )
    [article] = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[-1] == body.split("\n\n")[1]
    assert any(paragraph.startswith("The ferry to Holm island sailed") for paragraph in article.paragraphs)
    assert article.byline == "Petra Lind"
    # The thread's own heading, with no byline under it, still ends the report.
    assert not any("cut off" in paragraph for paragraph in article.paragraphs)


HARBOUR_REPORT = [
    "The harbour board voted on Tuesday to rebuild the north pier, which storms have closed since January.",
    "Work will begin in May and take two years, the board said, at a cost of about twelve million euros.",
    "Fishing boats have moored at the south pier in the meantime, where space is short in the summer months.",
    "Skippers told the board that the queue to unload had cost them a morning's catch more than once.",
    "The new pier will be longer than the old one, with room for the ferry and a dozen fishing boats.",
    "A public meeting on the plans will be held in the town hall on the first Monday of March.",
    "The board's chairman said the pier would be the largest project in the harbour's history.",
]


def test_a_comments_link_between_paragraphs_does_not_end_the_report() -> None:
    # A paper's bar of tools ("Comments | Weigh In | Corrections?") after the second paragraph: the
    # report goes on under it for many paragraphs, with no comment's stamp or widget.
    tools = "Comments\n\nWeigh In\n\nCorrections?"
    page = (
        "North pier to be rebuilt\n\n"
        + "\n\n".join(HARBOUR_REPORT[:2])
        + f"\n\n{tools}\n\n"
        + "\n\n".join(HARBOUR_REPORT[2:])
    )
    [article] = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert set(HARBOUR_REPORT) <= set(article.paragraphs)
    assert article.paragraphs[-1] == HARBOUR_REPORT[-1]
    assert "Comments" not in article.paragraphs


def test_a_comments_link_over_a_box_of_teasers_inside_the_report_does_not_end_it() -> None:
    # The bar of tools, then a blog's box of three teasers (headline, author, one sentence), then the rest.
    box = []
    for headline, teaser in (
        (
            "Ferry fares to rise in April",
            "The island ferry will cost a euro more from the first of April, its owners said.",
        ),
        (
            "Lifeboat crew honoured",
            "The volunteers of the harbour lifeboat received a medal for a rescue in the autumn.",
        ),
        ("School roof repaired", "Builders finished the new roof of the island school a week before the end of term."),
    ):
        box += [headline, "Mara Quint", teaser]
    page = (
        "North pier to be rebuilt\n\n"
        + "\n\n".join(HARBOUR_REPORT[:2])
        + "\n\nComments\n\nWeigh In\n\nHarbour Blog\n\n"
        + "\n\n".join(box)
        + "\n\n"
        + "\n\n".join(HARBOUR_REPORT[2:])
    )
    [article] = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert set(HARBOUR_REPORT) <= set(article.paragraphs)
    assert article.paragraphs[-1] == HARBOUR_REPORT[-1]


@pytest.mark.parametrize("byline", ["By Petra Lind\n\n", ""])
def test_a_thread_whose_comments_open_with_by_and_a_name_still_ends_the_report(byline: str) -> None:
    # "By Dorothy Marsh" under the thread's heading heads a comment, not the report: the report's own
    # byline stood above, or another comment's follows.
    comments = (
        "By Dorothy Marsh\n\nI moor at the south pier every summer and the queue has been worse than ever this "
        "year, so this is good news.\n\nBy Olek Brandt\n\nTwelve million euros seems a lot for one pier when the "
        "breakwater also needs repairs before next winter."
    )
    page = f"North pier to be rebuilt\n\n{byline}" + "\n\n".join(HARBOUR_REPORT) + f"\n\nComments\n\n{comments}\n"
    [article] = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[-1] == HARBOUR_REPORT[-1]


@pytest.mark.parametrize("signature", ["{name}\n\n{comment}", "{first}: {comment}"])
def test_a_thread_of_comments_signed_with_names_alone_ends_a_short_report(signature: str) -> None:
    # No stamps and no widgets: a name alone between comments, or opening each ("Dorothy: ..."), signs
    # it, and the thread, however much longer than the report, is no text going on under a link.
    signed = [
        ("Dorothy Marsh", "I moor at the south pier every summer and the queue has been worse than ever this year."),
        ("Olek Brandt", "Twelve million euros seems a lot for one pier when the breakwater also needs repairs."),
        ("Mara Quint", "The breakwater was repaired only five years ago and the survey found it in good condition."),
        ("Tom Hale", "Whatever they build, I hope the works do not keep the summer visitors away from the shops."),
        ("Ines Moreau", "Good to see the board doing something after years of talk about the north pier and no work."),
    ]
    thread = "\n\n".join(
        signature.format(name=name, first=name.split()[0], comment=comment) for name, comment in signed
    )
    page = "North pier to be rebuilt\n\n" + "\n\n".join(HARBOUR_REPORT[:2]) + f"\n\nComments\n\n{thread}\n"
    [article] = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs == HARBOUR_REPORT[:2]


def test_a_time_stamp_said_twice_by_a_header_printed_twice_is_no_thread() -> None:
    # A paywalled page prints its header twice, stamp and all, with notices that read as prose above:
    # two identical stamps are one header's, not two comments'.
    notices = [
        "Reprints: this copy is for your personal use only, and copies for colleagues can be ordered below.",
        "The email address you have entered is already in use by another reader of the paper this week.",
        "From time to time, we will send you e-mail announcements on new features and special offers from us.",
    ]
    stamp = "March 4, 2024, 10:35 a.m. ET"
    page = (
        "Ferry sails again | Island Times\n\n"
        + "\n\n".join(notices)
        + f"\n\n{stamp}\n\nFerry to Holm island sails again\n\nArticle\n\nQuotes\n\n{stamp}\n\nBy Petra Lind\n\n"
        + "\n\n".join(HARBOUR_REPORT)
    )
    articles = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    kept = [paragraph for article in articles for paragraph in article.paragraphs]
    assert set(HARBOUR_REPORT) <= set(kept)


def test_a_thread_whose_comments_say_how_long_ago_they_were_posted_ends_the_post() -> None:
    # "Name 10 days ago" stamps each comment: a thread, however much longer its comments than the post.
    comments = [
        "Mara Quint 11 days ago",
        "I moor at the south pier every summer and the queue has been worse than ever this year, so this is good.",
        "Harbour Board 10 days ago",
        "Thank you, Mara. The south pier will stay open for the whole of the works, with more space from June.",
        "Olek Brandt 9 days ago",
        "Twelve million euros seems a lot for one pier when the breakwater also needs repairs before next winter.",
        "The breakwater was repaired only five years ago and the board's own survey found it in good condition.",
    ]
    page = f"North pier to be rebuilt\n\n{HARBOUR_REPORT[0]}\n\n4 Comments Leave a comment\n\n" + "\n\n".join(comments)
    [article] = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs == HARBOUR_REPORT[:1]


AUTHORS_BLOG_POST = """Planting oaks along the Merrow canal

Hattie Crane 03/03/2024 2 comments Volunteering, Trees

Our volunteers spent Saturday planting a thousand young oaks along the towpath of the Merrow canal, the first stage of a scheme that will link the two nature reserves.

The next planting day is on the first Saturday of April, when we hope to finish the stretch between the two locks below Fenlow.

{heading}

{bio}
"""


@pytest.mark.parametrize(
    "heading", ["About Hattie Crane", "Sobre Hattie Crane", "À propos de Hattie Crane", "ABOUT HATTIE CRANE"]
)
def test_the_posts_authors_box_after_the_text_is_no_body_whatever_the_model_says(heading: str) -> None:
    bio = "Mother of three and keen gardener, Hattie Crane has run the canal volunteers since 2019 from Ashby."
    post = AUTHORS_BLOG_POST.format(heading=heading, bio=bio)
    [article] = clean_text(post, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[-1].startswith("The next planting day")
    assert {(heading, "author bio"), (bio, "author bio")} <= {(line.line, line.reason) for line in article.removed}


def test_a_box_on_someone_other_than_the_author_stays_in_the_text() -> None:
    # A factbox on the article's subject: its name is no author's in the header.
    bio = "Ines Moreau has directed the harbour authority of Port Wenlow since 2018, after ten years at sea."
    post = AUTHORS_BLOG_POST.format(heading="About Ines Moreau", bio=bio)
    [article] = clean_text(post, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[-2:] == ["About Ines Moreau", bio]


def test_a_prompt_to_comment_in_the_post_lines_bar_does_not_end_the_post_before_its_text() -> None:
    # A deck that reads as prose above the post line, the author's name above the prompt, no date
    # within reach: the prompt is the header's link to the thread. The thread's heading still ends it.
    deck = "Tuesday, March 3, 2024 Warning: this walk along the canal is very muddy in places!"
    post = BLOG_POST_WITH_COMMENTS.replace(
        "March 3, 2024 | by Hattie Crane\n",
        f"{deck}\n\nPosted by\nHattie Crane |\nView all posts by Hattie Crane\nLeave a comment! | Published in\nVolunteering\n",
    ).replace(
        "\n\nComments\n",
        "\n\nThe next planting day is on the first Saturday of April, when we hope to finish the stretch "
        "between the two locks below Fenlow.\n\nComments\n",
    )
    [article] = clean_text(post, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert any(paragraph.startswith("Our volunteers spent Saturday") for paragraph in article.paragraphs)
    assert not any("towpath every morning" in paragraph for paragraph in article.paragraphs)


def test_a_count_of_comments_after_the_post_ends_it() -> None:
    counted = BLOG_POST_WITH_COMMENTS.replace("\n\nComments\n", "\n\n12 comments\n")
    [article] = clean_text(counted, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[-1] == counted.split("\n\n")[2]
    assert not any("towpath every morning" in paragraph for paragraph in article.paragraphs)


def test_a_comment_thread_without_a_header_is_not_the_article_whatever_the_model_says() -> None:
    # The same post and comments with no "Comments" line between them: who said what, and when,
    # twice within a few lines, shows where the thread begins.
    without_header = BLOG_POST_WITH_COMMENTS.replace("\n\nComments\n", "\n")
    assert "\nComments\n" not in without_header
    [article] = clean_text(without_header, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[-1] == without_header.split("\n\n")[2]
    assert not any("towpath every morning" in paragraph for paragraph in article.paragraphs)
    attributions = {line.line for line in article.removed if line.reason == "post or comment attribution"}
    assert "Dorothy on March 4, 2024 at 9:12 am said:" in attributions


def test_a_forums_bare_attributions_show_where_its_thread_begins() -> None:
    # A Slash-style forum heads each comment "by name (user number) writes:", the time on a line of
    # its own or nowhere; the story's own "X writes" opens its quote.
    thread = BLOG_POST_WITH_COMMENTS.split("\n\nComments\n", 1)[0] + (
        "\n\nby Dorothy (1243274) writes:\n\nWhat a wonderful day it was, and my grandchildren have already "
        "asked when they can come back to see how the trees are growing.\n\nby Anonymous Coward writes:\n\n"
        "I walk that towpath every morning with my dog and I think the new trees will make a real difference "
        "to the birds that nest on the far bank.\n"
    )
    [article] = clean_text(thread, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[-1] == BLOG_POST_WITH_COMMENTS.split("\n\n")[2]
    attributions = {line.line for line in article.removed if line.reason == "post or comment attribution"}
    assert {"by Dorothy (1243274) writes:", "by Anonymous Coward writes:"} <= attributions


ARTICLE_WITH_EMBEDDED_POST = """Ferry strike called off after overnight talks

Ferry workers called off a strike planned for Friday after talks with the operator ran through the night and ended with an improved offer on pay and rest breaks.

The union said members would vote on the offer next week, and that crossings to the islands would run as normal in the meantime.

@islandferries: All sailings on Friday will run as timetabled. Thank you for your patience.

Report

The operator's chief executive said the agreement protected both the workers and the island communities that rely on the service every day of the year.

Passengers who had already rebooked their journeys will be able to change them again free of charge until the end of the month.
"""


def test_a_report_button_under_an_embedded_post_does_not_end_the_article() -> None:
    [article] = clean_text(ARTICLE_WITH_EMBEDDED_POST, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[-1].startswith("Passengers who had already rebooked")
    assert "Report" not in article.paragraphs


SHORT_POST_WITH_TEASERS = """Câmara aprova segunda ponte pedonal sobre o rio Lune

A câmara municipal aprovou na terça-feira a construção de uma segunda ponte pedonal sobre o rio, depois de os moradores da margem leste terem reunido mais de quatro mil assinaturas a pedir um caminho mais curto até à estação.

Você também pode gostar

Uma padaria da praça do mercado vende o mesmo pão de centeio há noventa anos, e os donos dizem que a receita não vai mudar enquanto os fornos funcionarem.

A regata de verão regressa ao porto este fim de semana com mais barcos do que nunca e uma nova prova para equipas de jovens com menos de dezasseis anos.
"""


def test_teasers_under_a_related_heading_after_the_post_are_not_its_body() -> None:
    [article] = clean_text(SHORT_POST_WITH_TEASERS, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs == [SHORT_POST_WITH_TEASERS.split("\n\n")[1]]
    assert any(line.line.startswith("Uma padaria da praça") for line in article.removed)


def test_a_see_also_link_inside_the_article_does_not_end_it() -> None:
    page = SHORT_POST_WITH_TEASERS.replace("Você também pode gostar", "Veja também: Moradores pedem nova ponte")
    [article] = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[-1].startswith("A regata de verão")


POST_UNDER_FURNITURE = """Volunteers plant a thousand oaks along the Merrow canal

Previous Post

Next Post

Our volunteers spent Saturday planting a thousand young oaks along the towpath of the Merrow canal, the first stage of a scheme that will link the two nature reserves at Ashby and Fenlow by the end of the decade.

The next planting day is in April, when the group hopes to reach the old lock keeper's cottage at Fenlow.
"""


def test_furniture_above_the_first_paragraph_goes_from_a_page_but_not_from_an_extract() -> None:
    [article] = clean_text(POST_UNDER_FURNITURE, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[0].startswith("Our volunteers spent Saturday")
    assert {"Previous Post", "Next Post"} <= {line.line for line in article.removed}
    # In trafilatura's extract of an HTML page, short lines above the text are mostly its lead.
    [[extracted]] = clean_texts(
        [TextToClean(POST_UNDER_FURNITURE, whole_page=False)],
        _KeepEverything(),  # type: ignore[arg-type]
    )
    assert "Previous Post" in extracted.paragraphs


def test_the_first_part_with_an_article_gets_the_pages_metadata_and_title_line() -> None:
    # A page split in two where the first part holds no article (site furniture): the container's
    # title and date, and the page's <title> line, belong to the article of the second part.
    lines = build_lines(
        [
            "The Lakeside Courier | Ferry to Holm island sails again after repairs",
            "News Sport Business Opinion Culture Travel Weather Puzzles Podcasts Newsletters Jobs",
            "Subscribe to our newsletter",
            "Island and Coast: Stories From Around the Lake This Week and Next",
            "The ferry to Holm island sailed again on Monday after three weeks of repairs to the storm-damaged pier.",
            "Islanders had relied on a small launch for food and post while the main vessel stayed in port.",
        ]
    )
    segments = [(0, 3), (3, 6)]
    is_body = np.array([False, False, False, False, True, True])
    [article] = _clean_by_model(lines, segments, is_body, None, None, {})
    assert article.title == "Ferry to Holm island sails again after repairs"
    assert article.paragraphs[0].startswith("The ferry to Holm island")
    [article] = _clean_by_model(lines, segments, is_body, "Ferry sails again", "2024-11-18", {})
    assert article.title == "Ferry sails again"
    assert article.date is not None and article.date.isoformat() == "2024-11-18"


def test_a_part_that_names_no_headline_takes_the_pages_title_line() -> None:
    # The second part opens under a bar of sharing buttons and names no headline of its own; the
    # first part held no article: the page's first line, its <title>, is the article's headline.
    lines = build_lines(
        [
            "Ferry to Holm island sails again after repairs",
            "Harbours Ferries Islands Weather Boats",
            "Ada Brennan Senior Contributor",
            "Share to facebook",
            "Share to twitter",
            "The ferry to Holm island sailed again on Monday after three weeks of repairs to the storm-damaged pier.",
            "Islanders had relied on a small launch for food and post while the main vessel stayed in port.",
        ]
    )
    is_body = np.array([False, False, False, False, False, True, True])
    [article] = _clean_by_model(lines, [(0, 3), (3, 7)], is_body, None, None, {})
    assert article.title == "Ferry to Holm island sails again after repairs"
    assert article.paragraphs[0].startswith("The ferry to Holm island")


def test_a_numbered_list_the_model_keeps_is_kept_whole() -> None:
    lines = build_lines(
        [
            "The readers of the Dunmere Gazette chose their favourite walks of the year in a poll of 3,000 people.",
            "The results:",
            "1. Weir path - Dunmere.",
            "2. Mill Lane loop - Dunmere.",
            "3. Otter bank - Lowbridge.",
            "4) Three bridges - Lowbridge.",
            "6. Market steps - Dunmere.",
            "10 people voted for the bypass.",
            "Most read",
            "1. Council votes to close two libraries",
        ]
    )
    kept = np.array([True, False, True, True, True, False, False, False, False, False])
    completed = _complete_numbered_lists(lines, kept)
    # The lead-in and the next item join; a gap in the numbering, a bare number and a widget's own
    # numbered list do not.
    assert completed.tolist() == [True, True, True, True, True, True, False, False, False, False]
    assert kept.tolist()[1] is False


LIVE_BLOG = """Storm over the Merrow valley: live updates

Posted by Hattie Crane at 9:02 am

The river at Ashby has risen by a metre overnight and the council has closed the lower towpath between the two locks until further notice.

Posted by Tom Fry at 9:40 am

Fire crews are pumping water from six houses on Mill Lane, where the bank gave way just before dawn and flooded the gardens.

Posted by Hattie Crane at 10:15 am

Trains between Ashby and Fenlow are running again after the line was checked for damage, but services will run slower than usual all day.
"""


def test_a_live_blogs_entries_are_not_read_as_a_comment_thread() -> None:
    [article] = clean_text(LIVE_BLOG, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[-1].startswith("Trains between Ashby and Fenlow")
    assert len(article.paragraphs) == 3


def test_a_posts_own_attribution_does_not_make_its_comment_thread_a_live_blog() -> None:
    # The post is attributed above its text, as a live blog's first entry is; its commenters are
    # attributed in another form, and their thread is not the article.
    comments = "\n\n".join(
        f"by {name} writes: on Monday March 4, @0{hour}:12PM\n\n{text}"
        for hour, (name, text) in enumerate(
            [
                ("marsh_hen", "The towpath floods every spring and the council never learns anything from it, sadly."),
                ("eelcatcher", "Six houses on Mill Lane again? They were promised a new bank wall three years ago."),
                ("lockkeeper", "The trains were fine this morning, the slower timetable only added ten minutes."),
            ],
            start=1,
        )
    )
    page = LIVE_BLOG.split("Posted by Tom Fry")[0] + comments
    [article] = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs == [
        "The river at Ashby has risen by a metre overnight and the council has closed the lower towpath between "
        "the two locks until further notice."
    ]


def test_a_comment_thread_split_into_parts_is_cut_in_every_part() -> None:
    # The page splits a long thread into parts (a heading above each comment); the article's prose
    # and its own attribution come first, and every part that opens with a comment goes.
    texts = [
        "Storm over the Merrow valley",
        "Posted by Hattie Crane on Monday March 4, @09:02AM",
        "The river at Ashby has risen by a metre overnight and the council has closed the lower towpath "
        "between the two locks until further notice.",
    ]
    comments = [
        ("marsh_hen", "The towpath floods every spring and the council never learns anything from it, sadly."),
        ("eelcatcher", "Six houses on Mill Lane again? They were promised a new bank wall three years ago."),
        ("lockkeeper", "The trains were fine this morning, the slower timetable only added ten minutes."),
        ("ferryman", "The ferry at Holm ran all night and carried the pumps across to the east bank."),
    ]
    starts = []
    for hour, (name, text) in enumerate(comments, start=1):
        starts.append(len(texts))
        texts += [f"by {name} writes: on Monday March 4, @0{hour}:12PM (#4074{hour})", text]
    lines = build_lines(texts)
    segments = list(zip([0, *starts], [*starts, len(lines)], strict=True))
    kept = _end_at_closing_line(lines, segments, np.ones(len(lines), dtype=bool))
    assert [line.text for line, keep in zip(lines, kept, strict=True) if keep and line.words > 12] == [texts[2]]


def test_a_comment_count_above_the_article_ends_nothing_under_a_blurb_the_model_left_out() -> None:
    # A site's blurb in prose over its menu, then the story's comment count, then the story: the count
    # closes no text, as no prose the model kept stands above it.
    article = [
        "The number of ferry crossings cancelled by storms fell by a third last year, to 412, the harbour "
        "authority said on Monday.",
        "Most of the cancellations came in January and February, when gales closed the northern route for "
        "eleven days in a row.",
    ]
    blurb = "Written by readers like you, Tidewire is a live picture of what the islands are talking about right now."
    lines = build_lines([blurb, "Recommended Articles", "4 Comments", "Print", *article])
    assert lines[0].strong_body
    model = np.array([False, False, False, False, True, True])
    kept = _end_at_closing_line(lines, [(0, len(lines))], model)
    assert [line.text for line, keep in zip(lines, kept, strict=True) if keep] == article
    # Where the model kept prose above the count, the count ends the text (the comments follow it).
    kept = _end_at_closing_line(lines, [(0, len(lines))], np.ones(len(lines), dtype=bool))
    assert [line.text for line, keep in zip(lines, kept, strict=True) if keep] == [
        blurb,
        "Recommended Articles",
        "4 Comments",
    ]


def test_a_comments_link_inside_the_text_weighs_only_the_prose_the_model_kept_above_it() -> None:
    # A paper's comments link and a box of another writer's posts after the story's first paragraphs,
    # the story going on under them; above it, two teasers' prose that the model left out.
    teasers = [
        "Thousands are left homeless or with flooded tents after the storm, and food aid is running low.",
        "If the third-largest economy falls under its debt, it could do real damage to trade in the region.",
    ]
    story = [
        f"Paragraph {number} of the election story tells how the ruling party kept its majority in the "
        "vote, by the count of the observers who watched the polling stations."
        for number in ("one", "two", "three", "four", "five", "six")
    ]
    texts = [*teasers, *story[:2], "Comments", "Weigh In", "Why the harbour needs a new breakwater", "Max Fisher"]
    texts += ["A history of storms has made the island one of the best prepared places in the region.", *story[2:]]
    lines = build_lines(texts)
    model = np.array([text not in teasers for text in texts])
    kept = _end_at_closing_line(lines, [(0, len(lines))], model)
    assert all(keep for line, keep in zip(lines, kept, strict=True) if line.text in story)


def test_a_thread_headed_by_time_stamps_alone_is_cut_but_an_articles_own_stamps_are_not() -> None:
    article = [
        "The river at Ashby has risen by a metre overnight and the council has closed the lower towpath "
        "between the two locks until further notice.",
        "Fire crews are pumping water from six houses on Mill Lane, where the bank gave way just before dawn.",
    ]
    comments = [
        "The towpath floods every spring and the council never learns anything from it, sadly.",
        "Six houses on Mill Lane again? They were promised a new bank wall three years ago.",
        "The trains were fine this morning, the slower timetable only added ten minutes.",
    ]
    thread = [
        line for hour, text in enumerate(comments, start=1) for line in (f"#1.{hour} - Mar 4, 2024 {hour}:12 PM", text)
    ]
    lines = build_lines(
        [
            "The Merrow Courier is a paper of the valley towns, printed in Ashby since 1884 and read in every village.",
            *article,
            *thread,
        ]
    )
    kept = _end_at_closing_line(lines, [(0, len(lines))], np.ones(len(lines), dtype=bool))
    assert [line.text for line, keep in zip(lines, kept, strict=True) if keep][1:] == [*article, thread[0]]
    # A page's own stamps, one over the other above its text, are no thread.
    stamped = build_lines([lines[0].text, "4 Mar 2024, 09:02", "Updated: 4 Mar 2024, 09:40", *article])
    assert _end_at_closing_line(stamped, [(0, len(stamped))], np.ones(len(stamped), dtype=bool)).all()


def test_a_comments_time_stamp_does_not_date_the_article() -> None:
    # The post gives no date of its own: the first comment's is no evidence of the article's.
    post = BLOG_POST_WITH_COMMENTS.replace("March 3, 2024 | by Hattie Crane", "by Hattie Crane")
    stamped = post.replace("Dorothy on March 4, 2024 at 9:12 am said:", "Dorothy March 4, 2024 at 9:12 am").replace(
        "Tomas Reyes on March 5, 2024 at 6:40 pm said:", "Tomas March 5, 2024 at 6:40 pm"
    )
    [article] = clean_text(stamped, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.date is None
    dated = stamped.replace("by Hattie Crane", "March 3, 2024")
    [article] = clean_text(dated, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.date is not None and article.date.isoformat() == "2024-03-03"


def test_code_and_encoded_data_in_an_article_are_removed_whatever_the_model_says() -> None:
    script = ";".join(f"var s{n}=function(a){{return a+{n}}};window.t{n}=s{n}(1)" for n in range(12))
    encoded = "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw" * 3
    page = LIBRARY_POST.format(post_line="Share | Tweet").replace(
        "The room holds four thousand books", f"{script}\n\n{encoded}\n\nThe room holds four thousand books"
    )
    for model in (_KeepEverything(), None):
        [article] = clean_text(page, line_model=model)  # type: ignore[arg-type]
        assert script not in article.paragraphs and encoded not in article.paragraphs
        removed = {(line.line, line.reason) for line in article.removed}
        assert {(script, MARKUP_REASON), (encoded, MARKUP_REASON)} <= removed
        assert any(paragraph.startswith("The room holds four thousand books") for paragraph in article.paragraphs)


def test_markup_left_in_a_scraped_text_is_removed_whatever_the_model_says() -> None:
    script = '<script src="https://ads.example.net/serve.js" type="text/javascript"></script> <!-- ad slot 3 -->'
    page = LIBRARY_POST.format(post_line="Share | Tweet").replace(
        "The room holds four thousand books", script + "\n\nThe room holds four thousand books"
    )
    for model in (_KeepEverything(), None):
        [article] = clean_text(page, line_model=model)  # type: ignore[arg-type]
        assert script not in article.paragraphs
        assert (script, "HTML, script code or encoded data") in {(line.line, line.reason) for line in article.removed}
        assert article.paragraphs[-1].startswith("The librarian said")


def test_a_long_menu_above_the_headline_is_not_taken_for_it() -> None:
    # The menu has more words than the headline, and no function word; a search widget is furniture.
    page = (
        "Home Rugby Cricket Football Golf Tennis Cycling Athletics Motorsport Sailing\nSearch This Site Go\n\n"
        + (LIBRARY_POST.format(post_line="Share | Tweet").split("\n", 2)[2])
    )
    for model in (default_line_model(), None):
        [article] = clean_text(page, line_model=model)
        assert article.title == "Library opens a late reading room for shift workers"


def test_a_caption_said_twice_under_the_headline_is_no_post_line() -> None:
    caption = "Readers at the new late room supplied by the town's reading circle in Riverside on June 9, 2025. (Photo: Ada Brennan)"
    page = LIBRARY_POST.replace("Thursday, 12 June 2025\n", "").format(post_line=f"{caption}\n{caption}")
    [article] = clean_text(page, line_model=default_line_model())
    assert article.captions == [caption]
    assert article.byline is None
    assert article.date_source != "header line"


def test_comments_under_a_responses_header_are_not_the_article_whatever_the_model_says() -> None:
    page = BLOG_POST_WITH_COMMENTS.replace("\nComments\n", "\n3 Responses to “Volunteers plant a thousand oaks”\n")
    [article] = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[-1] == page.split("\n\n")[2]
    assert ("3 Responses to “Volunteers plant a thousand oaks”", "comments section") in {
        (line.line, line.reason) for line in article.removed
    }


def test_cleaning_pauses_the_cycle_collector_and_leaves_it_as_it_found_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    import newstrace.clean.text as text_module

    seen: list[bool] = []
    normalize = text_module.normalize_text

    def recording_normalize(text: str) -> object:
        seen.append(gc.isenabled())
        return normalize(text)

    monkeypatch.setattr(text_module, "normalize_text", recording_normalize)
    assert gc.isenabled()
    clean_texts([TextToClean(FERRY_BODY)])
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        clean_texts([TextToClean(FERRY_BODY)])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_headline_under_the_trail_of_pages_to_it_is_the_title_without_the_trail() -> None:
    for line, title in (
        ("Home > Islands > Ferry to Holm island sails again", "Ferry to Holm island sails again"),
        ("You are here: Home / Islands / Ferry to Holm island sails again", "Ferry to Holm island sails again"),
        ("Courier Home / Coast / News / Ferry to Holm island sails again", "Ferry to Holm island sails again"),
        (
            "Courier | Islands | Ferry to Holm island sails again after repairs",
            "Ferry to Holm island sails again after repairs",
        ),
    ):
        page = f"{line}\nBy Ada Brennan\n\n{FERRY_BODY}"
        for model in (None, default_line_model()):
            [article] = clean_text(page, line_model=model)
            assert article.title == title
            assert article.paragraphs[0].startswith("The ferry to Holm island sailed again")


def test_a_title_that_is_no_trail_keeps_its_words() -> None:
    for title in (
        "Ferry to Holm island sails again | The Lakeside Courier",
        # The headline first and the site's name last, however long the name.
        "Storm hits coast | News | The Lakeside Valley Evening Courier",
        "Pros / cons of a second ferry to Holm island",
        "Home Ferries Return to Holm Island",
        "Home > News > Ferries",
        "Islands > Ferry to Holm island sails again | The Lakeside Courier",
    ):
        assert headline_after_trail(title) == title


def test_a_post_line_long_enough_for_a_sentence_gives_the_date_and_author() -> None:
    # "By <name> on <weekday>, <date> at <time> a.m." has a sentence's length and end; the caption
    # below it holds the photo's older date.
    page = (
        "Ferry to Holm island sails again\n"
        "By Ada Brennan on Monday, March 3rd, 2025 at 11:04 a.m.\n"
        "The ferry at the storm-damaged pier on Feb. 12, 2025. (AP)\n\n"
        f"{FERRY_BODY}"
    )
    # The line model's reading (the rules' own, which the model learnt from, reads the line as the
    # first paragraph and is left as it was).
    [article] = clean_text(page, line_model=default_line_model())
    assert article.byline == "Ada Brennan"
    assert article.date == date(2025, 3, 3)
    assert not any("Ada Brennan" in paragraph for paragraph in article.paragraphs)
    # A lede opening with "By" and a day is a sentence, not a post line.
    lede = "By Tuesday, March 4, 2025, the ferry had carried more than four hundred islanders and their post."
    [article] = clean_text(
        f"Ferry to Holm island sails again\n\n{lede}\n\n{FERRY_BODY}", line_model=default_line_model()
    )
    assert article.paragraphs[0] == lede
    assert article.byline is None


def test_a_byline_ending_in_a_comma_or_a_title_with_a_full_stop_is_the_byline() -> None:
    for byline_line, name in (("By Ada Brennan,", "Ada Brennan"), ("By ADA BRENNAN, M.D.", "ADA BRENNAN")):
        page = f"Ferry to Holm island sails again\n{byline_line}\nMarch 3, 2025\n\n{FERRY_BODY}"
        [article] = clean_text(page, line_model=default_line_model())
        assert article.byline == name
        assert not any(byline_line in paragraph for paragraph in article.paragraphs)
    # "By the way, ..." names no one.
    page = f"Ferry to Holm island sails again\nBy the way, the cafe reopened.\n\n{FERRY_BODY}"
    [article] = clean_text(page, line_model=default_line_model())
    assert article.byline is None


def test_an_author_signature_under_the_text_is_the_byline_and_no_text() -> None:
    page = f"Ferry to Holm island sails again\n\n{FERRY_BODY}\nPosted by Ada Brennan, Harbour Correspondent\n"
    [article] = clean_text(page, line_model=default_line_model())
    assert article.byline == "Ada Brennan"
    assert not any("Ada Brennan" in paragraph for paragraph in article.paragraphs)
    assert article.paragraphs[-1].startswith("The operator said timetables")
    # A closing sentence that happens to open so is text.
    closing = "Posted by the harbour office on its notice board, the new timetable drew a small crowd of islanders."
    [article] = clean_text(
        f"Ferry to Holm island sails again\n\n{FERRY_BODY}\n{closing}\n", line_model=default_line_model()
    )
    assert article.paragraphs[-1] == closing


HARBOUR_STORY = """Harbour dues to rise next spring

The port authority said on Tuesday that harbour dues for fishing boats will rise by a tenth from April, the first increase in six years.

Skippers said the rise would hit smaller crews hardest, as fuel prices have already climbed this year.

The authority said the money would pay for dredging the inner basin, which has silted up since the storms of last winter.

{notice}
"""


@pytest.mark.parametrize(
    ("line", "credit", "source"),
    [
        ("Source: Harbour Ferries Ltd", None, "Harbour Ferries Ltd"),
        ("(Source: The Lakeside Courier)", None, "The Lakeside Courier"),
        ("Fuente: Reuters", "Reuters", None),
        ("Source:", None, None),
    ],
)
def test_a_source_line_under_the_text_leaves_the_body_and_names_its_source(
    line: str, credit: str | None, source: str | None
) -> None:
    page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n{line}\n"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.paragraphs[-1].startswith("The operator said timetables")
        assert (line, "source line (who the text comes from)") in [(item.line, item.reason) for item in article.removed]
        assert (article.credit, article.metadata.get("credited_source")) == (credit, source)
    # A source named inside the text, a sentence under it, stays where it is.
    more = (
        "Harbour officials said the pier would be inspected again before the winter storms arrived in November.\n\n"
        "The island council has asked the regional government to fund a second landing stage on the north shore."
    )
    [article] = clean_text(f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n{line}\n\n{more}")
    assert article.paragraphs[-1].startswith("The island council has asked")
    assert "credited_source" not in article.metadata


def test_a_paragraph_naming_a_poll_or_a_photo_agency_inside_its_sentence_stays_in_the_body() -> None:
    middle = "A Reuters/Ipsos poll showed support for the ferry plan at 41%, down from 48% a month earlier."
    first, rest = FERRY_BODY.split("\n\n", 1)
    page = f"Ferry to Holm island sails again after repairs\n\n{first}\n\n{middle}\n\n{rest}"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.paragraphs[1] == middle
        assert article.captions == []


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        # A corpus's headline line ends with a full stop; in title case it is the headline still.
        ("Holm Island Ferry Sails Again After Three Weeks Of Repairs.", True),
        ("Council Chief: Ferry Fund Will Publish ‘Every Donor’s Name.’", True),
        # A lede: in sentence case, or a tabloid's, its first word in capitals.
        ("The ferry to Holm island sailed again on Monday.", False),
        ("FERRY Holm Island Sails Again After Three Weeks Of Repairs.", False),
    ],
)
def test_a_title_case_first_line_ending_with_a_full_stop_is_the_headline(first_line: str, title: bool) -> None:
    # No dateline under it (a short line above an agency's dateline is the headline anyway).
    lede = "Islanders queued on the quay before dawn, and the first crossing in three weeks left on time."
    page = "\n\n".join([first_line, lede, FERRY_BODY.split("\n\n", 1)[1]])
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == (first_line if title else None)
    assert article.paragraphs[0] == (lede if title else first_line)


def test_a_reports_sentences_with_a_prompts_words_stay_text_and_a_source_introduced_ends_nothing() -> None:
    lede = (
        "The island council said on Tuesday that the ferry fund had been fully disclosed, referencing its "
        "donations from local businesses, but critics asked for the names of every giver."
    )
    source = (
        "Ines Moreau is a transport consultant and a regular contributor to the island's radio station. "
        "Moreau said the fund had never published its accounts."
    )
    after = [
        "The council will publish a list of donors next month, its treasurer said on Wednesday afternoon.",
        "Islanders will be asked to vote on the second landing stage at a public meeting in the spring.",
    ]
    prompt = "Sign up to get an email from reporter Ada Brennan when she publishes a new story."
    page = "\n\n".join(["Ferry fund faces questions", lede, FERRY_BODY.strip(), source, *after, prompt])
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs[0] == lede
    # The source's introduction has a bio's form but quotes its subject: the text goes on under it.
    assert article.paragraphs[-3:] == [source, *after]
    assert (prompt, "newsletter or subscription prompt") in [(line.line, line.reason) for line in article.removed]


def test_a_last_paragraph_signed_off_by_its_agency_is_text_and_credits_it() -> None:
    # "... weather permitting. (AFP)" has a picture credit's form; as the text's last paragraph of prose
    # it is the text, signed by the agency.
    last = "The operator said timetables would return to normal by the end of the month, weather permitting."
    page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY.rsplit(chr(10) * 2, 1)[0]}\n\n{last} (AFP)\n"
    [article] = clean_text(page, line_model=default_line_model())
    assert (article.paragraphs[-1], article.credit, article.captions) == (last, "AFP", [])
    # A photograph's credit in that place stays a caption.
    caption = "Islanders wait on the quay at Holm for the first crossing in three weeks. (AFP Photo/Ana Ruiz)"
    [article] = clean_text(page.replace(f"{last} (AFP)", caption), line_model=default_line_model())
    assert article.captions == [caption]


@pytest.mark.parametrize(("line", "credit"), [("dpa", "dpa"), ("(dpa/lsn)", "dpa"), ("(AFP/Reuters)", "AFP")])
def test_an_agency_named_alone_under_the_text_is_its_credit_and_between_paragraphs_a_pictures(
    line: str, credit: str
) -> None:
    # German papers close the agency's text so; the page's foot follows.
    page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n{line}\n\nMore from the region\nImprint | Contact\n"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.paragraphs[-1].startswith("The operator said timetables")
        assert article.credit == credit
        assert (line, "agency credit line") in [(item.line, item.reason) for item in article.removed]
    # Under a paragraph with more text below it, the name is a picture's credit: no credit of the text.
    first, rest = FERRY_BODY.split("\n\n", 1)
    [article] = clean_text(
        f"Ferry to Holm island sails again after repairs\n\n{first}\n{line}\n{rest}", line_model=default_line_model()
    )
    assert len(article.paragraphs) == 3
    assert article.credit is None


@pytest.mark.parametrize(
    ("foot", "removed", "note"),
    [
        (
            ["(END)", "ruiz.ana@wire.example"],
            [("(END)", "agency's end mark"), ("ruiz.ana@wire.example", "reporter's address")],
            None,
        ),
        (["-30-"], [("-30-", "agency's end mark")], None),
        (["Twitter: @anaruiz."], [("Twitter: @anaruiz.", "reporter's address")], None),
        ([".gmobile {"], [(".gmobile {", "HTML, script code or encoded data")], None),
        (["###"], [("###", "agency's end mark")], None),
        (
            ["--IANS", "(This story has not been edited by our staff and is published from a syndicated news feed.)"],
            [
                (
                    "(This story has not been edited by our staff and is published from a syndicated news feed.)",
                    "syndicated feed notice",
                )
            ],
            "(This story has not been edited by our staff and is published from a syndicated news feed.)",
        ),
    ],
)
def test_an_agencys_end_marks_and_a_feeds_notice_leave_the_body(
    foot: list[str], removed: list[tuple[str, str]], note: str | None
) -> None:
    lines = "\n\n".join(foot)
    page = f"Ferry to Holm island sails again after repairs\n\n{FERRY_BODY}\n{lines}\n"
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert article.paragraphs[-1].startswith("The operator said timetables")
        found = [(item.line, item.reason) for item in article.removed]
        assert all(item in found for item in removed), found
        assert article.metadata.get("syndication_note") == note
    # The mark run into the last sentence, as one agency prints it, goes too; the sentence stays.
    [article] = clean_text(page.replace(f"\n{lines}\n", " Enditem\n"), line_model=default_line_model())
    assert article.paragraphs[-1].endswith("weather permitting.")
    assert ("Enditem", "agency's end mark") in [(item.line, item.reason) for item in article.removed]
    # A sentence that ends in those words is the text's.
    [article] = clean_text(page.replace(f"\n{lines}\n", "\n\nThe strike, the union said, was at its end.\n"))
    assert article.paragraphs[-1] == "The strike, the union said, was at its end."


@pytest.mark.parametrize(
    ("notice", "credit"),
    [
        ("Copyright 2024 The Associated Press. All rights reserved. This material may not be published.", "AP"),
        ("Copyright © 2024 AFP. All rights reserved.", "AFP"),
        ("(c) 2024 Reuters. All rights reserved.", "Reuters"),
        # A site's footer naming the agencies it may carry, and a picture's notice, credit no one.
        ("Copyright 2024 Coastline Radio. This service may include material from AFP and Reuters.", None),
        ("Copyright 2024 AP Photo. All rights reserved.", None),
    ],
)
def test_an_agencys_copyright_notice_under_the_text_credits_the_agency(notice: str, credit: str | None) -> None:
    [article] = clean_text(HARBOUR_STORY.format(notice=notice), line_model=default_line_model())
    assert (notice, "copyright notice") in [(removed.line, removed.reason) for removed in article.removed]
    assert article.credit == credit


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        (
            "This story originally appeared on the Harbour Gazette under the headline 'Dues rise'.",
            "the Harbour Gazette",
        ),
        (
            "Originally published on www.coastline.example. Click here to read the original story.",
            "www.coastline.example",
        ),
        ("This article was first published on page 4 of The Tideway Times on March 3, 2024.", "The Tideway Times"),
        ("This article is republished from The Estuary Review under a Creative Commons license.", "The Estuary Review"),
        # A date is no outlet, and a book's first edition is no republication.
        ("Originally published on Tuesday, March 3, 2024:", None),
        ("The harbour guide, first published in 1962, is still sold at the quay.", None),
    ],
)
def test_a_republished_article_names_the_outlet_it_first_appeared_in(line: str, outlet: str | None) -> None:
    [article] = clean_text(HARBOUR_STORY.format(notice=line), line_model=default_line_model())
    assert article.metadata.get("originally_published") == outlet


def test_a_barred_menu_of_sections_or_a_time_stamp_is_not_the_headline() -> None:
    # Longer than the headline and holding function words, the menu reads as a headline would; the
    # time stamp is in a form the date rules do not read (day and month could be either way round).
    menu = "News of the Valley | Sport and Leisure | Jobs | Homes for Sale | Motoring | Weather | More"
    headline = "Library opens a late reading room for shift workers"
    body = LIBRARY_POST.format(post_line="By Ada Brennan").split("\n", 2)[2]
    for above, title in ((menu, headline), ("6/12/2025, 9:07 a.m. EST", "Late reading room opens")):
        page = f"Riverside Weekly\n{above}\n\n{body.replace(headline, title)}"
        [article] = clean_text(page, line_model=default_line_model())
        assert article.title == title
        assert article.paragraphs[0].startswith("The town library opened")


def test_the_sites_name_on_a_line_of_its_own_is_its_banner_not_the_headline() -> None:
    # The banner's words are all in the page's <title> line, as a headline's would be; the headline
    # line below carries its author and date, so fewer of its words are.
    page = (
        "Late reading room opens — Ada Brennan's Notebook\nHome\nArchives\nSubscribe\n\n"
        "Ada Brennan's Notebook\n\nLate reading room opens by Ada Brennan on 12 June 2025\n\n"
        + LIBRARY_POST.split("Share | Tweet | Email\n\n")[1]
    )
    url = "https://adabrennansnotebook.example/2025/06/late-room"
    [result] = clean_pages([Page(source="p", content_hash="p", format="text", names=("p",), text=page, url=url)])
    assert isinstance(result, list)
    assert result[0].title == "Late reading room opens"
    assert result[0].paragraphs[0].startswith("The town library opened")


@pytest.mark.parametrize(
    ("stamp", "expected_date", "expected_credit"),
    [
        # An agency's name, then the date and the time: the wire's stamp on a station's page.
        ("Associated Press - June 9, 2025 6:48 PM ET", "2025-06-09", "AP"),
        # A name that is no agency's in that form is a commenter's time stamp: it dates nothing.
        ("Maria Lopez - June 9, 2025 6:48 PM ET", None, None),
    ],
)
def test_an_agencys_time_stamp_under_the_headline_dates_and_credits_the_article(
    stamp: str, expected_date: str | None, expected_credit: str | None
) -> None:
    page = LIBRARY_POST.format(post_line=stamp).replace("Thursday, 12 June 2025\n\n", "")
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == "Library opens a late reading room for shift workers"
    assert (article.date.isoformat() if article.date else None, article.credit) == (expected_date, expected_credit)
    assert stamp not in article.paragraphs


def test_a_chinese_pages_headline_is_found_inside_its_title_line() -> None:
    # Written for this test: the <title> line joins headline, section and site with underscores,
    # a menu and a trail of sections follow, then the headline itself and the article.
    page = "\n".join(
        [
            "杭州新建三座跨江大桥_新闻频道_江南日报网",
            "首页",
            "新闻",
            "体育",
            "新闻 > 本地 > 正文",
            "杭州新建三座跨江大桥",
            "2024年5月2日 08:30",
            "杭州市政府周四宣布，将在未来四年内新建三座跨江大桥，总投资约九十亿元。",
            "市建设委员会主任林晓表示，新桥将连接江南新城和城市中心，预计每天通行车辆十五万辆。",
            "专家认为，大桥建成后将明显缓解过江交通拥堵。",
        ]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == "杭州新建三座跨江大桥"
    assert article.date == date(2024, 5, 2)
    assert article.paragraphs[0].startswith("杭州市政府周四宣布")


def test_a_chinese_title_line_alone_gives_its_headline_part() -> None:
    page = "\n".join(
        [
            "杭州新建三座跨江大桥 _新闻频道 _江南日报网",
            "杭州市政府周四宣布，将在未来四年内新建三座跨江大桥，总投资约九十亿元。",
            "市建设委员会主任林晓表示，新桥将连接江南新城和城市中心，预计每天通行车辆十五万辆。",
        ]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == "杭州新建三座跨江大桥"


def test_a_few_words_kept_by_the_model_where_the_rules_keep_a_page_is_a_missed_article() -> None:
    paragraph = (
        "The island ferry will stop for sixteen weeks from the start of May while its old landing ramp "
        "is taken down and rebuilt, the operator said on Tuesday."
    )
    article = CleanedText(paragraphs=[paragraph] * 20)
    leftover = CleanedText(paragraphs=["About the author and how to contact her."])
    brief = CleanedText(paragraphs=["Police closed the coast road after a landslide on Sunday night."])
    assert not _holds_the_article([leftover], [article])
    assert not _holds_the_article([], [article])
    # A short text the rules do not find longer is the page's article, however short.
    assert _holds_the_article([brief], [brief])
    assert _holds_the_article([article], [article])
    # Many words of menus and headline lists are no article the model missed.
    template = CleanedText(paragraphs=["Archives", "Categories", "Ferry timetable changes for the summer"] * 40)
    assert _holds_the_article([leftover], [template])


def test_chinese_and_japanese_furniture_and_an_editors_credit_leave_the_body() -> None:
    page = "\n".join(
        [
            "杭州新建三座跨江大桥",
            "分享到：",
            "杭州市政府周四宣布，将在未来四年内新建三座跨江大桥，总投资约九十亿元。",
            "市建设委员会主任林晓表示，新桥将连接江南新城和城市中心，预计每天通行车辆十五万辆。",
            "专家认为，大桥建成后将明显缓解过江交通拥堵。",
            "[责任编辑：林晓]",
            "点击查看更多新闻",
            "関連記事",
            "返回首页",
        ]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs == [
        "杭州市政府周四宣布，将在未来四年内新建三座跨江大桥，总投资约九十亿元。",
        "市建设委员会主任林晓表示，新桥将连接江南新城和城市中心，预计每天通行车辆十五万辆。",
        "专家认为，大桥建成后将明显缓解过江交通拥堵。",
    ]
    reasons = {removed.line: removed.reason for removed in article.removed}
    assert reasons["[责任编辑：林晓]"] == "editor credit"
    assert reasons["点击查看更多新闻"] == reasons["分享到："] == "site furniture (related links, sharing)"


# A short report of the writer's own, for the tests of the steps after the model.
FERRY_REPORT = (
    "Ferries between the two islands ran again on Monday after three days in port, the operator said, and the "
    "first boat left the harbour at seven in the morning with forty passengers on board.",
    "The operator said extra sailings would run on Tuesday and Wednesday for travellers who had been stranded, "
    "and that tickets bought for the cancelled crossings would be honoured.",
)


def test_an_epa_caption_is_a_caption_and_no_part_of_the_headline() -> None:
    caption = "epa01234567 Ferries leave the harbour of Port Wenlow, Calderland, 3 March 2025. EPA-EFE/ADA BRENNAN"
    text = f"Harbour ferries return after the storm\n\n{caption}\n\n" + "\n\n".join(FERRY_REPORT)
    [article] = clean_text(text, line_model=default_line_model())
    assert article.title == "Harbour ferries return after the storm"
    assert article.captions == [caption]
    assert all("EPA-EFE" not in paragraph for paragraph in article.paragraphs)


@pytest.mark.parametrize("with_model", [False, True])
def test_a_dated_caption_over_a_photo_credit_is_a_caption_that_dates_the_article(with_model: bool) -> None:
    # A wire photo's caption over its credit, under the standfirst: the only date on the page.
    standfirst = "Three days of storms kept every ferry in port, and the islands ran short of bread and fuel."
    caption = "Passengers board the first ferry to leave Port Wenlow, Calderland, on March 3, 2025."
    text = "\n\n".join(
        ["Harbour ferries return after the storm", standfirst, caption, "Photo: Ada Brennan", *FERRY_REPORT]
    )
    [article] = clean_text(text, line_model=default_line_model() if with_model else None)
    assert article.captions == [caption]
    assert caption not in article.paragraphs
    assert (article.date.isoformat() if article.date else None, article.date_source) == ("2025-03-03", "caption")
    assert article.paragraphs[-len(FERRY_REPORT) :] == list(FERRY_REPORT)


def test_a_paragraph_over_a_photo_credit_without_a_date_stays_text() -> None:
    # A post's first paragraph over the credit of the photo after it is no caption.
    first = "We spent the whole weekend on the water, and the harbour has never looked so busy in March."
    text = "\n\n".join(["Harbour ferries return after the storm", first, "photo: Ada Brennan", *FERRY_REPORT])
    [article] = clean_text(text, line_model=default_line_model())
    assert article.paragraphs[0] == first
    assert article.captions == []


def test_print_mail_and_report_tools_go_and_the_article_goes_on_after_them() -> None:
    text = "\n\n".join(
        [
            "Harbour ferries return after the storm",
            FERRY_REPORT[0],
            "Printable version | Send it to a friend | Clip",
            FERRY_REPORT[1],
            "Harbour master Colm Reddy said the storm had been the worst in a decade, with waves of nine metres "
            "recorded at the outer buoy on Friday night.",
            "Have your say",
            "[Offensive? Unsuitable? Report this comment. ]",
        ]
    )
    [article] = clean_text(text, line_model=default_line_model())
    assert [paragraph.split()[0] for paragraph in article.paragraphs] == ["Ferries", "The", "Harbour"]
    reasons = {removed.line: removed.reason for removed in article.removed}
    assert reasons["Printable version | Send it to a friend | Clip"] == "print, mail, report or forum widget"


def test_a_thread_the_page_splits_into_parts_after_its_comments_heading_is_no_body() -> None:
    article = [
        FERRY_REPORT[0],
        FERRY_REPORT[1],
        "Comments",
    ]
    thread = [
        "by harbourfan on Mar 3, 2025 10:40 AM EST reply actions 4 recs",
        "Good to see the boats back, the last three days were a nightmare for everyone who works on the islands.",
        "by kestrel on Mar 3, 2025 11:02 AM EST up reply actions",
        "They should have kept the old ferry in service for days like these instead of selling it to Norway.",
    ]
    other = [
        "Town library opens a rooftop garden",
        "The Glenhallow public library opened a rooftop reading garden on Saturday, two years after its glass "
        "roof was damaged in a storm, and more than a thousand visitors came in the first four hours.",
    ]
    lines = build_lines([*article, *thread, *other])
    segments = [(0, 3), (3, 7), (7, 9)]
    kept = _end_at_closing_line(lines, segments, np.ones(len(lines), dtype=bool))
    # The article's prose stays; the thread's part goes after the heading; a part with no comment's
    # stamp in it is not taken for the thread.
    # (the heading itself is the rules' to remove).
    assert kept[:2].all() and not kept[3:7].any() and kept[7:].all()
    # Without the heading, a part is read on its own as before.
    lines = build_lines([*article[:2], *thread])
    assert _end_at_closing_line(lines, [(0, 2), (2, 6)], np.ones(len(lines), dtype=bool))[:2].all()


def test_a_thread_whose_comments_carry_report_widgets_and_no_dated_stamps_is_no_body_after_its_heading() -> None:
    # Times without a year ("March 3 10:40") are no stamp: the widget under each comment shows the thread.
    thread = [
        "harbourfan",
        "March 3 10:40",
        "Good to see the boats back, the last three days were a nightmare for everyone who works on the islands.",
        "[Offensive? Unsuitable? Report this comment. ]",
        "kestrel",
        "March 3 11:02",
        "They should have kept the old ferry in service for days like these instead of selling it to Norway.",
        "Reply",
    ]
    lines = build_lines([FERRY_REPORT[0], FERRY_REPORT[1], "Comments", *thread])
    kept = _end_at_closing_line(lines, [(0, 3), (3, len(lines))], np.ones(len(lines), dtype=bool))
    assert kept[:2].all() and not kept[3:].any()


def test_a_long_list_of_names_is_no_body_whatever_the_model_says_and_a_box_score_is() -> None:
    papers = " - ".join(
        f"{town} {name}"
        for town in ("Wenlow", "Ashby", "Fenlow", "Glenhallow", "Kettle Moor", "Dunmore", "Holm", "Merrow")
        for name in ("Gazette", "Courier", "Post")
    )
    box_score = "; ".join(
        f"{name} {made}-{tried} {free}-{free} {points}"
        for name, made, tried, free, points in (
            ("Brennan, Ada", 11, 17, 0, 22),
            ("Reyes, Tomas", 4, 6, 2, 10),
            ("Crane, Hattie", 4, 9, 0, 8),
            ("Berg, Tomas", 2, 5, 1, 5),
            ("Reddy, Colm", 3, 8, 4, 10),
            ("Ruiz, Ana", 6, 6, 1, 13),
        )
    )
    text = "\n\n".join(
        [
            "Harbour ferries return after the storm",
            FERRY_REPORT[0],
            box_score,
            FERRY_REPORT[1],
            f"Newspapers - {papers}",
        ]
    )
    [article] = clean_text(text, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert box_score in article.paragraphs
    assert (f"Newspapers - {papers}", "list of names or topics (no sentence)") in [
        (removed.line, removed.reason) for removed in article.removed
    ]
    assert article.paragraphs[-1] == FERRY_REPORT[1]


def test_a_table_the_model_keeps_half_of_or_the_text_announces_is_kept_whole_and_others_are_not() -> None:
    dates = [
        f"{month} {day} -- Harbour Hall, Port Wenlow"
        for month, day in (("May", 3), ("May", 9), ("June", 2), ("June", 14), ("July", 1), ("Aug.", 20))
    ]
    lines = build_lines(
        ["The choir announced its summer tour dates on Monday:", *dates, "Tickets go on sale on Friday."]
    )
    is_body = np.array([True, True, False, True, False, True, True, True])
    assert _complete_runs_of_rows(lines, is_body).all()
    # Fewer than half of the rows kept, under no line of the text: a list the model rightly left (a
    # schedule in a sidebar).
    sparse = np.array([False, True, False, False, False, False, True, True])
    assert (_complete_runs_of_rows(lines, sparse) == sparse).all()
    # The text announces them ("... tour dates on Monday:"): the table is the article's, however few
    # of its rows the model kept.
    announced = np.array([True, False, False, False, False, True, False, True])
    assert _complete_runs_of_rows(lines, announced).all()
    headline = build_lines(["The choir's summer tour dates", *dates, "Tickets go on sale on Friday."])
    assert (_complete_runs_of_rows(headline, announced) == announced).all()
    # A heading a rule names ("Related:") announces a box of the site's links, not the article's table.
    related = build_lines(["Related:", *dates, "Tickets go on sale on Friday."])
    assert (_complete_runs_of_rows(related, announced) == announced).all()
    # Lines with a figure further on, not at their start, are prose or teasers, not a table's rows.
    teasers = build_lines([f"Council spends {amount} million on the harbour" for amount in (2, 3, 4, 5, 6, 7)])
    half = np.array([True, False, True, False, True, False])
    assert (_complete_runs_of_rows(teasers, half) == half).all()


def test_other_posts_excerpts_after_the_article_are_no_body_and_a_writers_trailing_off_is() -> None:
    article = [
        "The harbour authority of Port Wenlow will close the old north pier for eight months from March, after "
        "divers found cracks in four of its concrete piles during a routine inspection of the harbour.",
        "Ferries to the islands will move to the south quay, where a temporary waiting room is being built.",
    ]
    # Two other posts, each cut after the same number of words (32), as a blog's list of them is.
    excerpt = (
        "The council of Marrowby voted on Tuesday to build a flood barrier along the river, three weeks after "
        "the water rose to a record level and flooded more than three hundred homes in the old town"
    )
    other = (
        "Librarians in Glenhallow opened a reading garden on the roof of the old tram depot, two years after a "
        "storm broke its glass roof, and more than a thousand visitors came on the first"
    )
    lines = build_lines([*article, f"{excerpt} …", "Read more", f"{other} …"])
    kept = _end_at_closing_line(lines, [(0, len(lines))], np.ones(len(lines), dtype=bool))
    assert kept[:2].all() and not kept[2:].any()
    # A writer's paragraphs that trail off differ in length: they stay.
    essay = [
        article[0],
        "We waited on the quay for an hour, then another, and still the boat did not come, and the gulls went "
        "on crying over the water as if they knew something that the rest of us did not…",
        "Nobody said anything about the cracks, or the piles, or the money it would cost to mend them, and the "
        "old men on the bench just looked at the water and shook their heads, as old men on benches do, "
        "and went back to their papers…",
    ]
    lines = build_lines(essay)
    assert _end_at_closing_line(lines, [(0, len(lines))], np.ones(len(lines), dtype=bool)).all()


def test_releases_of_one_company_are_dated_by_their_datelines_and_lose_their_boilerplate() -> None:
    about = "\n\n".join(
        [
            "About Orvale Labs",
            "Orvale Labs makes laboratory automation systems for hospitals and universities. Founded in 1998 "
            "and based in Denver, it employs 2,400 people in 31 countries.",
            "Media contact:",
            "Dana Whitlock, press@orvalelabs.example",
        ]
    )
    release = (
        "Orvale Labs opens new plant in Ireland\n\nDENVER, March 3, 2025 /PRNewswire/ -- Orvale Labs today "
        "announced the opening of a new manufacturing plant in Galway, Ireland, which will employ 350 people by "
        "the end of next year.\n\nThe plant will build the company's sample sorting robots for customers in "
        f"Europe, cutting delivery times by about six weeks.\n\n{about}"
    )
    [article] = clean_text(release, line_model=default_line_model())
    assert (str(article.date), article.date_source, article.credit) == ("2025-03-03", "dateline", "PRNewswire")
    assert article.paragraphs[-1].endswith("six weeks.")
    assert {removed.line for removed in article.removed} >= {"About Orvale Labs", "Media contact:"}
    # The same heading in an article no release wire carries is the article's.
    [story] = clean_text(release.replace(" /PRNewswire/ --", " —"), line_model=default_line_model())
    assert "About Orvale Labs" in story.paragraphs


def test_a_page_opening_with_its_headline_keeps_it_over_the_longer_deck_under_it() -> None:
    paragraphs = [
        "The regional council approved a new budget of 42 million euros on Tuesday after a debate that lasted "
        "most of the afternoon, and the opposition walked out before the final vote.",
        "Officials said the first payments would be made in January, and that a review would follow in the "
        "spring of next year.",
    ]
    headline = "Council passes budget after long debate"
    deck = "Opposition says school maintenance will suffer as the savings begin to bite next year"
    [article] = clean_text("\n\n".join([headline, deck, *paragraphs]), line_model=default_line_model())
    assert article.title == headline
    # A first line that is the page's <title>, the headline's words and the site's, gives way to the headline.
    titled = "\n\n".join([f"{headline} | The Westmere Gazette", headline, *paragraphs])
    [article] = clean_text(titled, line_model=default_line_model())
    assert article.title == headline
    # A press release's headline in title case holds no function word; its deck is a sentence.
    release_headline = "Westmere Council Approves 2026 Budget Plan"
    deck = "Spending on roads rises 12% while school maintenance is held flat"
    [article] = clean_text("\n\n".join([release_headline, deck, *paragraphs]), line_model=default_line_model())
    assert article.title == release_headline


@pytest.mark.parametrize(
    ("header", "byline"),
    [
        # A scraper's labelled header lines.
        (
            "Title: Harbour ferries return after the storm\nAuthors: Ada Brennan, Tomas Berg\n"
            "Publish date: 2025-03-03 00:00:00",
            "Ada Brennan, Tomas Berg",
        ),
        # Markdown, as scrapers that save pages for language models write it.
        (
            "# Harbour ferries return after the storm\n\n*By Ada Brennan and Tomas Berg*\n\n**March 3, 2025**",
            "Ada Brennan and Tomas Berg",
        ),
        (
            "# Harbour ferries return after the storm\n\nBy [Ada Brennan](https://example.org/ada) | March 3, 2025",
            "Ada Brennan",
        ),
    ],
)
def test_labelled_and_markdown_headers_give_the_title_byline_and_date(header: str, byline: str) -> None:
    body = "\n\n".join(FERRY_REPORT)
    if header.startswith("#"):
        # A page in Markdown has links: its marks are read only where it plainly is one.
        body = body.replace("the harbour", "the [harbour](https://example.org/harbour)").replace(
            "extra sailings", "**extra sailings** ([timetable](https://example.org/timetable))"
        )
    [article] = clean_text(f"{header}\n\n{body}", line_model=default_line_model())
    assert article.title == "Harbour ferries return after the storm"
    assert article.byline == byline
    assert str(article.date) == "2025-03-03"
    assert "left the harbour at seven" in article.paragraphs[0] and "extra sailings" in article.paragraphs[1]
    assert "](" not in " ".join(article.paragraphs) and "**" not in " ".join(article.paragraphs)


def test_a_page_a_markdown_reader_saved_gives_its_fields_and_loses_its_link_lines() -> None:
    page = "\n\n".join(
        [
            "Title: Harbour ferries return after the storm | The Westmere Gazette",
            "URL Source: https://example.org/news/ferries",
            "Published Time: 2025-03-03T09:30:00+00:00",
            "Markdown Content:",
            "*   [News](https://example.org/news)\n*   [Sport](https://example.org/sport)",
            "# Harbour ferries return after the storm",
            "By [Ada Brennan](https://example.org/authors/ada)",
            FERRY_REPORT[0],
            "![Image 1: A ferry leaves the harbour](https://example.org/ferry.jpg)",
            FERRY_REPORT[1],
            "[Facebook](https://facebook.com/sharer) [X](https://x.com/intent)",
            "*   [Council backs flood barrier](https://example.org/news/barrier)",
        ]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert (article.title, article.byline, str(article.date)) == (
        "Harbour ferries return after the storm",
        "Ada Brennan",
        "2025-03-03",
    )
    assert [paragraph.split()[0] for paragraph in article.paragraphs] == ["Ferries", "The"]
    [teaser] = [removed for removed in article.removed if "Council backs flood barrier" in removed.line]
    assert teaser.reason.startswith("links alone")


def test_on_an_extract_a_layout_tables_rows_are_held_to_a_whole_pages_threshold() -> None:
    # trafilatura writes the rows of the tables old sites are laid out in as "| cell | cell |" lines.
    lines = build_lines(
        [
            "| Home | | News | | Sport | | Weather |",
            "The council agreed on Tuesday to reopen the swimming baths after a two-year closure.",
            "| 2008 | 14 | 3 |",
        ]
    )
    probabilities = np.array([0.2, 0.3, 0.5])
    extract = SimpleNamespace(
        lines=lines, page=SimpleNamespace(body_threshold=EXTRACTED_BODY_THRESHOLD, layout_lines=frozenset())
    )
    assert _kept_by_model(extract, probabilities).tolist() == [False, True, True]
    # A whole page is read with the one threshold, rows or not.
    page = SimpleNamespace(lines=lines, page=SimpleNamespace(body_threshold=BODY_THRESHOLD, layout_lines=frozenset()))
    assert _kept_by_model(page, probabilities).tolist() == [False, False, True]
    # A line that was a cell of such a row is held to it too.
    cells = SimpleNamespace(
        lines=lines,
        page=SimpleNamespace(body_threshold=EXTRACTED_BODY_THRESHOLD, layout_lines=frozenset([lines[1].key])),
    )
    assert _kept_by_model(cells, probabilities).tolist() == [False, False, True]


def test_a_video_posts_headline_opening_with_watch_stays_its_title() -> None:
    headline = "Watch: the harbour master on the new pier"
    page = f"{headline} | Island Times\n\n{headline}\n\n" + "\n\n".join(HARBOUR_REPORT[:3])
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == headline
    assert article.paragraphs == HARBOUR_REPORT[:3]


def test_credits_that_html_extraction_leaves_in_the_text_go_to_their_fields() -> None:
    model = default_line_model()
    body = (
        "The port authority said on Tuesday that harbour dues for fishing boats will rise by a tenth from April.\n\n"
        "Skippers said the rise would hit smaller crews hardest, as fuel prices have already climbed this year.\n\n"
    )
    # A dateline behind a stamp and the headline, as an extraction joins a header's pieces.
    page = "Harbour dues to rise\n\nHarbour dues to rise 2026-01-12 11:31 HOLMSTAD, Norland (AP) - " + body
    [article] = clean_text(page, line_model=model)
    assert (article.dateline, article.credit) == ("HOLMSTAD, Norland", "AP")
    assert article.paragraphs[0].startswith("The port authority said")
    assert ("Harbour dues to rise 2026-01-12 11:31", "header before the wire dateline") in [
        (removed.line, removed.reason) for removed in article.removed
    ]
    # A sentence before the dateline stays text, a paragraph of its own.
    note = "This is the first part of the harbour board's report on the new dues."
    [article] = clean_text(f"Harbour dues to rise\n\n{note} HOLMSTAD (Reuters) - {body}", line_model=model)
    assert (article.credit, article.paragraphs[0]) == ("Reuters", note)
    assert article.paragraphs[1].startswith("The port authority said")
    # A sign-off ending the text.
    [article] = clean_text(f"Harbour dues to rise\n\n{body}Skippers will meet on Friday. - AAP\n", line_model=model)
    assert (article.credit, article.paragraphs[-1]) == ("AAP", "Skippers will meet on Friday.")


def test_an_editors_credit_ending_the_text_is_no_text() -> None:
    body = (
        "The port authority said on Tuesday that harbour dues for fishing boats will rise by a tenth from April.\n\n"
        "Skippers said the rise would hit smaller crews hardest, as fuel prices have already climbed this year.\n\n"
    )
    [article] = clean_text(f"Harbour dues to rise\n\n{body}| Editor: Lin Hao |\n", line_model=default_line_model())
    assert article.paragraphs[-1].startswith("Skippers said")
    assert ("| Editor: Lin Hao |", "editor credit") in [(removed.line, removed.reason) for removed in article.removed]
    # A sentence that opens so is text.
    closing = "Editor: the harbour board will publish the new dues in March."
    [article] = clean_text(f"Harbour dues to rise\n\n{body}{closing}\n", line_model=default_line_model())
    assert article.paragraphs[-1] == closing


def _w3m_page(headline: str) -> str:
    """A page as `w3m -dump` saves it: no <title> line, menus in bullets, the masthead said twice."""
    menu = ["  • Home", "  • News", "    □ Local", "    □ World", "  • Sport", "    □ Football", "  • Weather"]
    return "\n".join(
        [
            "The Westmere Gazette",
            *menu,
            "Search [                    ]",
            "Most read",
            "  • Council approves new cycle lanes",
            "  • Tributes paid to former harbour master",
            "The Westmere Gazette",
            "",
            headline,
            "By Ada Brennan",
            "3 March 2025",
            "",
            *FERRY_REPORT,
            "",
            "  • Share on Facebook",
            "  • Share by email",
        ]
    )


def test_a_text_browsers_dump_takes_the_headline_over_its_body_not_the_masthead() -> None:
    headline = "Harbour ferries return to the islands after the storm"
    [article] = clean_text(_w3m_page(headline), line_model=default_line_model())
    assert article.title == headline
    assert article.paragraphs[:2] == list(FERRY_REPORT)


def test_lynxs_list_of_feeds_over_the_page_is_no_title() -> None:
    head = "   #[1]Westmere Gazette » Feed [2]Westmere Gazette » Comments Feed [3]Council approves new"
    page = "\n".join([head, "   cycle lanes Comments Feed", "", _w3m_page("Harbour ferries return after the storm")])
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == "Harbour ferries return after the storm"
    [removed] = [
        line for line in article.removed if line.reason.startswith("a text browser's list of the page's feeds")
    ]
    assert removed.line.startswith("#[1]Westmere Gazette » Feed") and removed.line.endswith("cycle lanes Comments Feed")


def test_a_headline_led_by_a_tag_in_brackets_is_still_a_headline() -> None:
    headline = "[VIDEO] Harbour ferries return to the islands after the storm"
    page = "\n".join([headline + " | Westmere Gazette", "Home | News | Sport", headline, *FERRY_REPORT])
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == headline


def test_a_markdown_pages_one_top_heading_is_its_title() -> None:
    # As html2text writes a page: its masthead twice, menus of links, teasers' headings of a lower
    # level, the <h1>.
    headline = "Harbour ferries return to the islands after the storm"
    page = "\n\n".join(
        [
            "The Westmere Evening Gazette",
            "* [Home](/)\n* [News](/news)\n* [Sport](/sport)",
            "## [Council approves new cycle lanes](/news/cycle-lanes)",
            "## Most read",
            "The Westmere Evening Gazette",
            f"# {headline}",
            "By [Ada Brennan](/authors/ada)",
            *FERRY_REPORT,
            "## [Tributes paid to former harbour master](/news/tributes)",
        ]
    )
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == headline
    assert article.paragraphs[:2] == list(FERRY_REPORT)


# A report of its own sentences, long enough to be an article (over a hundred words of prose).
_REPORT = [
    "Harbour Lines",
    "Ferry crews in Holm agree a new rota after two weeks of talks",
    "Ferry crews on the Holm crossing have agreed a new rota with the operator after two weeks of talks "
    "that kept the morning sailings in doubt for commuters from the island.",
    "The union said the agreement gives each crew two fixed rest days a week and ends the split shifts "
    "that members had complained about since the spring timetable began in March.",
    "The operator said the first sailing would leave at six as before, and that it would publish the "
    "winter timetable on its website by the end of the month after a meeting with the council.",
    "Passengers who bought season tickets for the autumn will be offered a refund of one week's fare.",
]
_OTHER_HEADLINES = [
    "Library to open on Sundays from next month",
    "Mill owners fined over river spill",
    "Town band wins regional contest",
    "New bus shelters for the old market",
    "School roof repairs run over budget",
]


def _teaser_page(tail: list[str]) -> list[str]:
    return [*_REPORT, "More from the coast", *tail]


def _teasers_of(raw_lines: list[str]) -> list[str]:
    lines = build_lines(raw_lines)
    found = teaser_lists(lines, [(0, len(lines))], np.ones(len(lines), dtype=bool))
    return [line.text for line, teaser in zip(lines, found, strict=True) if teaser]


def test_other_stories_headlines_kept_after_the_article_are_a_teaser_list() -> None:
    assert _teasers_of(_teaser_page(_OTHER_HEADLINES)) == _OTHER_HEADLINES
    # With a one-sentence blurb under each.
    blurbs = [f"A short sentence about story number {number} on the coast." for number in range(4)]
    paired = [line for pair in zip(_OTHER_HEADLINES, blurbs, strict=False) for line in pair]
    assert _teasers_of(_teaser_page(paired)) == paired
    # Three headlines with their blurbs are enough, and a heading under them goes with them; a short
    # line above them (the author's name) stays the article's.
    three = [*paired[:6], "Partner news"]
    assert _teasers_of([*_REPORT, "Ana Ruiz", *three]) == three


def test_a_few_short_lines_a_table_or_a_round_up_post_are_no_teaser_list() -> None:
    # Three headlines are too few to tell from a credit, a copyright line and a sign-off.
    assert _teasers_of(_teaser_page(_OTHER_HEADLINES[:3])) == []
    # A tour's dates and a list of one form ("Team (Group A): 10th appearance") are the article's table.
    dates = [f"June {day} -- Harbour Arena, Holm" for day in (3, 5, 8, 12, 14)]
    assert _teasers_of(_teaser_page(dates)) == []
    groups = [
        f"{team} (Group {group}): {count} appearance"
        for team, group, count in [
            ("Holm", "A", "10th"),
            ("Velden", "B", "Third"),
            ("Lenning", "C", "Sixth"),
            ("Brask", "D", "Ninth"),
        ]
    ]
    assert _teasers_of(_teaser_page(groups)) == []
    # Briefs of the page's news under their headlines, each opening with a wire dateline.
    briefs = [
        line
        for number, headline in enumerate(_OTHER_HEADLINES[:4])
        for line in (headline, f"VELDEN — A short report number {number} on the day's council business.")
    ]
    assert _teasers_of(_teaser_page(briefs)) == []
    # A post that is a list of links, under a short introduction of its own.
    round_up = [
        "This week on the network",
        "You missed a busy week on our blogs, so here is what we wrote.",
        *_OTHER_HEADLINES,
    ]
    assert _teasers_of(round_up) == []


def test_blurbs_whose_headlines_the_model_left_out_are_a_teaser_list() -> None:
    # The model kept each teaser's one-sentence blurb but not its headline above it; a blurb may name a
    # company ("Holm Ferries Inc. Chief Executive") without ending a sentence there.
    blurbs = [
        "Holm Ferries Inc. Chief Executive Ana Ruiz said the new boats would arrive in the spring.",
        "The library will open on Sundays from next month, the council said on Tuesday.",
        "Two mill owners were fined for a spill that turned the river white for a day.",
    ]
    tail = [line for pair in zip(_OTHER_HEADLINES, blurbs, strict=False) for line in pair]
    raw_lines = _teaser_page(tail)
    lines = build_lines(raw_lines)
    kept = np.array([line not in _OTHER_HEADLINES for line in raw_lines])
    found = teaser_lists(lines, [(0, len(lines))], kept)
    assert [line.text for line, teaser in zip(lines, found, strict=True) if teaser] == blurbs
    # Two are too few; and an article's own short paragraphs under its dropped subheadings stay.
    two = _teaser_page(tail[:4])
    two_lines = build_lines(two)
    two_kept = np.array([line not in _OTHER_HEADLINES for line in two])
    assert not teaser_lists(two_lines, [(0, len(two_lines))], two_kept).any()


def test_teasers_in_a_part_of_their_own_under_the_article_are_a_teaser_list() -> None:
    # The page's reading cut the teasers off into a part below the article: the article's prose is in
    # the part above, and none in theirs.
    blurbs = [f"A short sentence about story number {number} on the coast." for number in range(4)]
    paired = [line for pair in zip(_OTHER_HEADLINES, blurbs, strict=False) for line in pair]
    lines = build_lines([*_REPORT, *paired])
    found = teaser_lists(lines, [(0, len(_REPORT)), (len(_REPORT), len(lines))], np.ones(len(lines), dtype=bool))
    assert [line.text for line, teaser in zip(lines, found, strict=True) if teaser] == paired
    # Without the article above, such a part is no one's teasers.
    alone = build_lines(paired)
    assert not teaser_lists(alone, [(0, len(alone))], np.ones(len(alone), dtype=bool)).any()


def test_other_articles_headlines_each_with_its_date_are_a_teaser_list_whatever_their_form() -> None:
    days = ["Monday March 10 2025", "Sunday March 9 2025", "Saturday March 8 2025", "Friday March 7 2025"]
    dated = [f"{headline} ({day})" for headline, day in zip(_OTHER_HEADLINES, days, strict=False)]
    assert _teasers_of(_teaser_page(dated)) == dated


def test_a_teaser_list_the_model_keeps_goes_to_the_removed_lines_with_its_reason() -> None:
    # Without a heading over it (a heading alone, "More from the coast", ends the article itself).
    page = "\n\n".join([*_REPORT, *_OTHER_HEADLINES])
    [article] = clean_text(page, line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[-1] == _REPORT[-1]
    assert {line.line: line.reason for line in article.removed if line.line in _OTHER_HEADLINES} == dict.fromkeys(
        _OTHER_HEADLINES, TEASER_LIST_REASON
    )
    assert not set(_OTHER_HEADLINES) & set(article.captions)
    [article] = clean_text("\n\n".join(_teaser_page(_OTHER_HEADLINES)), line_model=_KeepEverything())  # type: ignore[arg-type]
    assert article.paragraphs[-1] == _REPORT[-1]
    assert set(_OTHER_HEADLINES) <= {line.line for line in article.removed}


def test_a_gallery_of_photographs_has_its_captions_for_text() -> None:
    caption = (
        "A diver checks the hull of the ferry Holm Star in the harbour on Monday, March 3, 2025, before the "
        "inspectors board her. (Photo: Lakeside Courier)"
    )
    menu = ["Lakeside Courier | Photos", "Home", "News", "Sport", "Business", "Weather", "Opinion", "Video"]
    footer = ["Share", "Tweet", "More galleries", "Copyright 2025 Lakeside Courier. All rights reserved.", "Contact us"]
    page = "\n".join([*menu, "", "Ferry inspection in pictures", "", caption, "", *footer])
    for model in (default_line_model(), None):
        [article] = clean_text(page, line_model=model)
        assert article.paragraphs == [caption] and article.captions == []
        assert article.metadata[TEXT_FROM] == "captions"
        assert "Sport" not in article.paragraphs and "Sport" in {line.line for line in article.removed}
    # Beside an article, a caption stays a caption; without a caption's form, a line said twice is no photograph's.
    [report] = clean_text(f"{page}\n\n{FERRY_BODY}", line_model=default_line_model())
    assert caption in report.captions and caption not in report.paragraphs and TEXT_FROM not in report.metadata
    teaser = "Readers pick their favourite ferry photographs of the summer season on the lake"
    [other] = clean_text(page.replace(caption, f"{teaser}\n{teaser}"), line_model=None)
    assert TEXT_FROM not in other.metadata


class _KeepSentences:
    """A line model that calls article text only the lines ending as sentences do."""

    def batch_body_probabilities(self, pages: list[PageToScore]) -> list[np.ndarray]:
        return [
            np.array([text.rstrip().endswith((".", "!", "?")) for text in page.texts], dtype=float) for page in pages
        ]


_CALENDAR = [
    "1st round: 8 March - Holm Arena",
    "2nd round: 22 March - Velden Park",
    "3rd round: 5 April - Lenning Ring",
    "4th round: 19 April - Brask Circuit",
    "5th round: 3 May - Holm Arena",
    "6th round: 17 May - Kestrel Bay",
]
_SIDEBAR = [
    "Read our columnist's view of the new season and tell us what you think of the changes to the rules.",
    "Click the picture above to see how the riders stand in the ranking after the first races of the year.",
]


def _calendar_page(under_headline: list[str]) -> str:
    return "\n".join(
        [
            "Lakeside Cup calendar 2025 | Lakeside Racing | News | Results",
            "Home",
            "News",
            "Results",
            "Lakeside Cup calendar 2025",
            "Monday, 13 January 2025",
            *under_headline,
            "Share this",
            *_SIDEBAR,
            "Copyright 2025 Lakeside Racing",
        ]
    )


def test_a_table_under_the_headline_with_no_prose_above_it_is_the_article() -> None:
    # A race calendar: rows of one form right under the page's headline, and no sentence; the model
    # kept only a sidebar's prose further down.
    [article] = clean_text(_calendar_page(_CALENDAR), line_model=_KeepSentences())  # type: ignore[arg-type]
    assert article.paragraphs[: len(_CALENDAR)] == _CALENDAR
    assert article.title == "Lakeside Cup calendar 2025"
    # Rows of figures alone (a calendar widget's days) are no article, nor is a table far below the
    # headline, after other lines.
    days = ["1 2 3 4 5 6 7", "8 9 10 11 12 13 14", "15 16 17 18 19 20 21", "22 23 24 25 26 27 28", "29 30 31"]
    [widget] = clean_text(_calendar_page(days), line_model=_KeepSentences())  # type: ignore[arg-type]
    assert not set(days) & set(widget.paragraphs)
    far = ["Season", "Riders", "Teams", "Tickets", "Shop", "Gallery", *_CALENDAR]
    [below] = clean_text(_calendar_page(far), line_model=_KeepSentences())  # type: ignore[arg-type]
    assert not set(_CALENDAR) & set(below.paragraphs)


@pytest.mark.parametrize(
    "caption",
    [
        "FILE - In this Jan. 15, 2019, file photo, lorries queue at the closed bridge in Tarnvale.",
        "In this photo provided by the Tarnvale council, engineers inspect a cracked arch of the bridge.",
        "FILE PHOTO: Lorries queue at the closed bridge in Tarnvale.",
        # A caption that ends with its photograph's credit, as newspapers print it.
        "Lorries queue at the closed bridge on Tuesday. Photograph: Ines Moreau/Tarnvale Times",
        "Lorries queue at the closed bridge on Tuesday. [Ines Moreau/Valley Wire]",
        "Lorries queue at the closed bridge on Tuesday. Credit: Ines Moreau for The Tarnvale Times",
    ],
)
def test_an_agencys_photo_caption_among_the_paragraphs_is_a_caption(caption: str) -> None:
    body = [
        "The Tarnvale council approved a plan to rebuild the old stone bridge over the river, ending years of "
        "argument between the town and the county.",
        "The bridge, built in 1881, has been closed to lorries since a survey found cracks in two of its arches "
        "last winter, and traffic has been sent through the town centre since.",
        "Work is due to start in the spring and to take about nine months, the council said on Tuesday.",
    ]
    page = "\n".join(["Council backs bridge plan", body[0], caption, *body[1:]])
    [article] = clean_text(page, line_model=default_line_model())
    assert caption in article.captions and caption not in article.paragraphs
    assert article.paragraphs == body


def test_a_blogs_sentence_about_its_photo_is_text() -> None:
    sentence = "In this photo, you can still see a few bits of glue on the ribbon, which dries clear overnight."
    steps = [
        "Cut the ribbon into lengths of about forty centimetres and lay them out on the table in pairs.",
        sentence,
        "Tie each pair to the balloon's string, leaving a little space between the knots so they hang freely.",
    ]
    [article] = clean_text("\n".join(["How to make a ribbon balloon", *steps]), line_model=default_line_model())
    assert sentence in article.paragraphs


def test_the_part_of_the_title_line_that_names_the_lede_is_the_headline() -> None:
    body = [
        "The Tarnvale council approved a plan on Tuesday to rebuild the old stone bridge over the river, ending "
        "years of argument between the town and the county.",
        "Work is due to start in the spring and to take about nine months, the council said.",
    ]
    # The site's motto is the longest part of the <title> line and names nothing of the lede.
    motto = "Council backs bridge plan – Tarnvale Times – Stories from our hills and farms"
    [article] = clean_text("\n".join([motto, *body]), line_model=default_line_model())
    assert article.title == "Council backs bridge plan"


def test_a_title_naming_the_lede_or_the_sites_name_stays_as_chosen() -> None:
    lede = ["The Curious Tarn shares pictures of old bridges every week; here are five from the valley's north."]
    line = "Five old bridges – The Curious Tarn – Pictures of the valley"
    # The title names the lede's bridges: it stays.
    assert _part_naming_the_lede("Five old bridges", line, lede, ()) == "Five old bridges"
    # A post's text that names its blog does not make the blog's name its headline.
    names = site_names(None, "https://thecurioustarn.example/?p=1")
    assert _part_naming_the_lede("Pictures of the valley", line, ["The Curious Tarn today: snow."], names) == (
        "Pictures of the valley"
    )


def test_a_players_button_opening_the_text_is_no_title() -> None:
    body = [
        "The Tarnvale council approved a plan on Tuesday to rebuild the old stone bridge over the river, ending "
        "years of argument between the town and the county.",
        "Work is due to start in the spring and to take about nine months, the council said.",
    ]
    page = "\n".join(["Listen to this article", "Council backs bridge plan", *body])
    [article] = clean_text(page, line_model=default_line_model())
    assert article.title == "Council backs bridge plan"


def test_a_newsletter_posts_author_its_sign_off_prompt_and_a_counter_under_it() -> None:
    # A newsletter platform's post: the author's name over its date under the deck, a sign-off prompt
    # that asks in its second sentence, and the likes and restacks under it, counters.
    head = ["The Holm Crossing", "Subscribe", "Sign in", "Ferry to Holm island sails again after repairs"]
    head += ["Three weeks without the boat, and what islanders learnt", "Ada Brennan", "Mar 05, 2025"]
    head += ["12", "3", "Share"]
    prompt = "Thanks for reading The Holm Crossing! Subscribe for free to receive new posts and support my work."
    foot = ["Subscribe", "12 Likes", "·", "3 Restacks", "Discussion about this post", "Comments", "Restacks"]
    foot += ["Write a comment...", "Ready for more?", "Subscribe", "© 2025 Ada Brennan", "Privacy ∙ Terms"]
    page = "\n".join([*head, *FERRY_BODY.strip().split("\n\n"), prompt, *foot])
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs == FERRY_BODY.strip().split("\n\n")
    removed = {line.line for line in article.removed}
    assert {prompt, "3 Restacks"} <= removed
    # The author's name over the post's date, under the headline's deck.
    assert (article.byline, str(article.date)) == ("Ada Brennan", "2025-03-05")


def test_a_blog_platforms_post_ends_at_its_written_by_line_and_its_counters_leave_the_text() -> None:
    # The post's clap and response counts under its last paragraph, then the author's box: "Written by",
    # followers, a one-line bio and the author's other posts.
    head = ["Open in app", "Sign up", "Sign in", "Ferry to Holm island sails again after repairs", "Ada Brennan"]
    head += ["Follow", "5 min read", "·", "Mar 6, 2025", "234", "5", "Listen", "Share"]
    foot = ["234", "5", "Follow", "Written by Ada Brennan", "1.2K Followers"]
    foot += ["Writing about islands, boats and the people who keep them running.", "More from Ada Brennan"]
    foot += ["The last ferry to Holm", "4 min read · Feb 2, 2025", "Help", "Status", "About", "Privacy", "Terms"]
    page = "\n".join([*head, *FERRY_BODY.strip().split("\n\n"), *foot])
    [article] = clean_text(page, line_model=default_line_model())
    assert article.paragraphs == FERRY_BODY.strip().split("\n\n")
    assert article.byline == "Ada Brennan"
    assert ("1.2K Followers", "comment or post widget") in [(line.line, line.reason) for line in article.removed]

"""Where a page holds a second article: its own headline block, other names."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.clean.line_model import default_line_model
from newstrace.clean.lines import build_lines
from newstrace.clean.normalize import normalize_text
from newstrace.clean.split import find_article_boundaries, find_part_boundaries
from newstrace.clean.text import PART_HEADING_REASON, clean_text

TEASERS = [
    "Volunteers plant four thousand trees along the northern ring road this winter",
    "Night buses to run every twenty minutes from the coast to the old town",
]
ARTICLE = [
    "The town council of Westmere voted on Tuesday to rebuild the old stone bridge over the river Alder, "
    "closed since the spring floods.",
    "Work will begin in March and is expected to take eleven months, at a cost of 2.4 million pounds shared "
    "with the county.",
    "Shopkeepers on both banks said the closure had cut their trade by a third, as drivers took the ring road.",
]
TEASER_SUMMARIES = [
    "Rangers at Kettle Moor counted more otters this year than in any year since records began in 1974.",
    "A retired teacher in Dunmore has written a history of the harbour from letters found in an attic.",
    "The county library in Ashby will open on Sundays from April, after a petition signed by 3,000 people.",
]


def _boundaries(text: str) -> list[int]:
    return find_article_boundaries(build_lines(normalize_text(text).lines))


def test_a_teaser_list_whose_titles_the_menu_repeats_is_not_a_second_article() -> None:
    # The list's heading looks like a headline, and its titles are long lines said twice on the page
    # (menu and list): a teaser list, not a second article's captions.
    page = "\n".join(
        [
            "Home",
            *TEASERS,
            "Bridge over the Alder to be rebuilt",
            "",
            *ARTICLE,
            "",
            "",
            "More from the Gazette",
            *TEASERS,
            *TEASER_SUMMARIES,
        ]
    )
    assert _boundaries(page) == []


def test_a_second_article_with_its_caption_said_twice_is_split_off() -> None:
    caption = "Divers search the flooded quarry at Kettle Moor on Monday morning after the storm"
    second = [
        "Rangers at Kettle Moor count record otters",
        caption,
        caption,
        *TEASER_SUMMARIES,
    ]
    page = "\n".join(["Bridge over the Alder to be rebuilt", "", *ARTICLE, "", "", *second])
    lines = build_lines(normalize_text(page).lines)
    [boundary] = find_article_boundaries(lines)
    assert lines[boundary].text == "Rangers at Kettle Moor count record otters"


@pytest.mark.parametrize("counter", ["Image 1 of 4", "Photo 2 of 12", "3 of 9", "Foto 1 de 5"])
def test_a_photo_gallerys_counter_over_its_captions_opens_no_second_article(counter: str) -> None:
    # The same block under a headline is a second article (the test above); under a gallery's
    # counter, between two runs of one article's paragraphs, it is the article's gallery.
    caption = "Divers search the flooded quarry at Kettle Moor on Monday morning after the storm"
    page = "\n".join(
        ["Bridge over the Alder to be rebuilt", "", *ARTICLE, counter, caption, caption, *TEASER_SUMMARIES]
    )
    assert _boundaries(page) == []


def test_a_second_article_under_its_own_byline_and_date_is_split_off() -> None:
    second = ["Rangers at Kettle Moor count record otters", "By Ada Brennan", "April 9, 2025", *TEASER_SUMMARIES]
    page = "\n".join(
        ["Bridge over the Alder to be rebuilt", "By Tomas Berg", "March 3, 2025", "", *ARTICLE, "", *second]
    )
    lines = build_lines(normalize_text(page).lines)
    [boundary] = find_article_boundaries(lines)
    assert lines[boundary].text == "Rangers at Kettle Moor count record otters"
    first, other = clean_text(page)
    assert (first.byline, str(first.date), other.byline, str(other.date)) == (
        "Tomas Berg",
        "2025-03-03",
        "Ada Brennan",
        "2025-04-09",
    )
    # A byline alone, or a date alone, under a headline-like line opens no article.
    for missing in ("By Ada Brennan", "April 9, 2025"):
        alone = "\n".join(
            ["Bridge over the Alder to be rebuilt", "", *ARTICLE, "", *(line for line in second if line != missing)]
        )
        assert _boundaries(alone) == []


def test_a_page_opening_with_a_teaser_is_one_article_whose_headline_comes_later() -> None:
    # One paragraph above the headline block (a teaser, a promotion) is no first article.
    page = "\n".join(
        [
            TEASER_SUMMARIES[0],
            "",
            "",
            "Bridge over the Alder to be rebuilt",
            "Bridge over the Alder to be rebuilt",
            *ARTICLE,
        ]
    )
    assert _boundaries(page) == []


COMMENTS = [
    "Margaret Olsen from Tilbury wrote to say the ferry in Grimsby had the same trouble in 1998.",
    "Peter Hale asked whether Norwich contractors had bid, since Colchester paid far less last year.",
    "Anna Kowalski said the footbridge in Lowestoft was narrow and crowded with cyclists at noon.",
    "Samuel Okafor wondered why Ipswich engineers had not inspected the piers before the floods.",
    "Ruth Brennan noted that Felixstowe had waited nine years for a crossing of its own.",
    "Tom Yates recalled the old chain ferry at Woodbridge, sold for scrap in 1961.",
]


def test_a_line_said_under_every_comment_opens_no_article() -> None:
    # The same short line heads each comment, said twice there: a widget's, however much it looks
    # like a second article's headline block.
    lines_of_page = ["Bridge over the Alder to be rebuilt", "", *ARTICLE, "", ""]
    for comment in COMMENTS:
        lines_of_page += ["", "", "Reader comment thread", "Reader comment thread", comment]
    lines = build_lines(normalize_text("\n".join(lines_of_page)).lines)
    assert max(line.repeats for line in lines if line.text == "Reader comment thread") > 3
    assert find_article_boundaries(lines) == []


def test_a_part_that_opens_no_article_is_joined_to_the_article_before_it() -> None:
    # The teaser list (its titles said again in the footer's menu) is read as a part of its own, so
    # its lines get their own header and footer, then joined back: one article, the list's heading
    # kept as a removed line.
    page = "\n".join(
        [
            "Bridge over the Alder to be rebuilt",
            "",
            *ARTICLE,
            "",
            "",
            "More from the Gazette",
            *TEASERS,
            "Posted on March 3, 2021",
            *TEASER_SUMMARIES,
            "",
            "",
            "Home",
            *TEASERS,
        ]
    )
    lines = build_lines(normalize_text(page).lines)
    assert find_part_boundaries(lines) != []
    [article] = clean_text(page)
    assert article.title == "Bridge over the Alder to be rebuilt"
    assert article.paragraphs[: len(ARTICLE)] == ARTICLE
    headings = [line.line for line in article.removed if line.reason == PART_HEADING_REASON]
    assert len(headings) == 1 and headings[0] in {"More from the Gazette", *TEASERS}
    # The teasers' date is no date of the article's: it stays a removed line.
    assert article.date is None
    assert "Posted on March 3, 2021" in {line.line for line in article.removed}


def test_a_comment_thread_with_double_posts_is_no_run_of_articles() -> None:
    # Each comment is followed by who posted it and when; a comment posted twice repeats a long line
    # under an attribution, which had read as a second article's headline and its caption.
    places = [
        "Arden",
        "Bexley",
        "Corwin",
        "Dalby",
        "Elston",
        "Farley",
        "Gilmore",
        "Hadley",
        "Ingram",
        "Jarrow",
        "Kelso",
        "Linton",
        "Marden",
        "Nolton",
    ]
    people = ["Ann", "Rob", "Mira", "Joe", "Sam", "Ida", "Tom", "Lia", "Ned", "Ola", "Pat", "Quin", "Rae", "Sid"]
    comments: list[str] = []
    for number, (place, name) in enumerate(zip(places, people, strict=True)):
        text = (
            f"Here in {place} we walked along the {name}wood Creek on day {number} and the water was higher than ever."
        )
        times = 2 if number % 4 == 1 else 1
        for _ in range(times):
            comments += [text, f"Posted by: {name} at September {10 + number // 8}, 2012 {1 + number % 9}:15 PM"]
    page = "\n".join(
        [
            "Bridge over the Alder to be rebuilt",
            *ARTICLE,
            "Posted by editor at September 9, 2012 9:01 AM",
            "Comments",
            *comments,
        ]
    )
    lines = build_lines(normalize_text(page).lines)
    assert find_article_boundaries(lines) == []
    [article] = clean_text(page)
    assert article.paragraphs[: len(ARTICLE)] == ARTICLE
    attributions = {line.line for line in article.removed if line.reason == "post or comment attribution"}
    assert "Posted by: Rob at September 10, 2012 2:15 PM" in attributions
    assert "Posted by editor at September 9, 2012 9:01 AM" in attributions
    # The comments' dates are not the article's: its own post line under its text is.
    assert article.date is not None and article.date.isoformat() == "2012-09-09"


def test_a_part_longer_than_the_articles_opening_gives_the_article_its_missing_date_and_headline() -> None:
    # A blurb of the paper the model could keep, then the article under its own headline and date:
    # read as two parts, joined, the second is the article's body, and its date and headline are its.
    page = "\n".join(
        [
            "Maria Kessler edits the Valley Gazette from Dunmore, where the paper has been printed since 1921"
            " by the Okoye family.",
            "",
            "",
            "Bridge over the Alder to be rebuilt",
            "Bridge over the Alder to be rebuilt",
            "",
            "Tuesday, March 2, 2021",
            "",
            *ARTICLE,
        ]
    )
    assert find_part_boundaries(build_lines(normalize_text(page).lines)) != []
    [article] = clean_text(page)
    assert (article.title, article.date, article.date_source) == (
        "Bridge over the Alder to be rebuilt",
        date(2021, 3, 2),
        "date line",
    )
    assert article.paragraphs[-len(ARTICLE) :] == ARTICLE


# Written for these tests: a report on cycle lanes, and a glued report on a ferry under its headline alone.
CYCLE_LANES = [
    "The city council on Wednesday approved a plan to build protected cycle lanes along the full length of "
    "Harbour Road, a route used by about 6,000 cyclists a day.",
    "The lanes will take one of the road's four traffic lanes and cost 3.2 million euros, to be paid from the "
    "regional transport fund.",
    '"This is the most dangerous road in the city for anyone on a bike," said councillor Ines Moreau, who '
    "proposed the plan.",
]
FERRY_CROSSINGS = [
    "The only ferry operator serving the three outer islands said on Tuesday it would cancel all crossings from "
    "December to February, citing fuel costs and a shortage of crew.",
    "About 1,100 residents live on the islands year-round. The regional government said it was looking for another "
    "operator and would pay for an emergency boat for medical cases.",
    '"We were told with three weeks\' notice," said islander Birte Holm.',
]


def test_a_second_article_under_its_headline_alone_is_split_off_after_the_model() -> None:
    headline = "Ferry operator cancels winter crossings to the islands"
    page = "\n\n".join(
        ["City council approves new cycle lanes on harbour road", *CYCLE_LANES, headline, *FERRY_CROSSINGS]
    )
    first, second = clean_text(page, line_model=default_line_model())
    assert first.paragraphs == CYCLE_LANES
    assert (second.title, second.paragraphs) == (headline, FERRY_CROSSINGS)


def test_a_subheading_of_one_article_splits_nothing() -> None:
    # The same people and places on both sides of it, or a section of a post rather than a report under it.
    shop_owners = [
        "Shop owners on Harbour Road said on Wednesday they feared losing customers who park in front of their stores.",
        "The council said 40 parking spaces would move to a side street, and Ines Moreau promised a review after a year.",
        "Work on Harbour Road is due to start in March and take about eight months, the council said.",
    ]
    same_story = [*CYCLE_LANES, "What the shop owners say", *shop_owners]
    post_section = [
        *CYCLE_LANES,
        "A ferry ride to the islands",
        "Crossing to the outer islands in winter is an adventure for anyone who likes the sea.",
        *FERRY_CROSSINGS[1:],
        "The views of the outer islands from the deck were worth every minute of the crossing.",
    ]
    for paragraphs in (same_story, post_section):
        page = "\n\n".join(["Cycle lanes for the harbour road", *paragraphs])
        [article] = clean_text(page, line_model=default_line_model())
        assert article.paragraphs == paragraphs


# Written for these tests: a page of three briefs, each a paragraph under its headline.
BRIEFS = [
    (
        "Bridge inspection closes river crossing",
        "Engineers closed the Alder Street bridge on Tuesday after an inspection found corroded bolts under its "
        "deck, and drivers were sent to a detour five kilometres long, the roads office said.",
    ),
    (
        "Library extends weekend hours",
        "The central library will stay open until 8 p.m. on Saturdays from next month, its director Paula Wendt "
        "announced, after a survey of 2,300 readers asked for longer hours.",
    ),
    (
        "Marathon draws record field",
        "A record 9,400 runners signed up for Sunday's city marathon, organisers said, up from 7,800 last year, "
        "and the course will pass the old harbour for the first time.",
    ),
]


def test_a_page_of_briefs_under_their_headlines_is_one_article_a_brief() -> None:
    page = "\n\n".join(["City briefs", "March 4, 2025", *(line for brief in BRIEFS for line in brief)])
    for model in (None, default_line_model()):
        articles = clean_text(page, line_model=model)
        assert [(article.title, article.paragraphs) for article in articles] == [
            (title, [text]) for title, text in BRIEFS
        ]
        assert {article.date for article in articles} == {date(2025, 3, 4)}


def test_the_sections_of_one_report_under_subheadings_are_no_briefs() -> None:
    # One bridge, its closure, its detour and its repair: the sections share their names and words.
    sections = [
        BRIEFS[0],
        (
            "Detour adds time for Alder Street drivers",
            "Drivers who used the Alder Street bridge said on Tuesday the detour added twenty minutes to their "
            "trips, and the roads office said the bridge's corroded bolts would take weeks to replace.",
        ),
        (
            "Alder Street bridge repairs to start in April",
            "The roads office said the Alder Street bridge would reopen after its corroded bolts under the deck "
            "were replaced, work due to start in April, engineers told the council on Tuesday.",
        ),
    ]
    page = "\n\n".join(["City briefs", "March 4, 2025", *(line for section in sections for line in section)])
    [article] = clean_text(page, line_model=default_line_model())
    assert len(article.paragraphs) == 5

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from newstrace.clean import (
    CleaningError,
    _keep_the_extracts_headline,
    clean_page,
    continues_the_extract,
    reads_the_article_instead,
    reads_the_table_layout_instead,
)
from newstrace.clean.headlines import site_names
from newstrace.clean.html import (
    MAX_NESTING,
    _nesting_depth,
    confirmed_title,
    extract_html,
    figure_captions,
    headline_under_banner,
    layout_cells_as_lines,
    title_tag_text,
    visible_text,
)
from newstrace.clean.site import PAGE_TITLE
from newstrace.clean.text import CleanedText, TextToClean
from newstrace.model import Article, Page, RemovedLine
from newstrace.read import read_paths
from newstrace.read.jsonl import read_jsonl_file

BODY = (
    "The island council voted on Monday to buy the ferry that links it to the mainland, after the operator "
    "said it would end the service in the spring."
)


def test_over_nested_html_still_gives_its_text() -> None:
    html = "<html><body>" + "<div>" * 10_000 + f"<p>{BODY}</p>" + "</div>" * 10_000 + "</body></html>"
    page = Page(source="deep.html", content_hash="h", format="html", names=("deep",), html=html)
    [article] = clean_page(page)
    assert article.paragraphs == [BODY]


def test_many_line_breaks_images_and_unclosed_paragraphs_are_not_deep_nesting() -> None:
    # 300 <br>, <img> and <p> left open: an ordinary page, read by trafilatura (menus and footer
    # out), not flattened to its whole visible text like hostile markup.
    filler = "".join(f"<p>Photo {number}<br><img src='{number}.jpg'>" for number in range(300))
    html = (
        "<html><head><title>Island buys its ferry</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>Island buys its ferry</h1><p>{BODY}</p>"
        "<p>The purchase will cost the council three million pounds over ten years, its treasurer said.</p>"
        f"<div class='gallery'>{filler}</div></article>"
        "<footer>Copyright 2024 The Ledger. All rights reserved.</footer></body></html>"
    )
    assert _nesting_depth(html) < MAX_NESTING
    page = Page(source="gallery.html", content_hash="g", format="html", names=("gallery",), html=html)
    [article] = clean_page(page)
    assert article.paragraphs[0] == BODY
    assert "Sport" not in article.paragraphs


def test_html_page_metadata_and_body(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Island buys its ferry | The Ledger</title>"
        '<meta property="article:published_time" content="2024-05-20T09:00:00Z">'
        '<meta name="author" content="Fiona Reid"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Island buys its ferry</h1><p>{BODY}</p>"
        "<p>The purchase will cost the council three million pounds over ten years, its treasurer said.</p>"
        "</article><footer>Copyright 2024 The Ledger. All rights reserved.</footer></body></html>"
    )
    (tmp_path / "ferry.html").write_text(html, encoding="utf-8")
    [page] = list(read_paths([tmp_path]))
    [article] = clean_page(page)
    assert article.title == "Island buys its ferry"
    assert article.date == "2024-05-20" and article.date_source == "metadata"
    assert article.byline == "Fiona Reid"
    assert article.paragraphs[0] == BODY
    assert not any("Copyright" in paragraph for paragraph in article.paragraphs)


def _ferry_page(title: str, head: str, url: str | None = None) -> Page:
    """The ferry report as an HTML page under `title`, with `head` in its <head>."""
    html = (
        f"<html><head><title>{title}</title>{head}</head><body>"
        f"<article><h1>Island buys its ferry</h1><p>{BODY}</p>"
        "<p>The purchase will cost the council three million pounds over ten years, its treasurer said.</p>"
        "</article></body></html>"
    )
    return Page(source="p.html", content_hash="h", format="html", names=("p",), html=html, url=url)


@pytest.mark.parametrize(
    ("link", "elsewhere"),
    [
        (
            '<link rel="canonical" href="https://www.ledger.example/2024/05/ferry">',
            "https://www.ledger.example/2024/05/ferry",
        ),
        (
            "<link href='https://ledger.example/2024/05/ferry?x=1&amp;y=2' rel='canonical'>",
            "https://ledger.example/2024/05/ferry?x=1&y=2",
        ),
        # The page's own site, or an address without a host, says nothing of another.
        ('<link rel="canonical" href="https://portal.example/world/ferry-123">', None),
        ('<link rel="canonical" href="/world/ferry-123">', None),
        # Google News' tags for a syndication partner's copy name the original too.
        (
            '<meta name="syndication-source" content="https://www.ledger.example/2024/05/ferry">',
            "https://www.ledger.example/2024/05/ferry",
        ),
        (
            "<link rel='canonical' href='https://portal.example/world/ferry-123'>"
            "<meta content='https://ledger.example/ferry' name='original-source'>",
            "https://ledger.example/ferry",
        ),
    ],
)
def test_a_canonical_address_on_another_site_is_kept(link: str, elsewhere: str | None) -> None:
    [article] = clean_page(
        _ferry_page("Island buys its ferry | Portal", link, "https://portal.example/world/ferry-123")
    )
    assert article.url == "https://portal.example/world/ferry-123"
    assert article.metadata.get("canonical_elsewhere") == elsewhere


def test_a_saved_partners_copy_without_its_own_address_is_its_declared_sites() -> None:
    def page(site: str) -> Page:
        head = (
            '<link rel="canonical" href="https://www.ledger.example/2024/05/ferry">'
            f'<meta property="og:site_name" content="{site}">'
        )
        return _ferry_page(f"Island buys its ferry | {site}", head)

    [copy] = clean_page(page("Daily Digest Portal"))
    assert (copy.url, copy.outlet) == (None, "Daily Digest Portal")
    assert copy.metadata["canonical_elsewhere"] == "https://www.ledger.example/2024/05/ferry"
    # The site's own page keeps its canonical address as its own.
    [original] = clean_page(page("The Ledger"))
    assert (original.url, original.outlet) == ("https://www.ledger.example/2024/05/ferry", "ledger.example")
    assert "canonical_elsewhere" not in original.metadata


@pytest.mark.parametrize(
    "stamp",
    [
        '<meta content="2024-05-20T09:45:00+01:00" property="article:published_time">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-05-20T09:45:00+01:00"}</script>',
    ],
)
def test_an_html_pages_time_of_publication_is_kept_with_its_date(stamp: str) -> None:
    [article] = clean_page(_ferry_page("Island buys its ferry", stamp))
    assert article.date == "2024-05-20"
    assert article.metadata["published_time"] == "2024-05-20T09:45:00+01:00"


FERRY_PARAGRAPHS = [
    BODY,
    "The purchase will cost the council three million pounds over ten years, its treasurer said on Tuesday.",
    "Islanders had feared that the crossing would close for good when the operator lost its subsidy last year.",
    "The council will hire the ferry's crew of eleven and keep the timetable of six sailings a day unchanged.",
    "A public meeting on the fares for the coming summer is to be held in the island's school next month.",
]


def _structured_page(article_body: str, shown: str) -> Page:
    data = json.dumps(
        {
            "@context": "https://schema.org",
            "@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "articleBody": article_body}],
        }
    )
    html = (
        f'<html><head><title>Island buys its ferry</title><script type="application/ld+json">{data}</script></head>'
        f"<body><article><h1>Island buys its ferry</h1>{shown}</article></body></html>"
    )
    return Page(source="p.html", content_hash="h", format="html", names=("p",), html=html)


def test_a_teaser_above_a_paywall_gives_way_to_the_structured_datas_article_body() -> None:
    shown = f"<p>{BODY}</p><p>Subscribe to continue reading. Already a subscriber? Log in.</p>"
    for article_body in ("\n\n".join(FERRY_PARAGRAPHS), "".join(f"<p>{text}</p>" for text in FERRY_PARAGRAPHS)):
        [article] = clean_page(_structured_page(article_body, shown))
        assert article.paragraphs == FERRY_PARAGRAPHS
        assert article.metadata["text_from"] == "structured data (JSON-LD articleBody)"
    # The page shows the whole article: its own text stands.
    [article] = clean_page(
        _structured_page(" ".join(FERRY_PARAGRAPHS[:3]), "".join(f"<p>{text}</p>" for text in FERRY_PARAGRAPHS))
    )
    assert article.paragraphs == FERRY_PARAGRAPHS
    assert "text_from" not in article.metadata
    # Structured data nested too deep to parse are passed over.
    deep = _structured_page("x", shown)
    [article] = clean_page(
        replace(
            deep, html=deep.html.replace('"articleBody"', '"x": ' + "[" * 100_000 + "]" * 100_000 + ', "articleBody"')
        )
    )
    assert article.paragraphs == [BODY]
    # Structured data that do not parse are passed over.
    broken = _structured_page("\n\n".join(FERRY_PARAGRAPHS), shown)
    [article] = clean_page(replace(broken, html=broken.html.replace('"@graph"', "@graph")))
    assert article.paragraphs == [BODY]


def test_a_jsonl_file_of_something_else_gives_one_error(tmp_path: Path) -> None:
    path = tmp_path / "index.jsonl"
    path.write_text("".join(f'{{"file": "a{n}.txt", "label": 1}}\n' for n in range(50)), encoding="utf-8")
    results = list(read_jsonl_file(path, 10_000_000))
    assert len(results) == 1 and "not a file of pages" in results[0].error


def test_records_without_text_before_the_first_page_are_still_reported(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(f'{{"id": "x"}}\n{{"id": "a", "text": "{BODY}"}}\n', encoding="utf-8")
    results = list(read_jsonl_file(path, 10_000_000))
    assert [type(result).__name__ for result in results] == ["ReadError", "Page"]
    assert results[0].source.endswith("feed.jsonl:1")


def test_a_date_like_string_far_from_the_metadata_is_not_taken_for_the_date() -> None:
    # A reader's comment dated in Russian is no publication date; dateparser's guess was 2019-01-01.
    page = (
        "<html><head><title>Harbour crane collapses</title></head><body><article>"
        "<h1>Harbour crane collapses</h1>"
        "<p>A crane at the eastern harbour collapsed onto a cargo ship, the port authority said.</p>"
        "<p>Workers had left the quay an hour before the crane fell, according to the authority.</p>"
        "<p>Inspectors will examine the crane's base this week before work resumes at the quay.</p>"
        "</article><footer><p>Comment by a reader, 12 марта 2019: what a mess.</p></footer></body></html>"
    )
    assert extract_html(page).date is None
    dated = page.replace("<head>", '<head><meta property="article:published_time" content="2019-03-11">')
    assert extract_html(dated).date == "2019-03-11"


BRIDGE_PARAGRAPHS = [
    "The town council of Westmere voted on Tuesday to rebuild the old stone bridge over the river Alder, "
    "closed since the spring floods.",
    "Work will begin in March and is expected to take eleven months, at a cost of 2.4 million pounds "
    "shared with the county.",
    "Shopkeepers on both banks said the closure had cut their trade by a third, as drivers took the ring road instead.",
]


def test_an_article_trafilatura_misses_is_read_from_the_pages_visible_text() -> None:
    # The article sits in a block trafilatura takes for comments: its extract holds only the title.
    html = (
        "<html><head><title>Westmere to rebuild its stone bridge</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        "<h1>Westmere to rebuild its stone bridge</h1><div class='comments-area'>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in BRIDGE_PARAGRAPHS)
        + "</div><footer><p>© 2024 Westmere Gazette. All rights reserved.</p></footer></body></html>"
    )
    assert BRIDGE_PARAGRAPHS[0] not in extract_html(html).text
    [article] = _cleaned_html(html, "bridge")
    assert article.title == "Westmere to rebuild its stone bridge"
    assert article.paragraphs == BRIDGE_PARAGRAPHS
    assert {"Home", "News", "Sport"}.isdisjoint(article.paragraphs)


def test_a_page_whose_visible_text_holds_only_a_blurb_has_no_article() -> None:
    # As in the page above, trafilatura's extract holds only the title; here the visible text has
    # no more than a line about the paper.
    html = (
        "<html><head><title>Westmere to rebuild its stone bridge</title></head><body>"
        "<h1>Westmere to rebuild its stone bridge</h1><div class='comments-area'>"
        "<p>The Westmere Gazette is a weekly paper for the towns along the river Alder.</p></div>"
        "<footer><p>© 2024 Westmere Gazette. All rights reserved.</p></footer></body></html>"
    )
    assert "weekly paper" not in extract_html(html).text
    page = Page(source="blurb.html", content_hash="h", format="html", names=("blurb",), html=html)
    with pytest.raises(CleaningError, match="no article text"):
        clean_page(page)


PIER_REPORT = [
    "The harbour board of Port Wenlow voted on Tuesday to rebuild the north pier, which the winter storms "
    "have kept closed since the first week of January.",
    "Work will begin in May and take about two years, the board said, at a cost of some twelve million euros "
    "shared with the regional government.",
    "Fishing boats have moored at the south pier in the meantime, where space is short in the summer months "
    "and the queue to unload can last a morning.",
    "Skippers told the board at a public meeting last month that the delays had cost them a morning's catch "
    "more than once since the storms.",
    "The new pier will be forty metres longer than the old one, with room for the island ferry and a dozen "
    "fishing boats at the same time.",
    "Engineers who surveyed the old pier found that its foundations had been undermined by the sea, and that "
    "repairs would cost almost as much as a new one.",
    "The board's chairman said the pier would be the largest project in the harbour's long history, and that "
    "local firms would be asked to bid for the work.",
    "A second meeting on the plans will be held in the town hall on the first Monday of March, when residents "
    "can see the drawings and ask questions.",
    "The ferry company said its timetable would not change during the works, as the ferry already sails from "
    "the south pier in the winter months.",
    "Shopkeepers on the harbour front said they hoped the works would not keep visitors away in the summer, "
    "when most of their trade is done.",
]
PIER_TEASERS = [
    "Island school wins national robotics prize for the second year running. Full Story",
    "New bus timetable for the coast road starts next week. Full Story",
    "Lifeboat crew called out twice in one night to help yachts in trouble. Full Story",
]


def test_an_extract_of_teasers_beside_the_article_gives_way_to_the_pages_text() -> None:
    # trafilatura takes a table of teasers for the page's text; the report stands in a block it drops.
    html = (
        "<html><head><title>North pier to be rebuilt</title></head><body><main><table><tr>"
        + "".join(f"<td>{teaser}</td>" for teaser in PIER_TEASERS)
        + "</tr></table></main><div class='comments-area'><h1>North pier to be rebuilt</h1>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in PIER_REPORT)
        + "</div><footer><p>© 2025 Wenlow Gazette</p></footer></body></html>"
    )
    assert PIER_TEASERS[0] in extract_html(html).text and PIER_REPORT[0] not in extract_html(html).text
    [article] = _cleaned_html(html, "pier")
    assert article.paragraphs == PIER_REPORT


def _cleaned_html(html: str, name: str) -> list[Article]:
    """The articles clean_page finds on an HTML page named `name`."""
    return clean_page(Page(source=f"{name}.html", content_hash="h", format="html", names=(name,), html=html))


def _reading(paragraphs: list[str], removed: list[RemovedLine] | None = None) -> list[CleanedText]:
    return [CleanedText(paragraphs=paragraphs, removed=removed or [])]


def test_a_short_extract_stands_unless_a_long_reading_of_other_words_without_comments_replaces_it() -> None:
    teasers, report = _reading(PIER_TEASERS), _reading(PIER_REPORT)
    assert reads_the_article_instead(teasers, report)
    # A reading of the extract's own words and more (the post and its thread, say) does not replace it.
    assert not reads_the_article_instead(_reading(PIER_REPORT[:2]), report)
    # Nor does a reading too short to be an article, or one that met a comment thread's heading.
    assert not reads_the_article_instead(teasers, _reading(PIER_REPORT[:3]))
    thread = _reading(PIER_REPORT, [RemovedLine("Comments", "comments section")])
    assert not reads_the_article_instead(teasers, thread)
    # An extract that kept nothing gives way to any reading of an article's length.
    assert reads_the_article_instead([], _reading(PIER_REPORT[:3]))
    assert not reads_the_article_instead([], _reading(PIER_REPORT[:1]))


PIER_JUNK = (
    "Tell us your views on this story. Email the newsdesk, or join the discussion on our message boards. "
    "Subscribe to our daily newsletter for breaking alerts."
)


def _lines_read(lines: list[str]) -> list[CleanedText]:
    return [CleanedText(paragraphs=list(lines), body_lines=list(lines))]


def test_a_long_run_of_text_through_the_extracts_opening_replaces_an_extract_of_that_opening_and_junk() -> None:
    # trafilatura kept the report's first paragraph and a prompt beside it; the page runs on with the rest.
    extract = _reading([PIER_REPORT[0] + " " + PIER_JUNK])
    page = "\n".join(["Wenlow Gazette", "Home | News | Sport", "North pier to be rebuilt", *PIER_REPORT, "© 2025"])
    assert continues_the_extract(extract, _lines_read(PIER_REPORT), page)
    # A report whose text the page breaks after two paragraphs (a thread of comments under its
    # heading, say) is no run through the extract: the reading goes on past the break.
    broken = "\n".join([*PIER_REPORT[:2], "Reader comments (8)", *PIER_REPORT[2:]])
    assert not continues_the_extract(extract, _lines_read(PIER_REPORT), broken)
    # An extract the reading holds whole is a short post of its own, not an opening.
    assert not continues_the_extract(_reading(PIER_REPORT[:1]), _lines_read(PIER_REPORT), page)
    # Nor does a reading too short to be an article replace it.
    assert not continues_the_extract(extract, _lines_read(PIER_REPORT[:3]), page)


def test_a_headline_in_a_layout_tables_row_is_the_title_without_the_rows_bars() -> None:
    # An old site's page, its <title> gone: the headline stands in a row of the layout table, under
    # a row of the day's date, a programme and the weather, which is no headline.
    html = (
        "<html><body><table><tr><td>Home</td><td>News</td></tr>"
        "<tr><td></td><td>Jan 15, 2026</td><td>Tonight on Channel 9: The Council Hour</td>"
        "<td>Weather: snow showers, high 4</td></tr>"
        "<tr><td>Harbour board votes to rebuild the north pier</td><td></td><td>Print</td></tr></table>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in PIER_REPORT)
        + "</body></html>"
    )
    [article] = _cleaned_html(html, "pier")
    assert article.title == "Harbour board votes to rebuild the north pier"
    assert article.paragraphs == PIER_REPORT


def test_a_title_that_is_the_sites_name_leaves_the_headline_to_the_pages_text() -> None:
    html = (
        "<html><head><title>Westmere Gazette Online</title></head><body>"
        "<div class='masthead'>Westmere Gazette Online</div><article>"
        "<h2>Harbour board votes to rebuild the north pier</h2>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in PIER_REPORT)
        + "</article></body></html>"
    )
    url = "https://www.westmeregazette.example/news/pier"
    assert extract_html(html, url).title is None
    page = Page(source="pier.html", content_hash="h", format="html", names=("pier",), html=html, url=url)
    [article] = clean_page(page)
    assert article.title == "Harbour board votes to rebuild the north pier"
    assert article.paragraphs == PIER_REPORT


def test_a_stamp_of_agency_and_date_is_no_title() -> None:
    # A wire page shows no headline, only "Agency - date": the date part is the page's stamp.
    text = "\n".join(["Associated Press - January 2, 2026 7:33 AM ET", *PIER_REPORT])
    [article] = clean_page(Page(source="pier.txt", content_hash="h", format="text", names=("pier",), text=text))
    assert article.title is None
    assert article.paragraphs == PIER_REPORT


def _bridge_page(post_line_block: str) -> str:
    return (
        "<html><head><title>Westmere to rebuild its stone bridge</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        "<h1>Westmere to rebuild its stone bridge</h1>"
        + post_line_block
        + "".join(f"<p>{paragraph}</p>" for paragraph in BRIDGE_PARAGRAPHS)
        + "</article><footer><p>Westmere Gazette</p></footer></body></html>"
    )


def test_a_date_the_extract_drops_is_read_from_the_pages_visible_text() -> None:
    # Neither the metadata nor trafilatura's extract holds the post line; the page's text does.
    html = _bridge_page("<div class='share'>Posted on March 4, 2025 by Nell Hardy</div>")
    extracted = extract_html(html)
    assert extracted.date is None and "Posted on" not in extracted.text
    [article] = _cleaned_html(html, "bridge")
    assert (article.date, article.date_source, article.byline) == ("2025-03-04", "header line", "Nell Hardy")
    assert article.paragraphs == BRIDGE_PARAGRAPHS


def test_a_post_line_the_extract_keeps_is_no_paragraph() -> None:
    html = _bridge_page("<span class='x1'>Posted on March 4, 2025 by Nell Hardy</span>")
    [article] = _cleaned_html(html, "bridge")
    assert article.paragraphs == BRIDGE_PARAGRAPHS
    assert article.date == "2025-03-04" and article.byline == "Nell Hardy"
    assert ("Posted on March 4, 2025 by Nell Hardy", "post line (author and date)") in {
        (line.line, line.reason) for line in article.removed
    }


def test_visible_text_drops_closed_scripts_and_styles_and_keeps_what_follows_an_unclosed_one() -> None:
    page = "<p>First</p><script>var a = 1;</SCRIPT ><style>p {}</style><p>Second</p><script>never closed<p>Third</p>"
    assert visible_text(page) == "First\nSecond\nnever closed\nThird"
    # Thousands of unclosed scripts (hostile markup) are read in one pass.
    assert visible_text("<script>x" * 50_000 + "<p>End</p>").endswith("x\nEnd")


def test_an_article_without_a_named_outlet_takes_its_addresss_host() -> None:
    text = (
        "Bakery wins regional prize\n\n"
        "A family bakery on Mill Lane won the regional bread prize on Saturday for its rye loaf, the third "
        "time in five years that a baker from the town has taken the title.\n\n"
        "The judges praised the crust and the sour tang of a dough that the owners say has been kept alive "
        "since their grandmother opened the shop in 1961.\n"
    )
    page = Page("dump.jsonl:1", "h", "text", ("bakery",), text=text, url="https://www.millgazette.example/food/bakery")
    [article] = clean_page(page)
    assert article.outlet == "millgazette.example"
    named = Page("dump.jsonl:2", "h", "text", ("bakery",), text=text, url=page.url, outlet="The Mill Gazette")
    assert clean_page(named)[0].outlet == "The Mill Gazette"
    assert clean_page(Page("bakery.txt", "h", "text", ("bakery",), text=text))[0].outlet is None


def test_an_html_articles_metadata_keeps_its_pages_title_tag_where_it_is_not_the_title() -> None:
    body = "".join(
        f"<p>The harbour board met on Monday and voted on plan {number} for the new crane, which the port "
        f"has waited for since the old one failed in the storm of the winter before.</p>"
        for number in range(4)
    )
    html = (
        "<html><head><title>Harbour Notes: Board votes on new crane</title></head>"
        f"<body><h1>Harbour Notes</h1><article>{body}</article></body></html>"
    )
    [article] = _cleaned_html(html, "notes")
    assert article.title == "Harbour Notes"
    assert article.metadata[PAGE_TITLE] == "Harbour Notes: Board votes on new crane"


def test_a_text_articles_metadata_keeps_its_pages_title_line_where_it_is_not_the_title() -> None:
    paragraphs = "\n\n".join(
        f"The harbour board met on Monday and voted on plan {number} for the new crane, which the port "
        "has waited for since the old one failed in the storm of the winter before."
        for number in range(4)
    )
    text = f"Harbour Notes: Board votes on new crane\n\nHarbour Notes\n\nBoard votes on new crane\n\n{paragraphs}\n"
    [article] = clean_page(Page("notes.txt", "h", "text", ("notes",), text=text))
    assert article.metadata[PAGE_TITLE] == "Harbour Notes: Board votes on new crane"
    assert article.title != article.metadata[PAGE_TITLE]
    # A record that names its title: a first line without it is its text's (a dateline and a dash).
    lede = f"HOLM, Norland — {paragraphs}"
    record = Page("dump.jsonl:1", "h", "text", ("notes",), text=lede, title="Board votes on new crane")
    [article] = clean_page(record)
    assert article.title == "Board votes on new crane"
    assert PAGE_TITLE not in article.metadata


@pytest.mark.parametrize(
    ("metadata_title", "expected"),
    [
        # The site's motto as every page's og:title, and a widget's heading: the <title> says the headline.
        ("Official Blog of the Harbour League", "Island buys its ferry for three million pounds"),
        ("Share this:", "Island buys its ferry for three million pounds"),
        # The headline in other words shares a word with the <title>; a title as long as the <title>'s
        # headline may be the headline where the <title> names only the site.
        ("Council takes over the island ferry", "Council takes over the island ferry"),
        (
            "Harbour council votes to take over the crossing at last",
            "Harbour council votes to take over the crossing at last",
        ),
        # No title found at all (a head trafilatura cannot read): the <title>'s headline part.
        (None, "Island buys its ferry for three million pounds"),
    ],
)
def test_trafilaturas_title_gives_way_to_the_pages_own_headline_only_when_nothing_says_it(
    metadata_title: str | None, expected: str | None
) -> None:
    html = "<html><head><title>Island buys its ferry for three million pounds | The Ledger</title></head></html>"
    assert confirmed_title(metadata_title, title_tag_text(html)) == expected
    # A <title> of the site's name alone says no headline.
    assert confirmed_title("Share this:", title_tag_text("<title>The Ledger</title>")) == "Share this:"
    assert confirmed_title(None, title_tag_text("<title>The Ledger</title>")) is None
    assert confirmed_title(None, None) is None


def test_a_title_tags_site_part_taken_for_the_headline_gives_way_to_its_headline_part() -> None:
    # trafilatura takes a "Site - Headline" <title>'s first part; here it names the site with a word
    # around it, which the address holds run together.
    names = site_names(None, "https://www.westmeregazetteonline.example/news/1")
    html = "<title>Lakeside Westmere Gazette - Bridge to close for repairs</title>"
    assert confirmed_title("Lakeside Westmere Gazette", title_tag_text(html), names) == "Bridge to close for repairs"
    # A headline part too short to be one leaves the title as it was.
    short = "<title>Lakeside Westmere Gazette - Sport</title>"
    assert confirmed_title("Lakeside Westmere Gazette", title_tag_text(short), names) == "Lakeside Westmere Gazette"


def test_a_title_that_is_the_sites_name_gives_way_to_what_the_site_name_leaves_of_the_title_tag() -> None:
    names = site_names(None, "https://www.harbourledger.example/2024/05/ferry")
    html = "<title>Harbour Ledger: Ferry bought</title>"
    assert confirmed_title("Harbour Ledger", title_tag_text(html), names) == "Ferry bought"
    # A short title the site's name leaves, for a title that is a widget's heading.
    assert confirmed_title("About", title_tag_text(html), names) == "Ferry bought"
    assert confirmed_title(None, title_tag_text(html), names) == "Ferry bought"
    assert confirmed_title(None, title_tag_text("<title>Harbour Ledger</title>"), names) is None
    # A motto longer than the headline, given as every page's og:title, where the <title> names the
    # site (its parent domain here) beside the headline.
    blog = site_names(None, "https://blogs.harbourledger.example/2024/05/ferry")
    motto_page = "<title>Ferry bought at last - HarbourLedger.example</title>"
    assert (
        confirmed_title("Official Blog of the Island Sailing League", title_tag_text(motto_page), blog)
        == "Ferry bought at last"
    )
    # Without the site's name known, the <title> stays whole.
    assert confirmed_title("About", title_tag_text(html)) == "Harbour Ledger: Ferry bought"
    assert confirmed_title("About", title_tag_text("<title>Harbour Ledger | Ferry</title>")) == "About"


POST_PARAGRAPHS = [
    "The allotment society asked its members last week which crops had failed this summer, and the answers surprised us.",
    "Broad beans did well almost everywhere, but courgettes and squash rotted in the wet weeks of July on most plots.",
]


def _blog_page(title_tag: str, headings: list[str]) -> str:
    return (
        f"<html><head><title>{title_tag}</title></head><body>"
        + "".join(headings)
        + "<ul><li><a href='/about'>About</a></li><li><a href='/archive'>Archive</a></li></ul>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in POST_PARAGRAPHS)
        + "</body></html>"
    )


def test_a_blogs_name_heading_every_page_gives_way_to_the_posts_headline_above_its_text() -> None:
    # The blog's name is the page's first heading, which trafilatura takes for the title; the post's
    # headline stands just above the text and is the other end of the <title>.
    html = _blog_page(
        "What failed on the allotments this summer « Mira&#39;s Plot Notes",
        [
            "<h1>Mira's Plot Notes</h1>",
            "<p>Growing food on a windy hill</p>",
            "<h2>What failed on the allotments this summer</h2>",
        ],
    )
    assert extract_html(html).title == "What failed on the allotments this summer"
    # Where the heading the title names stands nearest the text, it is the headline and the rest of
    # the <title> the blog's name.
    html = _blog_page(
        "What failed on the allotments this summer « Mira&#39;s Plot Notes",
        ["<h2>Mira's Plot Notes</h2>", "<h1>What failed on the allotments this summer</h1>"],
    )
    assert extract_html(html).title == "What failed on the allotments this summer"
    text = "\n".join(POST_PARAGRAPHS)
    headings = "<h1>Mira's Plot Notes</h1><h2>What failed on the allotments this summer</h2>"
    page = _blog_page("x", [headings])
    title_tag = "What failed on the allotments this summer « Mira's Plot Notes"
    assert (
        headline_under_banner("Mira's Plot Notes", title_tag, page, text) == "What failed on the allotments this summer"
    )
    # Not when the rest is the site's own name, a columnist's name, or stands nowhere above the text.
    site = site_names(None, "https://www.mirasplotnotes.example/2024/08/failed")
    assert headline_under_banner("What failed on the allotments this summer", title_tag, page, text, site) is None
    byline = _blog_page("Winter digging | Anna Kowalski", ["<h1>Winter digging</h1>", "<p>Anna Kowalski</p>"])
    assert headline_under_banner("Winter digging", "Winter digging | Anna Kowalski", byline, text) is None
    elsewhere = _blog_page("x", ["<h1>Mira's Plot Notes</h1>"])
    assert headline_under_banner("Mira's Plot Notes", title_tag, elsewhere, text) is None


def _page_named(site_name: str, url: str | None) -> Page:
    body = "".join(
        f"<p>{sentence}</p>"
        for sentence in (
            "The harbour ferry will stop for sixteen weeks from May while its landing ramp is rebuilt, the operator said.",
            "About two thousand islanders use the crossing, which carries fuel, post and the school bus every day.",
            "A replacement boat will run from the north pier, though the crossing will take an hour longer each way.",
        )
    )
    html = (
        f'<html><head><title>Ferry to stop | {site_name}</title><meta property="og:site_name" content="{site_name}">'
        f"</head><body><article><h1>Ferry to stop</h1>{body}</article></body></html>"
    )
    return Page(source="ferry.html", content_hash="h", format="html", names=("ferry",), html=html, url=url)


def test_the_address_names_the_outlet_the_same_on_every_page_of_a_site() -> None:
    # trafilatura's site name is at times a piece of the <title>: a section, a date, a headline.
    outlets = {
        clean_page(_page_named(name, "https://www.harbourledger.example/2024/ferry"))[0].outlet
        for name in ("Harbour Ledger | Sports", "Harbour Ledger | 05/02/2024", "Ferry bought for three million")
    }
    assert outlets == {"harbourledger.example"}
    # With no address to name it, the site name the page gives.
    assert clean_page(_page_named("Harbour Ledger", None))[0].outlet == "Harbour Ledger"


def test_a_layout_tables_row_with_a_cell_of_prose_is_read_cell_by_cell() -> None:
    # trafilatura writes an old site's layout row as one line, its cells' paragraphs run together.
    row = (
        "| Home News Sport | The harbour of Port Wenlow will close its old pier for eight months from March, "
        "after divers found cracks in four of its piles.     Ferries will use the south quay meanwhile, "
        "the harbour's director said on Monday. | Most read: Council backs flood barrier |"
    )
    data = "| 2008 | 14 | 3 |"
    text, keys = layout_cells_as_lines(f"Pier to close\n{row}\n{data}")
    lines = text.split("\n")
    assert lines[0] == "Pier to close" and lines[-1] == data
    assert [line[:2] for line in lines[1:-1]] == ["| "] * 4
    assert lines[2].startswith("| The harbour of Port Wenlow") and lines[3].startswith("| Ferries will use")
    assert len(keys) == 4
    assert layout_cells_as_lines("No table here.") == ("No table here.", frozenset())


def test_an_article_in_a_layout_tables_cell_comes_out_without_the_rows_marks() -> None:
    paragraphs = [
        "The harbour authority of Port Wenlow will close the old north pier for eight months from March, after "
        "divers found cracks in four of its concrete piles during a routine inspection of the harbour.",
        "Ferries to the islands will move to the south quay, where a temporary waiting room with 120 seats is "
        "being built, the authority's director Ines Moreau said on Monday afternoon.",
        "Repairs are expected to cost 3.4 million euros, which the regional government has agreed to pay from "
        "its fund for coastal works over the next two years.",
    ]
    menu = "".join(f'<a href="/{name.lower()}">{name}</a><br>' for name in ("Home", "News", "Sport", "Weather"))
    html = (
        "<html><head><title>Pier to close for repairs | Wenlow Post</title></head><body>"
        "<table><tr><td>"
        + menu
        + "</td><td><h1>Pier to close for repairs</h1>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        + "</td><td>Most read: <a href='/a'>Council backs flood barrier</a></td></tr></table></body></html>"
    )
    [article] = _cleaned_html(html, "pier")
    # The cells are lines of their own: the article's cell is kept, the menu's and the teaser's are not
    # (the paragraphs of a cell stay one line unless trafilatura spaced them apart).
    body = " ".join(article.paragraphs)
    assert all(paragraph in body for paragraph in paragraphs)
    assert not any(paragraph.startswith("|") for paragraph in article.paragraphs)
    assert "Home News Sport" not in body and "Council backs flood barrier" not in body


def test_an_agencys_credit_that_the_extract_drops_is_read_from_the_pages_visible_text() -> None:
    # The byline naming the agency and the agency's copyright notice stand outside the article's
    # block: trafilatura's extract drops them, the page's visible text keeps them.
    html = (
        "<html><head><title>Westmere to rebuild its stone bridge</title>"
        '<meta property="article:published_time" content="2024-03-05"></head><body>'
        "<h1>Westmere to rebuild its stone bridge</h1>"
        "<div class='byline'>By INES MOREAU, Associated Press Writer</div><article>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in BRIDGE_PARAGRAPHS)
        + "</article><footer><p>Copyright 2024 The Associated Press. All rights reserved.</p></footer></body></html>"
    )
    [article] = _cleaned_html(html, "bridge")
    assert article.paragraphs == BRIDGE_PARAGRAPHS
    assert article.credit == "AP"
    # A page that names no agency is not read again, and gets no credit.
    local = html.replace("Associated Press Writer", "Westmere Gazette").replace("The Associated Press", "Gazette")
    [article] = _cleaned_html(local, "bridge")
    assert article.credit is None


def _words(count: int, title: str | None = None, lede: str = "") -> list[CleanedText]:
    filler = " ".join(["harbour"] * count)
    return [CleanedText(title=title, paragraphs=[f"{lede} {filler}".strip()])]


def test_a_table_laid_page_is_read_from_its_whole_text_where_its_extract_kept_cells_of_its_own() -> None:
    laid_out = TextToClean("...", layout_lines=frozenset({"a cell"}))
    cells = "Weather Traffic Horoscopes Lottery Classifieds Obituaries"
    assert reads_the_table_layout_instead(_words(120, lede=cells), _words(80), laid_out)
    # An extract whose words the whole text's reading holds kept no cells of its own.
    assert not reads_the_table_layout_instead(_words(120), _words(80), laid_out)
    # A reading three times the extract's length went on into comments or other pages' text.
    assert not reads_the_table_layout_instead(_words(120, lede=cells), _words(400), laid_out)
    # Too few words to hold an article, or a page without a layout table.
    assert not reads_the_table_layout_instead(_words(120, lede=cells), _words(30), laid_out)
    assert not reads_the_table_layout_instead(_words(120, lede=cells), _words(80), TextToClean("..."))


def test_the_extracts_headline_stays_where_it_names_the_readings_lede() -> None:
    lede = "Divers found cracks in the old north pier, which will close for repairs"
    extract = _words(100, title="Pier to close for repairs")
    reading = _words(90, title="Photographs of the week", lede=lede)
    _keep_the_extracts_headline(extract, reading)
    assert reading[0].title == "Pier to close for repairs"
    # A date or a section's name above the cells names nothing of it.
    reading = _words(90, title="North pier cracks found by divers", lede=lede)
    _keep_the_extracts_headline(_words(100, title="Sunday January 20/"), reading)
    assert reading[0].title == "North pier cracks found by divers"


def test_a_pictures_caption_the_extract_leaves_out_is_the_articles_caption() -> None:
    paragraphs = "".join(f"<p>{BODY} Part {number} of the council's report was read aloud.</p>" for number in range(4))
    caption = "The island's ferry at the mainland quay on Monday. (Photo: Ines Moreau)"
    html = (
        "<html><head><title>Island council buys its ferry</title></head><body><article>"
        "<h1>Island council buys its ferry</h1>"
        f"<figure><img src='ferry.jpg'><figcaption>{caption.replace(chr(39), '&#39;')}</figcaption></figure>"
        f"{paragraphs}<figure><img src='v.jpg'><figcaption>Watch on YouTube</figcaption></figure>"
        f"<figure><img src='q.jpg'><figcaption>{BODY} Part 2 of the council's report was read aloud.</figcaption></figure>"
        "<figcaption>never closed"
        "</article></body></html>"
    )
    [article] = clean_page(Page(source="f.html", content_hash="h", format="html", names=("f",), html=html))
    # A player's label is none, and a caption the text already holds is not said twice.
    assert article.captions == [caption]
    assert all(caption not in paragraph for paragraph in article.paragraphs)


def test_figure_captions_are_read_once_each_and_unclosed_ones_in_one_pass() -> None:
    many = "".join(f"<figcaption>Photo number {number} of the quay</figcaption>" for number in range(40))
    assert figure_captions(many) == [f"Photo number {number} of the quay" for number in range(20)]
    assert figure_captions("<figcaption>Same &amp; <b>once</b></figcaption>" * 2) == ["Same & once"]
    assert figure_captions("<figcaption>never closed " * 50_000) == []


def test_a_page_listing_other_articles_teasers_has_no_article_but_an_article_over_teasers_keeps_its_own() -> None:
    stories = [
        (
            "Ferry to Holm island sails again after repairs",
            "The Lakeside Courier · 2 hours ago",
            "The ferry to Holm island sailed again on Monday after three weeks of repairs to the storm-damaged...",
        ),
        (
            "Cheese festival draws record crowd to Ashgrove",
            "Valley News · 5 hours ago",
            "The Ashgrove cheese festival drew a record 18,000 visitors to the old cattle market on Saturday, and...",
        ),
        (
            "Port of Holm expects fewer ships this winter",
            "Harbour Ledger · 1 day ago",
            "The port of Holm expects a fifth fewer container ships this winter as shipping lines move their...",
        ),
    ]
    listing = "Top stories\n\n" + "\n".join(line for story in stories for line in story) + "\n\nMore headlines\n"
    with pytest.raises(CleaningError, match="only a list of other articles' teasers"):
        clean_page(Page("top.txt", "h", "text", ("top",), text=listing))
    # A story with the site's teasers under it is an article, its lede whole.
    article = "Island buys its ferry\n\n" + "\n\n".join(FERRY_PARAGRAPHS) + "\n\nMore news\n\n"
    page = article + "\n".join(line for story in stories[1:] for line in story)
    assert clean_page(Page("ferry.txt", "h", "text", ("ferry",), text=page))[0].paragraphs


@pytest.mark.parametrize(
    "notice",
    [
        "Page not found | The Lakeside Courier\nHome News Sport Business\n404\n"
        "Sorry, we couldn't find the page you were looking for.\n"
        "The page may have been moved or deleted. Try searching our site or go back to the homepage.\nSearch\n",
        "Access Denied\nYou don't have permission to access this page on this server.\n"
        "Checking your browser before accessing lakesidecourier.example.\n"
        "This process is automatic. Your browser will redirect to your requested content shortly.\n"
        "Please allow up to 5 seconds\nDDoS protection by Cloudflare\nRay ID: 8c1f2a3b4d5e6f70\n",
        "Before you continue\nWe use cookies and data to deliver our services and measure how our pages are read.\n"
        'If you choose "Accept all", we will also use cookies and data to show you personalised ads.\n'
        'If you choose "Reject all", we will not use cookies for these purposes.\nAccept all\nReject all\n',
        "<html><head><title>Page not found</title></head><body><h1>404</h1><p>Sorry, the article you were "
        "looking for could not be found. It may have been moved or deleted.</p></body></html>",
    ],
)
def test_a_sites_notice_instead_of_an_article_is_an_error_for_its_page(notice: str) -> None:
    page = (
        Page("gone.html", "h", "html", ("gone",), html=notice)
        if notice.startswith("<html>")
        else Page("gone.txt", "h", "text", ("gone",), text=notice)
    )
    with pytest.raises(CleaningError, match="the page is the site's notice"):
        clean_page(page)


def test_a_short_report_about_cookies_or_missing_pages_is_an_article() -> None:
    # News of such notices tells them in its own sentences: most of its words say something else.
    report = (
        "Regulator fines retailer over cookie banner\n\n"
        "The data regulator fined the Ashgrove retailer Pellin Stores 40,000 euros on Tuesday over the banner "
        "its website showed visitors.\n\n"
        'The banner offered an "Accept all" button but hid the choice to refuse behind two further pages, the '
        "regulator said.\n\n"
        "Visitors who followed a link to a deleted offer saw a page not found message for weeks, it added.\n\n"
        "Pellin Stores said it would appeal and had already changed the banner."
    )
    [article] = clean_page(Page("fine.txt", "h", "text", ("fine",), text=report))
    assert article.paragraphs[0].startswith("The data regulator fined")

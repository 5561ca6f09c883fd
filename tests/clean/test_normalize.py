"""Normalising raw page text: a page's HTML source saved as text is read as its visible text."""

from __future__ import annotations

from newstrace.clean.line_model import default_line_model
from newstrace.clean.normalize import normalize_text, source_lines
from newstrace.clean.text import clean_text

PARAGRAPHS = [
    "The harbour authority of Port Wenlow will close the old north pier for eight months from March, after "
    "divers found cracks in <b>four</b> of its concrete piles during a routine inspection.",
    "Ferries to the islands will move to the south quay, where a temporary waiting room with 120 seats is "
    'being built, the authority\'s director <a href="/people/ines-moreau">Ines Moreau</a> said on Monday.',
    "Repairs are expected to cost 3.4 million euros, which the regional government has agreed to pay from "
    "its fund for coastal works.",
]
# What a scraper saves when it cannot read broken HTML: the whole source on one line, cut off inside
# its first script.
SOURCE = (
    'ageById("menu"); menu.style.display = "none"; }</script></head><body><div id="top">'
    '<a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></div>'
    "<style>.story { margin: 0 } p { color: #333 }</style>"
    "<!-- advertising slot 4 --><table><tr><td><h1>Port Wenlow pier to close for repairs</h1>"
    "<p>Tuesday, 4 February 2025</p>"
    + "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    + '<script>var tracker = new Image(); tracker.src = "/count?page=" + escape(document.title);</script>'
    '<div>Most read</div><ul><li><a href="/a">Council approves new cycle lanes</a></li></ul>'
    "</td></tr></table></body></html>"
)


def test_a_line_holding_a_pages_source_is_read_as_its_visible_text() -> None:
    lines = [line for line in normalize_text(SOURCE).lines if line]
    # Inline elements stay inside their sentence; block elements end lines.
    assert lines[:3] == ["Home | News | Sport", "Port Wenlow pier to close for repairs", "Tuesday, 4 February 2025"]
    assert "Ferries to the islands will move" in lines[4] and "director Ines Moreau said on Monday." in lines[4]
    assert "cracks in four of its concrete piles" in lines[3]
    # No markup, script, style or comment is left, nor the script the line opened inside of.
    assert not any("<" in line or "tracker" in line or "margin" in line or "menu.style" in line for line in lines)


def test_the_article_of_a_page_saved_as_its_source_is_cleaned_as_any_page() -> None:
    [article] = clean_text(SOURCE, line_model=default_line_model())
    assert article.title == "Port Wenlow pier to close for repairs"
    assert article.date is not None and article.date.isoformat() == "2025-02-04"
    assert [paragraph.split()[:4] for paragraph in article.paragraphs[:3]] == [
        paragraph.split()[:4] for paragraph in PARAGRAPHS
    ]
    assert not any("<" in paragraph or "tracker" in paragraph for paragraph in article.paragraphs)


def test_text_that_only_mentions_tags_is_left_as_it_is() -> None:
    page = "How to write HTML\n\nWrap a word in <b> and </b> to make it bold, or in <i> to slant it.\n"
    assert normalize_text(page).lines == [
        "How to write HTML",
        "",
        "Wrap a word in <b> and </b> to make it bold, or in <i> to slant it.",
        "",
    ]
    assert source_lines("<p>One</p><p>Two &amp; three</p>") == ["One", "Two & three"]
    # An embed code a page shows for copying: long and full of tags, but no page's structure.
    embed = "".join(
        f'<a href="https://stories.example.org/works/{number}"><strong>Chapter {number}</strong></a><br />'
        for number in range(30)
    )
    assert len(embed) > 1_000
    assert normalize_text(f"Share this work\n{embed}\n").lines == ["Share this work", embed, ""]


def test_a_line_opening_with_a_code_of_letters_and_digits_is_no_wrapped_continuation() -> None:
    # A wrapped sentence goes on in a word; EPA's captions open with their picture's number.
    lines = [
        line
        for line in normalize_text(
            "Harbour ferries return after the storm\n"
            "epa01234567 Ferries leave the harbour of Port Wenlow, 3 March 2025. EPA-EFE/ADA BRENNAN\n"
            "The first boat left the harbour at seven in the morning with forty\n"
            "passengers on board, the operator said."
        ).lines
        if line
    ]
    assert lines == [
        "Harbour ferries return after the storm",
        "epa01234567 Ferries leave the harbour of Port Wenlow, 3 March 2025. EPA-EFE/ADA BRENNAN",
        "The first boat left the harbour at seven in the morning with forty passengers on board, the operator said.",
    ]

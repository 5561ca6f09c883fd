"""Normalising raw page text: a page's HTML source saved as text is read as its visible text."""

from __future__ import annotations

import textwrap

from newstrace.clean.line_model import default_line_model
from newstrace.clean.normalize import (
    LINK_REFERENCES_REASON,
    MARKDOWN_LINKS_REASON,
    REPEATED_BLOCK_REASON,
    normalize_characters,
    normalize_text,
    source_lines,
    unwrap_fixed_width,
    without_repeated_blocks,
)
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


def test_character_references_a_scraper_left_in_the_text_are_decoded() -> None:
    text = "&quot;We will rebuild,&quot; she said &mdash; Holm&#8217;s mayor &amp; council &#x2014; R&D; AT&T &bogus;"
    # What is no reference stays ("R&D;", "&bogus;").
    decoded = '"We will rebuild," she said — Holm’s mayor & council — R&D; AT&T &bogus;'
    assert normalize_characters(text) == decoded


def test_a_drop_cap_set_apart_from_its_word_is_joined_again() -> None:
    lines = [
        "T he ferry to Holm island sailed again on Monday after three weeks of repairs.",
        "O n the pier, islanders waited with flags.",
        # An initial, a name and an article of another language stay as they are.
        "H on October 24th, 2012 6:21 am",
        "B of A raises its fees for the island's branch.",
        "A key was found on the pier.",
    ]
    assert normalize_text("\n\n".join(lines)).lines[::2] == [
        "The ferry to Holm island sailed again on Monday after three weeks of repairs.",
        "On the pier, islanders waited with flags.",
        *lines[2:],
    ]


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


def test_a_run_of_paragraphs_said_twice_is_kept_once_and_its_copy_recorded() -> None:
    page = ["Pier repairs", "By Ana Ruiz", *PARAGRAPHS[:2], "", "Subscribe now", "By Ana Ruiz", *PARAGRAPHS[:2], "End"]
    kept, removed = without_repeated_blocks(page)
    assert kept == ["Pier repairs", "By Ana Ruiz", *PARAGRAPHS[:2], "", "Subscribe now", "End"]
    # The byline above the copied paragraphs belongs to the run: it goes with them.
    assert removed == ["By Ana Ruiz", *PARAGRAPHS[:2]]
    reasons = {line.line: line.reason for line in normalize_text("\n".join(page)).removed}
    assert reasons[PARAGRAPHS[0]] == REPEATED_BLOCK_REASON


def test_a_single_paragraph_or_short_lines_said_twice_are_no_block() -> None:
    # One paragraph twice is a pull quote or a teaser; short lines twice are captions and menus: the
    # line features read those.
    pull_quote = ["Headline", PARAGRAPHS[0], "Photo: Ana Ruiz", PARAGRAPHS[0], PARAGRAPHS[1]]
    menus = ["Home", "News", "Sport", PARAGRAPHS[0], "Home", "News", "Sport"]
    assert without_repeated_blocks(pull_quote) == (pull_quote, [])
    assert without_repeated_blocks(menus) == (menus, [])


def test_a_teaser_list_or_a_caption_said_twice_is_no_block() -> None:
    # A ticker of teasers shown above and below the article: each lead is cut short. Being said
    # twice is what tells the line features they are teasers, so they stay twice.
    teasers = [
        "Council approves new cycle lanes PORT WENLOW: The council voted on Tuesday to build four new cycle "
        "lanes along the harbour road, a plan that has divided the...",
        "Ferry fares to rise in spring PORT WENLOW: Fares on the island ferries will rise by six per cent "
        "from April, the operator said, blaming the cost of...",
    ]
    ticker = ["Breaking News", *teasers, PARAGRAPHS[2], "Breaking News", *teasers]
    assert without_repeated_blocks(ticker) == (ticker, [])
    # One caption said twice in a gallery, with its photographer's credit.
    caption = "Ines Moreau, director of the harbour authority, points at the cracked piles of the north pier on Monday."
    gallery = [caption, caption, "Photo: Ana Ruiz", "Image 1 of 4", caption, caption, "Photo: Ana Ruiz"]
    assert without_repeated_blocks(gallery) == (gallery, [])


def test_a_run_repeated_back_to_back_many_times_is_kept_once() -> None:
    page = [*PARAGRAPHS, *PARAGRAPHS, *PARAGRAPHS]
    kept, removed = without_repeated_blocks(page)
    assert kept == PARAGRAPHS
    assert removed == [*PARAGRAPHS, *PARAGRAPHS]


def test_an_article_printed_twice_on_its_page_is_cleaned_once() -> None:
    # A paywalled page shows its teaser twice: each paragraph said twice had read as a teaser, and
    # the cleaner had kept no body at all.
    paragraphs = [
        "The harbour authority of Port Wenlow will close the old north pier for eight months from March, "
        "after divers found cracks in four of its concrete piles.",
        "Ferries to the islands will move to the south quay, where a waiting room with 120 seats is being "
        "built, the authority's director Ines Moreau said on Monday.",
        "Repairs are expected to cost 3.4 million euros, which the regional government has agreed to pay "
        "from its fund for coastal works.",
    ]
    article = ["Harbour to close its old pier", "By Ana Ruiz", *paragraphs]
    page = "\n".join(
        ["Home | News | Sport", "Log in", *article, "Comments", *article[1:], "Copyright 2025 Wenlow Post"]
    )
    [cleaned] = clean_text(page, line_model=default_line_model())
    assert cleaned.paragraphs == paragraphs
    assert [line.line for line in cleaned.removed if line.reason == REPEATED_BLOCK_REASON] == article[1:]


# A news page as a text browser or html2text saves it: menus, a headline, and paragraphs broken at
# a fixed width, blank lines between them.
WRAPPED_PARAGRAPHS = [
    "The harbour authority of Port Wenlow will close the old north pier for eight months from March, after "
    "divers found cracks in four of its concrete piles during a routine inspection last week.",
    "Ferries to the islands will move to the south quay, where a temporary waiting room with 120 seats is "
    "being built, the authority's director Ines Moreau said on Monday at a meeting with ferry operators.",
    "Repairs are expected to cost 3.4 million euros, which the regional government has agreed to pay from its "
    "fund for coastal works, and the pier should reopen before the start of the summer season next year.",
    "Fishing boats that moor at the north pier will be given berths in the marina at no extra charge until "
    "the work is finished, according to a letter sent to the harbour's tenants on Friday afternoon.",
]


def _wrapped_page(width: int, blank_lines: bool = True) -> str:
    parts = ["Home | News | Sport | Weather", "Harbour to close its old pier for repairs"]
    parts += [textwrap.fill(paragraph, width) for paragraph in WRAPPED_PARAGRAPHS]
    parts += ["Most read", "Council approves new cycle lanes", "Copyright 2025 Wenlow Post"]
    return ("\n\n" if blank_lines else "\n").join(parts)


def test_paragraphs_broken_at_a_fixed_width_are_joined_again() -> None:
    for width in (60, 72, 80, 100):
        lines = normalize_text(_wrapped_page(width)).lines
        assert all(paragraph in lines for paragraph in WRAPPED_PARAGRAPHS), width
        # Short lines end where their writer ended them: the menu, the headline and the footer stay.
        assert "Harbour to close its old pier for repairs" in lines
        assert "Council approves new cycle lanes" in lines


def test_a_wrapped_article_is_cleaned_as_the_same_article_unwrapped() -> None:
    [wrapped] = clean_text(_wrapped_page(72), line_model=default_line_model())
    [unwrapped] = clean_text(_wrapped_page(1000), line_model=default_line_model())
    assert wrapped.paragraphs == unwrapped.paragraphs == WRAPPED_PARAGRAPHS
    assert wrapped.title == unwrapped.title
    assert [line.line for line in wrapped.removed] == [line.line for line in unwrapped.removed]


def test_paragraphs_wrapped_without_blank_lines_between_them_are_still_told_apart() -> None:
    # A paragraph's last line is short: the next paragraph's first word would have fitted on it.
    lines = normalize_text(_wrapped_page(80, blank_lines=False)).lines
    assert sum(paragraph in lines for paragraph in WRAPPED_PARAGRAPHS) >= 3


def test_a_word_broken_at_its_hyphen_and_bullets_are_read_as_a_wrapper_leaves_them() -> None:
    opening = (
        "The council said the pier, which opened in 1911, is one of the best-loved landmarks of the town, and "
        "that its repairs would be paid from the regional fund for coastal works, as the minister promised."
    )
    items = [
        "- divers will first survey every one of the concrete piles under the old pier and mark the cracked ones",
        "- the cracked piles will then be wrapped in steel sleeves, filled with fresh concrete and tested again",
    ]
    lines = [
        part
        for block in (opening, *items, opening)
        for part in textwrap.wrap(block, 70, break_on_hyphens=True, subsequent_indent="  " if block in items else "")
    ]
    assert any(line.endswith("best-") for line in lines)
    assert unwrap_fixed_width([line.strip() for line in lines]) == [opening, *items, opening]


def test_text_saved_a_block_a_line_is_never_unwrapped() -> None:
    # Short lines (a menu, one-sentence paragraphs) and a paragraph longer than any width: no wrapping.
    lines = [
        "Home | News | Sport",
        "Harbour to close its old pier",
        *WRAPPED_PARAGRAPHS,
        "The authority's director said the closure was unavoidable.",
        "Ferry operators were told on Monday.",
    ]
    assert unwrap_fixed_width(lines) == lines
    # One-sentence paragraphs a line each, the longest under any width: their lines end anywhere.
    sentences = [
        "The harbour authority will close the old north pier for eight months from March.",
        "Divers found cracks in four of its concrete piles.",
        "Ferries to the islands will move to the south quay, where a waiting room is being built.",
        "The director said so on Monday.",
        "Repairs are expected to cost 3.4 million euros, paid from the regional fund for coastal works.",
        "The pier should reopen before the summer.",
        "Fishing boats will be given berths in the marina at no extra charge until the work is done.",
    ]
    assert unwrap_fixed_width(sentences * 3) == sentences * 3


def _lynx_dump() -> str:
    """A page as `lynx -dump` saves it: link numbers before links' words, paragraphs indented three
    spaces and wrapped at 78 columns, bullets, and the addresses listed under "References"."""
    paragraphs = [
        "The harbour authority of Port Wenlow will close the old [4]north pier for eight months from March, "
        "after divers found cracks in four of its concrete piles during a routine inspection last week.",
        *WRAPPED_PARAGRAPHS[1:],
    ]
    lines = ["   [1]Home [2]News [3]Sport", "", "     * [5]Weather", "     * [6]Travel", ""]
    lines += ["Harbour to close its old pier for repairs", ""]
    for paragraph in paragraphs:
        lines += [*textwrap.wrap(paragraph, 78, initial_indent="   ", subsequent_indent="   "), ""]
    lines += ["References", "", "   Visible links:"]
    lines += [f"   {number}. https://wenlow-post.example/{number}" for number in range(1, 7)]
    return "\n".join(lines)


def test_a_text_browsers_dump_loses_its_link_numbers_and_references() -> None:
    normalized = normalize_text(_lynx_dump())
    assert all(paragraph in normalized.lines for paragraph in WRAPPED_PARAGRAPHS)
    assert "Home News Sport" in normalized.lines
    references = [line.line for line in normalized.removed if line.reason == LINK_REFERENCES_REASON]
    assert references[0] == "References" and references[-1] == "6. https://wenlow-post.example/6"
    assert not any("wenlow-post.example" in line for line in normalized.lines)


def test_brackets_and_a_references_heading_of_an_ordinary_page_are_left_alone() -> None:
    # Numbers in brackets cite sources ("[1]") and an article may end with its references.
    lines = [
        "Harbour to close its old pier",
        "The pier opened in 1911 [1] and was rebuilt in 1956 [2].",
        "References",
        "1. Wenlow harbour records, volume 3",
        "2. Port Wenlow Gazette, 4 May 1956",
    ]
    assert normalize_text("\n".join(lines)).lines == lines


def test_wide_characters_are_wrapped_by_columns_and_joined_without_spaces() -> None:
    # A terminal gives each Japanese character two columns: 80 columns hold 40 of them.
    paragraph = "港湾局は来年三月から八か月間、古い北桟橋を閉鎖すると発表した。" * 6
    pieces = [paragraph[start : start + 40] for start in range(0, len(paragraph), 40)]
    page = ["ホーム ニュース スポーツ", "", "北桟橋を閉鎖へ", "", *pieces, "", *pieces, "", "著作権 2025"]
    lines = normalize_text("\n".join(page)).lines
    assert lines.count(paragraph) == 2


def test_a_markdown_link_wrapped_inside_its_address_reads_as_the_link_unwrapped() -> None:
    # As html2text leaves a teaser: two spaces after the heading's marks, the address broken at a
    # hyphen where its next piece would have fitted on the line.
    teaser = [
        "#####  [ Council approves new cycle lanes along the harbour front after a",
        "debate](/news/local/article/council-approves-cycle-lanes-",
        "along-the-harbour-front-123456.php)",
    ]
    page = [textwrap.fill(block, 78) for block in WRAPPED_PARAGRAPHS]
    lines = normalize_text("\n\n".join([*page, "\n".join(teaser)])).lines
    assert lines[-1] == "Council approves new cycle lanes along the harbour front after a debate"


def test_mojibake_is_undone_and_accented_text_left_alone() -> None:
    # UTF-8 read as Windows-1252, as a scraper that guessed the encoding wrong saves it.
    article = "The mayor’s office said the café on Rue Belleville would ‘reopen soon’ – José Núñez agreed."
    mojibake = article.encode("utf-8").decode("cp1252", errors="replace")
    assert "â€™" in mojibake and "Ã©" in mojibake
    assert normalize_text(f"Harbour news\n{mojibake}").lines == ["Harbour news", article]
    # Text that merely holds such letters is not mojibake.
    for text in ("São Paulo: Âncora do Ó, a música à noite.", "Tři oříšky pro Popelku… à la télé."):
        assert normalize_text(text).lines == [text]


def test_a_teasers_photo_that_links_to_it_is_a_line_of_links() -> None:
    # html2text writes a teaser's photo as an image inside a link; its alt text is no article text.
    photo = (
        "* [![Council backs flood barrier.jpg](https://cdn.example.org/barrier.jpg)]"
        "(https://example.org/news/council-backs-flood-barrier)"
    )
    page = "\n\n".join(
        ["# Harbour to close its old pier", WRAPPED_PARAGRAPHS[0], photo, "[News](/news) | [Sport](/sport)"]
    )
    normalized = normalize_text(page)
    assert "Council backs flood barrier.jpg" not in normalized.lines
    assert [line.line for line in normalized.removed if line.reason == MARKDOWN_LINKS_REASON] == [
        photo,
        "[News](/news) | [Sport](/sport)",
    ]


def test_list_items_left_unwrapped_do_not_hide_the_paragraphs_wrapping() -> None:
    # html2text wraps paragraphs at 78 columns but leaves a list's items and links whole.
    items = [
        "* The harbour authority has published the full list of berths that will move to the south quay for the "
        "eight months of the works, with their new numbers",
        "* [Read the inspection report on the old north pier and the divers' photographs of its piles]"
        "(https://example.org/reports/north-pier-inspection-2025)",
    ]
    # Names and figures open some of its wrapped lines: no lower-case continuation joins them.
    named = (
        "The ferry operators Calder Line, Wenlow Sea Link, Holmstad Ferries and North Isles Shipping told "
        "Ines Moreau on Monday that 120 sailings in March, 96 in April and 88 in May would move to the "
        "South Quay at Port Wenlow, and that Calder Line would add two crossings on Fridays."
    )
    paragraphs = [*WRAPPED_PARAGRAPHS, named]
    wrapped = [textwrap.fill(paragraph, 78) for paragraph in paragraphs]
    assert any(line[:1].isupper() or line[:1].isdigit() for line in wrapped[-1].splitlines()[1:])
    lines = normalize_text("\n\n".join([*wrapped, "\n".join(items)])).lines
    assert all(paragraph in lines for paragraph in paragraphs)


def test_a_wrapped_quotation_marked_on_each_line_is_one_line() -> None:
    # Markdown (html2text, mail) marks each line of a quotation, wrapped or not, with "> ".
    quotation = (
        "We will keep the south quay open through the winter, whatever the weather brings, and the "
        "ferries will call there on every day of the week until the old north pier reopens."
    )
    marked = textwrap.fill(quotation, 76, initial_indent="> ", subsequent_indent="> ")
    assert marked.count("\n") >= 2
    page = "\n\n".join([*(textwrap.fill(paragraph, 78) for paragraph in WRAPPED_PARAGRAPHS), marked])
    assert normalize_text(page).lines[-1] == f"> {quotation}"


def test_a_quotation_on_a_markdown_page_is_read_without_its_marks() -> None:
    quotation = '"We will keep the south quay open through the winter," the harbour master said.'
    page = (
        "# Ferry to Holm sails again\n\n[Home](/) [News](/news)\n\n"
        + "\n\n".join(WRAPPED_PARAGRAPHS)
        + f"\n\n> {quotation}\n"
    )
    assert quotation in normalize_text(page).lines


def _hyphenated(text: str) -> str:
    """The text with soft hyphens at the hyphenation points a typesetter or a site's CMS would add."""
    return (
        text.replace("authority", "au\u00adthor\u00adity")
        .replace("inspection", "in\u00adspec\u00adtion")
        .replace("temporary", "tem\u00adpo\u00adrary")
    )


def test_soft_hyphens_inside_words_leave_the_words_whole() -> None:
    lines = normalize_text("\n".join(_hyphenated(paragraph) for paragraph in WRAPPED_PARAGRAPHS)).lines
    assert [line for line in lines if line] == WRAPPED_PARAGRAPHS


def test_a_word_broken_at_a_soft_hyphen_is_joined_without_it() -> None:
    # As text extracted from a typeset page keeps it: the hyphenation point where the line broke.
    lines = normalize_text(
        "Ferries will move to the south quay, where a tem\u00ad\nporary waiting room is being built.\n"
    ).lines
    assert lines[0] == "Ferries will move to the south quay, where a temporary waiting room is being built."
    # Wrapped at a fixed width, the break at a soft hyphen is one the width forced.
    wrapped = [
        line
        for paragraph in WRAPPED_PARAGRAPHS
        for line in (*textwrap.wrap(paragraph.replace("inspection", "in\u00adspection"), 72), "")
    ]
    broken = next(index for index, line in enumerate(wrapped) if "in\u00adspection" in line)
    head, tail = wrapped[broken].split("in\u00adspection")
    wrapped[broken : broken + 1] = [f"{head}in\u00ad", f"spection{tail}"]
    assert [line for line in normalize_text("\n".join(wrapped)).lines if line] == WRAPPED_PARAGRAPHS

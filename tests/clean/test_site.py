from __future__ import annotations

from dataclasses import replace

from newstrace.clean.site import (
    PAGE_TITLE,
    SITE_BOILERPLATE_REASON,
    SITE_TITLE,
    articles_without_site_boilerplate,
    outlet_summary,
    paragraph_key,
    paragraph_keys,
    site_boilerplate,
    subject_words,
    without_site_boilerplate,
)
from newstrace.model import Article, RemovedLine
from tests.factories import make_article

TEMPLATE = "Sign up for the Valley Courier's morning letter: the day's news before breakfast."
# Headlines of other subjects (no word of four letters in common).
_HEADLINES = (
    "Council votes on crossing",
    "Buses to run later",
    "Winter market opens",
    "Museum gets new roof",
    "Ferry fares rise",
    "Mill sold to brewers",
    "School wins prize",
)


def _story(number: int) -> list[str]:
    """Paragraphs of a story of its own: no sentence in common with another number's."""
    return [
        f"The council of district {number} voted on plan {number} for the river crossing on Tuesday.",
        f"Residents of ward {number} said the {number} new buses would come too late for winter.",
        f"A final reading of measure {number} is set for the spring session of the assembly.",
    ]


def test_a_paragraph_on_three_different_articles_of_an_outlet_is_its_boilerplate() -> None:
    articles = [make_article(f"s{number}", [*_story(number), TEMPLATE]) for number in range(3)]
    assert site_boilerplate(articles) == {paragraph_key(TEMPLATE)}
    assert site_boilerplate(articles[:2]) == frozenset()


def test_versions_of_one_article_count_once() -> None:
    # An update and a page saved twice share their story's paragraphs: those are not the site's.
    versions = [make_article(f"v{number}", [*_story(1), f"Updated at {number} p.m.", TEMPLATE]) for number in range(4)]
    assert site_boilerplate(versions) == frozenset()
    other = make_article("other", [*_story(2), TEMPLATE])
    third = make_article("third", [*_story(3), TEMPLATE])
    assert site_boilerplate([*versions, other, third]) == {paragraph_key(TEMPLATE)}


def test_the_same_paragraph_with_other_punctuation_is_one() -> None:
    assert paragraph_key("Sign up -- for the letter!") == paragraph_key("sign up for the letter")
    # Keyed many at once, the same keys: ASCII and other scripts, broken lines, marks alone.
    texts = [
        "Sign up -- for the letter!",
        "Café  «Zur Post»,\nÖffnungszeiten",
        "x_y-z 3.5%",
        "--",
        "",
        "Straße ΣΊΣΥΦΟΣ",
    ]
    assert paragraph_keys(texts) == [paragraph_key(text) for text in texts]
    assert paragraph_keys(texts[:1] + texts[3:4]) == ["sign up for the letter", ""]


def test_site_paragraphs_move_to_the_removed_lines_with_their_reason() -> None:
    article = make_article("s1", [*_story(1), TEMPLATE])
    cleaned = without_site_boilerplate(article, frozenset({paragraph_key(TEMPLATE)}))
    assert cleaned is not None
    assert cleaned.paragraphs == _story(1)
    assert cleaned.removed == [RemovedLine(TEMPLATE, SITE_BOILERPLATE_REASON)]
    assert article.paragraphs[-1] == TEMPLATE  # the stored article is not changed in place
    assert without_site_boilerplate(cleaned, frozenset({paragraph_key(TEMPLATE)})) is None


def test_an_article_of_the_template_alone_is_left_with_no_text() -> None:
    article = make_article("only", [TEMPLATE])
    cleaned = without_site_boilerplate(article, frozenset({paragraph_key(TEMPLATE)}))
    assert cleaned is not None
    assert cleaned.paragraphs == []
    assert cleaned.removed == [RemovedLine(TEMPLATE, SITE_BOILERPLATE_REASON)]


def test_pages_of_different_headlines_that_kept_only_the_template_are_different_articles() -> None:
    # The cleaner missed these pages' articles and kept the site's form: the same paragraphs, but
    # other headlines at other addresses. As versions of one they would hide the template.
    form = ["Register to save articles.", "An account already exists for this address.", "Choose a password."]
    lost = [
        make_article(f"p{number}", form, title=title, url=f"https://ledger.example/story/{number}")
        for number, title in enumerate(["Harbour dues rise", "Ferry timetable cut", "Mill reopens in spring"])
    ]
    others = [
        make_article(f"s{number}", _story(number), title=title, url=f"https://ledger.example/s/{number}")
        for number, title in enumerate(_HEADLINES)
    ]
    assert site_boilerplate([*lost, *others]) == {paragraph_key(line) for line in form}


def test_updates_of_one_story_under_new_headlines_are_not_a_small_sites_template() -> None:
    # Three versions at three addresses, each headline reworded: on a site of four articles the
    # story is most of what it printed, and stays.
    headlines = ["Storm nears the coast", "Storm kills three on the coast", "Death toll rises as gale moves inland"]
    versions = [
        make_article(f"v{number}", [*_story(1), f"Updated {number}."], title=title, url=f"https://c.example/v{number}")
        for number, title in enumerate(headlines)
    ]
    other = make_article("other", _story(2), title="Market hall reopens", url="https://c.example/market")
    assert site_boilerplate([*versions, other]) == frozenset()


def test_one_address_or_one_headline_is_one_article() -> None:
    story = _story(1)
    same_address = [
        make_article(f"a{number}", [*story, TEMPLATE], title=f"Crossing plan {word}", url=url)
        for number, (word, url) in enumerate(
            [
                ("voted", "https://courier.example/crossing"),
                ("passed", "https://www.courier.example/crossing/"),
                ("adopted", "https://courier.example/crossing#comments"),
            ]
        )
    ]
    assert site_boilerplate(same_address) == frozenset()
    same_headline = [
        make_article(f"h{number}", [*story, TEMPLATE], title="Council votes on the crossing plan", url=url)
        for number, url in enumerate(["https://courier.example/a", "https://courier.example/b?v=2", None])
    ]
    assert site_boilerplate(same_headline) == frozenset()
    # A site's home page given as every page's address names no article.
    home_page = [replace(article, url="https://courier.example/") for article in _three_stories()]
    assert site_boilerplate(home_page) == {paragraph_key(TEMPLATE)}


def _three_stories() -> list[Article]:
    return [
        make_article(f"s{number}", [*_story(number), TEMPLATE], title=title, url=f"https://c.example/{number}")
        for number, title in enumerate(_HEADLINES[:3])
    ]


def test_paragraphs_removed_before_still_count() -> None:
    # Articles whose template went in an earlier run, beside one that still holds it.
    boilerplate = frozenset({paragraph_key(TEMPLATE)})
    articles = [make_article(f"s{number}", [*_story(number), TEMPLATE]) for number in range(3)]
    earlier = [without_site_boilerplate(article, boilerplate) for article in articles[:2]]
    assert all(article is not None for article in earlier)
    assert site_boilerplate([*filter(None, earlier), articles[2]]) == boilerplate


def test_a_paragraph_no_longer_the_sites_goes_back_where_it_stood() -> None:
    middle = "A line that looked like the site's for a while, then did not."
    article = make_article("s1", [*_story(1)[:2], middle, _story(1)[2]])
    cleaned = without_site_boilerplate(article, frozenset({paragraph_key(middle)}))
    assert cleaned is not None
    assert cleaned.paragraphs == _story(1)
    restored = without_site_boilerplate(cleaned, frozenset())
    assert restored is not None
    assert restored.paragraphs == article.paragraphs
    assert restored.removed == []
    assert restored.metadata == {}


def test_an_outlet_left_without_boilerplate_gets_its_paragraphs_back() -> None:
    stories = [make_article(f"s{number}", [*_story(number), TEMPLATE], outlet="c.example") for number in range(3)]
    passed = articles_without_site_boilerplate(stories)
    assert [article.paragraphs for article in passed] == [_story(number) for number in range(3)]
    # The same three articles now told to be versions of one (one address): the template is theirs.
    as_versions = [replace(article, url="https://c.example/2025/one-story") for article in passed]
    restored = articles_without_site_boilerplate(as_versions)
    assert [article.paragraphs for article in restored] == [[*_story(number), TEMPLATE] for number in range(3)]


def test_a_background_paragraph_in_stories_of_one_subject_is_theirs_not_the_sites() -> None:
    # A wire service repeats the background of a running story in each of its stories on it.
    background = "The dispute over the crossing began in 2019, when the first plan was rejected by the court."
    headlines = ["Crossing plan goes to vote", "Protest over crossing plan", "Crossing plan passes its vote"]
    stories = [
        make_article(f"s{number}", [*_story(number), background], title=title, url=f"https://wire.example/{number}")
        for number, title in enumerate(headlines)
    ]
    assert site_boilerplate(stories) == frozenset()
    on_other_subjects = [replace(article, title=title) for article, title in zip(stories, _HEADLINES, strict=False)]
    assert site_boilerplate(on_other_subjects) == {paragraph_key(background)}


def test_headlines_that_share_only_words_any_of_the_outlets_may_carry_are_of_other_subjects() -> None:
    # Each headline names the outlet, a month and a year, and has "with" in it.
    headlines = [
        "Valley Courier: council votes with May 2024 deadline",
        "Valley Courier museum reopens with May 2024 show",
        "Valley Courier: buses run later with May 2024 timetable",
    ]
    stories = [
        make_article(f"s{number}", [*_story(number), TEMPLATE], title=title, outlet="valleycourier.example")
        for number, title in enumerate(headlines)
    ]
    assert site_boilerplate(stories) == {paragraph_key(TEMPLATE)}


def test_a_headlines_subject_words_leave_out_function_words_numbers_dates_and_the_outlets_name() -> None:
    title = "Valley Courier: The council votes with 14 days left, on Monday 3 March"
    assert subject_words(title, "valleycourier.example") == {"council", "votes", "days", "left"}
    assert subject_words(title, "The Valley Courier") == {"council", "votes", "days", "left"}
    # A word within a host's run-together words, neither its start nor its end, may be chance.
    assert subject_words("Droid phones sell out", "androidcommunity.com") == {"droid", "phones", "sell"}
    assert subject_words(None, "valleycourier.example") == frozenset()


def test_an_outlets_summary_counts_what_the_pass_removed() -> None:
    stories = [make_article(f"s{number}", [*_story(number), TEMPLATE], title=_HEADLINES[number]) for number in range(3)]
    passed = {
        article.id: article
        for article in articles_without_site_boilerplate([replace(article, outlet="c.example") for article in stories])
    }
    only_template = without_site_boilerplate(make_article("t", [TEMPLATE]), frozenset({paragraph_key(TEMPLATE)}))
    assert only_template is not None
    summary = outlet_summary("c.example", [*passed.values(), only_template])
    assert (summary.articles, summary.changed, summary.without_text) == (4, 4, 1)
    assert summary.paragraphs == [(TEMPLATE, 4)]


def test_a_title_on_three_articles_of_other_texts_is_the_sites_not_a_headline() -> None:
    # A blog that gives every page its motto as title: its pages are no versions of one article.
    stories = [
        make_article(f"s{number}", [*_story(number), TEMPLATE], title="Official Blog of the Valley League")
        for number in range(3)
    ]
    assert site_boilerplate(stories) == {paragraph_key(TEMPLATE)}
    # Two such pages could be versions of one article: their headline stays one.
    assert site_boilerplate([*stories[:2], replace(stories[2], title="Council votes on crossing")]) == frozenset()


def test_articles_of_no_known_outlet_are_read_as_one_site() -> None:
    # Text files and records without an address: three of them on other subjects holding one
    # paragraph word for word share a template, whichever sites they came from.
    stories = [
        ["Snow closed the mountain pass above Velden for the third day.", "Ploughs reach it on Friday."],
        ["The town library lends telescopes to members from next month.", "Astronomers gave twelve."],
        ["Tomato growers blame the cold spring for a thin harvest.", "Prices at the market doubled."],
    ]
    unknown = [
        make_article(f"u{number}", [*story, TEMPLATE], title=_HEADLINES[number], outlet=None)
        for number, story in enumerate(stories)
    ]
    passed = articles_without_site_boilerplate(unknown)
    assert [article.paragraphs for article in passed] == stories
    # Two are not enough, and an outlet's article does not count towards the unknown ones.
    known = replace(unknown[2], outlet="c.example")
    assert articles_without_site_boilerplate([*unknown[:2], known]) == []


def test_copies_of_one_story_of_no_known_outlet_keep_the_paragraph_they_share_under_other_headlines() -> None:
    # A wire story and two papers' edited copies of it under headlines of their own: they share one
    # quotation word for word and little else verbatim, but the story's names and figures throughout.
    quotation = "Judge Alma Ferreira said the harbour board had acted within its powers at every stage."
    wire = [
        "The harbour board of Port Lenning won its appeal against the fishing cooperative on Monday.",
        quotation,
        "The cooperative had claimed 2.4 million in lost catches after the quay at Lenning was closed.",
    ]
    first_paper = [
        "Port Lenning's harbour board has won its appeal against the fishing cooperative.",
        quotation,
        "The cooperative claimed lost catches of 2.4 million after the Lenning quay closed.",
    ]
    second_paper = [
        "Fishermen of Port Lenning lost their claim against the harbour board in the appeal court.",
        quotation,
        "Their cooperative had sought 2.4 million for catches lost while the quay was closed at Lenning.",
    ]
    headlines = ("Board wins quay appeal", "Fishermen lose claim", "Cooperative defeated in court")
    articles = [
        make_article(f"c{number}", paragraphs, title=headline, outlet=None)
        for number, (paragraphs, headline) in enumerate(zip((wire, first_paper, second_paper), headlines, strict=True))
    ]
    assert articles_without_site_boilerplate(articles) == []
    # Under one outlet, headlines of other subjects call the quotation the site's, as before.
    assert len(articles_without_site_boilerplate([replace(a, outlet="c.example") for a in articles])) == 3


def test_a_site_title_gives_way_to_the_headline_of_each_pages_title_tag() -> None:
    # A blog whose every page carries its name as heading; each page's <title> holds the headline.
    page_titles = (
        "Harbour Notes: Ferry timetable cut for winter",
        "Harbour Notes: The lighthouse gets a new lamp",
        "Harbour Notes: Crab season opens early",
    )
    stories = [
        make_article(
            f"h{number}",
            [f"Paragraph {number} of a post on {page_title.split(': ')[1].lower()}, told once."],
            title="Harbour Notes",
            outlet="notes.example",
            metadata={PAGE_TITLE: page_title},
        )
        for number, page_title in enumerate(page_titles)
    ]
    passed = articles_without_site_boilerplate(stories)
    assert [article.title for article in passed] == [title.split(": ")[1] for title in page_titles]
    assert all(article.metadata[SITE_TITLE] == "Harbour Notes" for article in passed)
    assert [article.paragraphs for article in passed] == [article.paragraphs for article in stories]
    # A later pass reads the titles as read: the same headlines, nothing more to change.
    assert articles_without_site_boilerplate(passed) == []
    # Were two pages read under other titles, one alone would no longer tell the blog's name: it goes back.
    renamed = [
        replace(article, metadata={**article.metadata, SITE_TITLE: title})
        for article, title in zip(passed[1:], ("Lighthouse lamp", "Crab season opens"), strict=True)
    ]
    restored = articles_without_site_boilerplate([passed[0], *renamed])
    assert [article.title for article in restored] == ["Harbour Notes", "Lighthouse lamp", "Crab season opens"]
    assert all(SITE_TITLE not in article.metadata for article in restored)


def test_two_posts_of_an_outlet_under_its_name_take_their_headlines_and_two_copies_keep_theirs() -> None:
    # Two posts of other stories under the blog's name, beside a third under its headline: the name
    # is the site's, each <title> holds the headline. A <title> whose other part is the day alone
    # names no headline.
    posts = [
        ["The ferry timetable is cut to two crossings a day from November until the spring tides."],
        ["The old lighthouse on the point gets a new lamp, visible twenty miles out to sea."],
    ]
    page_titles = ("Harbour Notes: Ferry timetable cut for winter", "Harbour Notes - November 8, 2012")
    articles = [
        make_article(
            f"p{number}", post, title="Harbour Notes", outlet="notes.example", metadata={PAGE_TITLE: page_title}
        )
        for number, (post, page_title) in enumerate(zip(posts, page_titles, strict=True))
    ]
    other = make_article(
        "crab",
        ["Crab season opens a week early after a mild autumn."],
        title="Crab season opens",
        outlet="notes.example",
    )
    # The post under a <title> of the day alone is left untitled: the blog's name is no headline.
    assert [article.title for article in articles_without_site_boilerplate([*articles, other])] == [
        "Ferry timetable cut for winter",
        None,
    ]
    # Two versions of one story (an update) under one headline keep it: their texts tell one story.
    story = (
        "The ferry timetable is cut to two crossings a day from November, the harbour board said, after the "
        "operator lost its second vessel to repairs and the island council agreed to a winter subsidy for freight "
        "crossings on Mondays and Thursdays until the spring tides."
    )
    versions = [
        make_article(
            f"v{number}",
            [story, *extra],
            title="Ferry timetable cut for winter",
            outlet="notes.example",
            url=f"https://notes.example/{number}",
            metadata={PAGE_TITLE: "Harbour Notes: Ferry timetable cut for winter"},
        )
        for number, extra in enumerate(([], ["Updated with the council's vote on the freight subsidy."]))
    ]
    assert [article.title for article in articles_without_site_boilerplate([*versions, other])] == []


def test_pages_under_their_sites_name_with_no_title_tag_are_left_untitled() -> None:
    # Scraped text of an outlet's pages, each opening with the site's name: no <title> holds their
    # headlines, and the name is none of theirs.
    stories = [
        make_article(f"n{number}", _story(number), title="Valley Sports Wire", outlet="wire.example")
        for number in range(3)
    ]
    passed = articles_without_site_boilerplate(stories)
    assert [article.title for article in passed] == [None, None, None]
    assert all(article.metadata[SITE_TITLE] == "Valley Sports Wire" for article in passed)
    assert [article.paragraphs for article in passed] == [article.paragraphs for article in stories]
    # A later pass finds nothing more to change.
    assert articles_without_site_boilerplate(passed) == []
    # A series' long headline over each of its posts is their headline, and stays.
    series = "Harbour Board Publishes the Week's Sailing Notices for All Island Ferries"
    posts = [replace(article, title=series) for article in stories]
    assert articles_without_site_boilerplate(posts) == []


def test_parts_that_every_title_tag_of_the_site_carries_are_the_sites_not_the_headline() -> None:
    # The <title>s name the blog otherwise than its heading does ("Lat Long" beside "Maps"); a
    # <title> that three pages share says no headline either.
    page_titles = ("Lat Long: Tide tables online", "Lat Long: Maps of the bay", "Lat Long", "Lat Long", "Lat Long")
    stories = [
        make_article(f"m{n}", [f"Post {n}."], title="Maps", outlet="m.example", metadata={PAGE_TITLE: page_title})
        for n, page_title in enumerate(page_titles)
    ]
    passed = {article.id: article.title for article in articles_without_site_boilerplate(stories)}
    # The others keep none: the blog's heading is no headline of theirs.
    assert passed == {"m0": "Tide tables online", "m1": "Maps of the bay", "m2": None, "m3": None, "m4": None}


def test_a_short_sentence_that_articles_of_no_known_outlet_share_is_their_formula_not_a_template() -> None:
    stories = [
        ["Snow closed the mountain pass above Velden for the third day.", "Ploughs reach it on Friday."],
        ["The town library lends telescopes to members from next month.", "Astronomers gave twelve."],
        ["Tomato growers blame the cold spring for a thin harvest.", "Prices at the market doubled."],
    ]
    formula = "The hearing continues."
    unknown = [make_article(f"u{n}", [*story, formula], outlet=None) for n, story in enumerate(stories)]
    assert articles_without_site_boilerplate(unknown) == []
    # Under a known outlet it is the site's line, as before.
    assert len(articles_without_site_boilerplate([replace(a, outlet="c.example") for a in unknown])) == 3


def _titled(titles: list[str], outlet: str | None = "gazette.example") -> list[Article]:
    return [
        make_article(f"t{number}", _story(number), title=title, outlet=outlet) for number, title in enumerate(titles)
    ]


def test_a_part_three_titles_of_an_outlet_carry_at_an_end_is_its_name_not_the_headline() -> None:
    titles = [
        "» Ferry timetable cut for winter :Harbour Notes",
        "Lighthouse gets a new lamp | Coast Desk - Harbour Notes",
        "Harbour Notes - Crab season opens early",
        "Coast Desk - Tide tables online",
        "School wins prize | Coast Desk",
        "Mill sold to brewers - Nov 6, 2012",
    ]
    passed = {article.id: article for article in articles_without_site_boilerplate(_titled(titles))}
    assert {article_id: article.title for article_id, article in passed.items()} == {
        "t0": "Ferry timetable cut for winter",
        # Once the outlet's name is gone, a third title ends with the section's ("Coast Desk").
        "t1": "Lighthouse gets a new lamp",
        "t2": "Crab season opens early",
        "t3": "Tide tables online",
        "t4": "School wins prize",
        # A date stamp alone at an end is no part of a headline.
        "t5": "Mill sold to brewers",
    }
    assert passed["t1"].metadata[SITE_TITLE] == titles[1]
    # A later pass reads the titles as read and changes nothing more.
    assert articles_without_site_boilerplate(list(passed.values()) + _titled(titles)[len(passed) :]) == []


def test_titles_keep_parts_fewer_than_three_titles_carry_and_a_speakers_colon() -> None:
    # "Mayor:" opens three headlines with their speaker: a colon after a word is no separator.
    titles = ["Mayor: Buses to run later", "Mayor: Winter market opens", "Mayor: School wins prize"]
    titles += ["Museum gets new roof - Arts", "Ferry fares rise - Arts"]
    assert articles_without_site_boilerplate(_titled(titles)) == []


def test_a_title_of_shared_parts_alone_stays_as_it_is() -> None:
    # Three titles share both parts of "Harbour Notes | Coast Desk": no headline would be left of it.
    titles = ["Harbour Notes | Coast Desk", "Ferry fares rise | Coast Desk", "Harbour Notes | Mill sold"]
    titles += ["Harbour Notes | School wins prize", "Buses to run later | Coast Desk"]
    passed = {article.id: article.title for article in articles_without_site_boilerplate(_titled(titles))}
    assert "t0" not in passed
    assert passed["t1"] == "Ferry fares rise"


TEASER = "Harbour pilots strike for a second week"


def _teased(number: int, kept: bool) -> Article:
    """A story whose page lists TEASER among other stories: kept as a paragraph, or removed by the cleaner."""
    teaser = [TEASER] if kept else []
    removed = [] if kept else [RemovedLine(TEASER, "short line after the article (teaser, topic or widget)")]
    return make_article(
        f"s{number}", [*_story(number), *teaser], title=_HEADLINES[number], removed=removed, outlet="c.example"
    )


def test_a_line_the_cleaner_removed_from_other_articles_still_makes_a_kept_copy_the_sites() -> None:
    articles = [_teased(0, kept=True), _teased(1, kept=False), _teased(2, kept=False)]
    assert site_boilerplate(articles) == {paragraph_key(TEASER)}
    passed = {article.id: article for article in articles_without_site_boilerplate(articles)}
    assert passed["s0"].paragraphs == _story(0)
    assert RemovedLine(TEASER, SITE_BOILERPLATE_REASON) in passed["s0"].removed
    # Removed from two articles alone, it is held by too few.
    assert site_boilerplate(articles[1:]) == frozenset()


def test_a_sentence_of_prose_other_pages_removed_is_not_the_sites() -> None:
    # The lead of one article, teased on the site's other pages, where the cleaner removed it.
    lead = _story(0)[0]
    articles = [
        make_article("s0", _story(0), title=_HEADLINES[0]),
        *(
            make_article(f"s{number}", _story(number), title=_HEADLINES[number], removed=[RemovedLine(lead, "teaser")])
            for number in (1, 2)
        ),
    ]
    assert site_boilerplate(articles) == frozenset()


def test_an_articles_own_headline_in_its_text_stays_though_other_pages_list_it() -> None:
    own = make_article("s0", [_HEADLINES[0], *_story(0)], title=_HEADLINES[0], outlet="c.example")
    listed = _HEADLINES[0]
    others = [
        make_article(
            f"s{number}",
            [*_story(number), listed] if number == 1 else _story(number),
            title=_HEADLINES[number],
            removed=[] if number == 1 else [RemovedLine(listed, "teaser")],
            outlet="c.example",
        )
        for number in (1, 2, 3)
    ]
    passed = {article.id: article for article in articles_without_site_boilerplate([own, *others])}
    assert "s0" not in passed
    assert passed["s1"].paragraphs == _story(1)

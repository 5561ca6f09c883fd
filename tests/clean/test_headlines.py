from __future__ import annotations

import pytest

from newstrace.clean.headlines import (
    headline_after_site_name,
    headline_of_broken_title,
    is_menu,
    is_section_label,
    is_site_banner,
    is_skip_link,
    lists_the_sites_sections,
    mostly_figures,
    names_the_site_within,
    row_headline,
    site_names,
    title_line,
    without_leading_sections,
    without_site_name_tail,
    without_skip_links,
    without_trailing_sections,
)


def test_a_sites_name_is_told_by_its_outlet_and_by_its_address() -> None:
    assert site_names("The Valley Courier", "https://www.valleycourier.example/2025/06/story") == (
        "thevalleycourier",
        "valleycourierexample",
        "valleycourier",
    )
    # Labels of fewer than four letters name no site a headline could spell by chance.
    assert site_names(None, "https://news.bbc.example/x") == ("newsbbcexample", "bbcexample", "news")
    # A subdomain's site goes by its parent's name too ("NFL.com" on blogs.nfl.com).
    assert site_names(None, "https://blogs.gazette.example/post") == (
        "blogsgazetteexample",
        "gazetteexample",
        "blogs",
        "gazette",
    )
    assert site_names(None, "not an address") == ()


def test_a_title_loses_the_sites_name_before_or_after_it_but_not_a_headline_that_opens_with_it() -> None:
    names = site_names(None, "https://adabrennansnotebook.example/2025/06/late-room")
    assert headline_after_site_name("Ada Brennan’s Notebook: Late room opens", names) == "Late room opens"
    assert headline_after_site_name("Late room opens « Ada Brennan's Notebook", names) == "Late room opens"
    assert headline_after_site_name("Ada Brennan's Notebook", names) == "Ada Brennan's Notebook"
    # A headline that names the site in its words, or a one-word site name, stays whole.
    assert headline_after_site_name("Ada Brennan's Notebook turns ten", names) == "Ada Brennan's Notebook turns ten"
    # The site's name and a day are no headline to cut down to the day.
    state = site_names(None, "https://www.thestate.example/politics/story/1.html")
    assert headline_after_site_name("The State | 01/19/2008", state) == "The State | 01/19/2008"
    nintendo = site_names(None, "https://www.nintendo.example/news")
    assert headline_after_site_name("Nintendo: console sales pass a million", nintendo) == (
        "Nintendo: console sales pass a million"
    )
    # After the headline, the site's name may be one word with a few more; a longer part is the headline's.
    assert headline_after_site_name("Kiosks go up - Nintendo Official Site", nintendo) == "Kiosks go up"
    assert headline_after_site_name("Console review - Nintendo fans will love the pad", nintendo) == (
        "Console review - Nintendo fans will love the pad"
    )


def test_a_sites_banner_is_its_name_alone_or_with_one_more_word() -> None:
    names = site_names(None, "https://www.planet-racing.example/story/1")
    assert is_site_banner("Planet-Racing News", names)
    assert is_site_banner("Planet Racing", names)
    # "Site: Headline" holds the headline; more words after the name are a headline's.
    assert not is_site_banner("Planet Racing: Hamlin wins", names)
    assert not is_site_banner("Planet Racing fans cheer the new season", names)
    assert not is_site_banner("Planet Racing", ())


def test_a_menu_and_a_time_stamp_are_no_headlines() -> None:
    assert is_menu("News of the Valley | Sport | Jobs | Homes for Sale | Motoring | More")
    assert not is_menu("Ferry to Holm sails again | Island news | The Lakeside Courier")
    assert mostly_figures("1/10/2008, 6:07 a.m. EST")
    assert not mostly_figures("NBA: Denver 124, Golden State 120")
    assert not mostly_figures("")


def test_skip_links_are_no_headline_and_leave_a_title_they_were_glued_to() -> None:
    assert is_skip_link("Skip to main content")
    assert is_skip_link("Jump to navigation Jump to search")
    assert not is_skip_link("Skipping to the front: how queues work")
    assert without_skip_links("Ferry sails again skip to main | skip to sidebar") == "Ferry sails again"
    # Within a headline the words say something else.
    assert without_skip_links("Commuters skip to the front of the ferry queue") == (
        "Commuters skip to the front of the ferry queue"
    )


def test_a_sites_name_may_open_with_the_article_its_address_drops() -> None:
    names = site_names(None, "https://www.harbourledger.example/blog/1")
    assert is_site_banner("The Harbour Ledger Blog", names)
    assert headline_after_site_name("Ferry bought at last | The Harbour Ledger", names) == "Ferry bought at last"
    # A headline opening with the site's name and going on is still a headline.
    assert not is_site_banner("The Harbour Ledger turns one hundred this spring", names)


def test_a_scraped_pages_first_line_is_its_title_line_where_it_has_a_titles_parts() -> None:
    assert title_line("\n  Harbour Notes: Board votes on new crane\nHome\nAbout\n") == (
        "Harbour Notes: Board votes on new crane"
    )
    assert title_line("Board votes on new crane « Harbour Notes\nHome") == "Board votes on new crane « Harbour Notes"
    # A first line of one part, or a paragraph, is no title line.
    assert title_line("Harbour Notes\nBoard votes on new crane") is None
    assert title_line("The board met - " + "and voted on the crane " * 20 + "\nMore") is None
    assert title_line("") is None


def test_a_tables_row_gives_its_one_cell_of_words_as_the_headline() -> None:
    assert (
        row_headline("| Harbour board votes to rebuild the north pier | | |")
        == "Harbour board votes to rebuild the north pier"
    )
    # Links beside the headline's cell are no part of it; a bar inside a cell is the cell's own.
    assert (
        row_headline("| Ferry \\| timetable to stay as it is | \\| Print \\| | Email |")
        == "Ferry | timetable to stay as it is"
    )
    # A row of a date, a programme and the weather holds no headline; a line that is no row is no row.
    assert row_headline('| | Jan 15, 2026 | Tonight: "The Council Hour" | Weather: snow, high 4 |') == ""
    assert row_headline("| Home | News | Sport |") == ""
    menu = "| Local News \\| State News \\| National News \\| Obituaries \\| Court Report \\| News Archive | |"
    assert row_headline(menu) == ""
    assert row_headline("Harbour board votes to rebuild the north pier") is None


def test_a_short_title_part_holds_the_sites_name_when_its_words_run_together_lie_in_the_address() -> None:
    names = site_names(None, "https://www.westmeregazetteonline.example/news/1")
    assert names_the_site_within("Lakeside Westmere Gazette", names)
    assert names_the_site_within("Westmere Gazette Online", names)
    # One word of the name is no run; a headline of many words is no site's name.
    assert not names_the_site_within("Gazette", names)
    assert not names_the_site_within("Bridge to close for repairs", names)
    assert not names_the_site_within("Westmere Gazette readers vote to keep the old stone bridge open", names)


@pytest.mark.parametrize(
    ("title", "lists"),
    [
        ("Westmere Gazette - News, Sports, Business, Opinion and Weather", True),
        ("Latest ferry news, timetables, reports", True),
        ("Fire, floods and storms hit the coast", False),
        # A headline's list ends in its clause.
        ("Sports, politics and money: how the council race was won", False),
        ("Harbour board votes to rebuild the north pier", False),
    ],
)
def test_a_title_that_lists_the_sites_sections_is_no_headline(title: str, lists: bool) -> None:
    assert lists_the_sites_sections(title) is lists


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Harbour board votes to rebuild the pier - Local - News", "Harbour board votes to rebuild the pier"),
        ("Ferry timetable to stay as it is | Breaking news", "Ferry timetable to stay as it is"),
        # A last part that is no section's name stays, and so does a headline that would be too short.
        (
            "Harbour board votes to rebuild the pier - Westmere Gazette",
            "Harbour board votes to rebuild the pier - Westmere Gazette",
        ),
        ("Pier - News", "Pier - News"),
    ],
)
def test_a_titles_trailing_sections_go(title: str, headline: str) -> None:
    assert without_trailing_sections(title) == headline


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("World -- Harbour board votes to rebuild the pier", "Harbour board votes to rebuild the pier"),
        ("Opinion | The pier is worth rebuilding", "The pier is worth rebuilding"),
        ("Westmere Gazette :: Harbour board votes to rebuild the pier", "Harbour board votes to rebuild the pier"),
        # A name that is neither a section's nor the site's, and "Reports:", say part of the headline.
        ("Mayor: the pier will reopen in May", "Mayor: the pier will reopen in May"),
        ("Reports: pier to close for two years", "Reports: pier to close for two years"),
        ("News: Pier shut", "News: Pier shut"),
    ],
)
def test_a_titles_leading_section_or_site_goes(title: str, headline: str) -> None:
    names = site_names(None, "https://www.westmeregazette.example/news/1")
    assert without_leading_sections(title, names) == headline


def test_a_broken_title_is_no_headline() -> None:
    assert headline_of_broken_title('Gazetteww.westmere.example/search.xml" />') is None
    assert headline_of_broken_title("<a href='http://ads.example/click'><img src='x'></a>") is None
    # A breadcrumb trail: no headline, unless its last step reads as one (words by characters in Japanese).
    assert headline_of_broken_title("Gazette > News > Local News > Story") is None
    assert headline_of_broken_title("Home > World > Rebels take the port of Kessa") == "Rebels take the port of Kessa"
    assert headline_of_broken_title("童話集 > きょうの童話 > 欲張りなイヌ") == "欲張りなイヌ"
    # Headlines with a ">" or a "<" stay.
    assert headline_of_broken_title("Rents > wages for a third year") == "Rents > wages for a third year"
    assert headline_of_broken_title("Turnout < 40% in the harbour ward") == "Turnout < 40% in the harbour ward"


def test_a_date_stamp_after_the_headline_goes() -> None:
    assert without_trailing_sections("Ferry fares rise again | January 15, 2008") == "Ferry fares rise again"
    assert without_trailing_sections("Ferry fares rise - News - Nov 6, 2012") == "Ferry fares rise"
    # Fewer than three words of headline would be left: the title stays.
    assert without_trailing_sections("Fares rise - January 15, 2008") == "Fares rise - January 15, 2008"


@pytest.mark.parametrize(
    ("title", "address", "headline"),
    [
        (
            "Harbour dues rise again: News: Business: Holmstad24",
            "https://www.holmstad24.example/a",
            "Harbour dues rise again",
        ),
        (
            "Ferry link reopens after storm_English_Westwire",
            "https://news.westwirenet.example/a",
            "Ferry link reopens after storm",
        ),
        (
            "Council approves new bridge (from Westmere Times)",
            "https://www.westmeretimes.example/a",
            "Council approves new bridge",
        ),
        (
            "Moreau through to second round- Tennis-Sections-Harbourtimes Sports",
            "https://sports.harbourtimes.example/a",
            "Moreau through to second round",
        ),
        (
            "Mayor defends harbour plan | KHLM-TV - Holmstad, Westshire",
            "https://www.khlmtv.example/a",
            "Mayor defends harbour plan",
        ),
        ("Holmstad votes on dues / Online News @ TheGull", "https://thegull.example/a", "Holmstad votes on dues"),
        # A colon inside the headline is not the site's; the site's name after the dash is.
        (
            "High court rules: Reyes guilty - Holmstad Gazette",
            "https://holmstadgazette.example/a",
            "High court rules: Reyes guilty",
        ),
        # One hyphen between words makes a compound, not a part ("Open-Source").
        (
            "Port opens its Open-Source Gazette data",
            "https://gazette.example/a",
            "Port opens its Open-Source Gazette data",
        ),
        # Too few words of headline would be left.
        ("Dues rise - Holmstad Gazette", "https://holmstadgazette.example/a", "Dues rise - Holmstad Gazette"),
        # A last part naming another site stays.
        (
            "Ferry link reopens after storm - Westmere Times",
            "https://holmstadgazette.example/a",
            "Ferry link reopens after storm - Westmere Times",
        ),
    ],
)
def test_the_sites_name_and_its_sections_at_a_titles_end_go(title: str, address: str, headline: str) -> None:
    assert without_site_name_tail(title, site_names(None, address)) == headline


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("News", True),
        ("Breaking News", True),
        ("Local Sports Wire", True),
        ("All The News", True),
        ("Recent Features", True),
        # A headline, however short, names something.
        ("Holmstad votes", False),
        ("Harbour News wins award for ferry coverage", False),
        ("", False),
    ],
)
def test_a_sections_label_is_no_headline(title: str, label: bool) -> None:
    assert is_section_label(title) is label


def test_lynxs_list_of_feeds_is_no_title_line() -> None:
    dump = "   #[1]Westmere Gazette » Feed [2]Westmere Gazette » Comments Feed\n\n   * [3]Home\n"
    assert title_line(dump) is None
    assert title_line("#3 (and a few other stuffs) - Harbour Monthly Blog\nText") == (
        "#3 (and a few other stuffs) - Harbour Monthly Blog"
    )

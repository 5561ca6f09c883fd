from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from newstrace.clean import clean_page
from newstrace.clean.credits import post_line_author
from newstrace.clean.dates import (
    choose_article_date,
    confirmed_figure_date,
    date_from_url,
    date_line_of,
    fewest_days_apart,
    find_dates,
    is_comment_stamp,
    is_date_line,
    is_update,
    metadata_time,
    month_day,
    parse_wire_date,
    publication_date,
    resolve_weekday,
    stamp_of_date_line,
)
from newstrace.model import Page


def _offset(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fair opened on December 1, 2023, in the square.", date(2023, 12, 1)),
        ("Published Dec. 5, 2022", date(2022, 12, 5)),
        ("Wednesday, 14 February 2024, 12:22", date(2024, 2, 14)),
        ("Stand 12.06.2023, 10:14 Uhr", date(2023, 6, 12)),
        ("posted 2021-08-30T10:00:00Z", date(2021, 8, 30)),
        ("el 3 de marzo de 2022", date(2022, 3, 3)),
        ("Posted 10/18/2012 at 9:14 am", date(2012, 10, 18)),
        ("Updated 18/10/2012 09:14", date(2012, 10, 18)),
        ("on 7/7/2012", date(2012, 7, 7)),
        ("发布时间：2024年3月4日 10:30", date(2024, 3, 4)),
        ("2023년 11월 9일 오전 10시", date(2023, 11, 9)),
        ("Saturday 12-Jan-2008 11:48 AM", date(2008, 1, 12)),
        ("[ Published: 8-Sept-2021 ]", date(2021, 9, 8)),
        # A comma after the month; hyphens as slashes, read only where one reading is possible.
        ("Jan, 15, 2008", date(2008, 1, 15)),
        ("12-30-2007, 02h53", date(2007, 12, 30)),
        ("30-12-2007 14:02", date(2007, 12, 30)),
        # The time run into the year, as a page's date and time spans scrape.
        ("September 12, 20253:42 PM GMTUpdated 2 hours ago", date(2025, 9, 12)),
        ("12 September 202511:05", date(2025, 9, 12)),
    ],
)
def test_explicit_dates(text: str, expected: date) -> None:
    assert [found.value for found in find_dates(text)] == [expected]


def test_no_date_from_bare_numbers_or_impossible_days() -> None:
    assert find_dates("He scored 12 goals in 2023 and may 5 more.") == []
    assert find_dates("February 30, 2024") == []
    assert find_dates("2024年13月4日") == []
    # Month first in the US, day first elsewhere: a slashed date both could read is no date.
    assert find_dates("Posted 09/08/2012") == []
    assert find_dates("Posted 09-08-2012") == []
    assert find_dates("Call 555-12-2008 or score 3-2 in 2008") == []
    assert find_dates("Scores 3/45/2012 and 1/2/20123, path /12/14/2012/") == []
    # A number run into the year is no time.
    assert find_dates("On September 12, 20256 people signed it") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 6 November 2012 was a Tuesday, 11 June a Monday: the weekday tells the reading.
        ("Tuesday, 11.06.2012 / 4:54 PM / News", [date(2012, 11, 6)]),
        ("Monday, 11.06.2012", [date(2012, 6, 11)]),
        ("Tue 11/06/2012 9:14 am", [date(2012, 11, 6)]),
        ("Mon. 11/06/2012", [date(2012, 6, 11)]),
        # Without a weekday, or one that fits neither reading: dots day first, slashes no date.
        ("11.06.2012", [date(2012, 6, 11)]),
        ("Sunday, 11.06.2012", [date(2012, 6, 11)]),
        ("Sunday, 11/06/2012", []),
        # Only one reading is a day: the weekday cannot change it.
        ("Tuesday, 13.06.2012", [date(2012, 6, 13)]),
    ],
)
def test_a_weekday_before_a_date_in_figures_tells_which_reading_it_is(text: str, expected: list[date]) -> None:
    assert [found.value for found in find_dates(text)] == expected


def test_date_lines_are_mostly_a_date() -> None:
    assert is_date_line("Published 3:42 PM EST, Tue March 5, 2024") == date(2024, 3, 5)
    assert is_date_line("Article Launched: 01/14/2008 02:57:26 AM PST") == date(2008, 1, 14)
    assert is_date_line("Last Update: 12/30/2007 11:25 am") == date(2007, 12, 30)
    assert is_date_line("The vote took place on March 5, 2024 in the capital city hall.") is None
    assert is_date_line("发布时间：2024年3月4日 10:30 来源：新华网") == date(2024, 3, 4)
    assert is_date_line("公開 2024年3月4日 10時30分") == date(2024, 3, 4)
    assert is_date_line("2024년 3월 4일 오전 10시 30분 입력") == date(2024, 3, 4)


def test_weekday_resolution() -> None:
    thursday = date(2024, 12, 26)
    assert resolve_weekday(5, thursday, on_or_before=False) == date(2024, 12, 28)
    assert resolve_weekday(2, thursday, on_or_before=False) == date(2024, 12, 25)
    assert resolve_weekday(5, thursday, on_or_before=True) == date(2024, 12, 21)


def test_wire_dates_are_day_first() -> None:
    assert parse_wire_date("01/03/00") == date(2000, 3, 1)
    assert parse_wire_date("31/12/99") == date(1999, 12, 31)
    assert parse_wire_date("31/13/99") is None


def test_article_date_prefers_metadata_and_never_guesses() -> None:
    assert choose_article_date("2024-05-20T09:00:00Z", [], None, [], []) == (date(2024, 5, 20), "metadata")
    assert choose_article_date(None, [], None, [], ["Officials met on Friday to talk."]) == (None, None)
    # A date of history in the lede is not the article's date; "on <date>" is.
    assert choose_article_date(None, [], None, [], ["The firm, founded in May 2, 1998, grew."]) == (None, None)
    assert choose_article_date(None, [], None, [], ["Talks ended on March 3, 2024 in Rome."]) == (
        date(2024, 3, 3),
        "lede",
    )
    # A page saved as one paragraph holds the whole report there: "on <date>" far into it is history.
    long_lede = "The Holmstad ferry resumed sailing after a long refit. " * 10 + "It was launched on May 4, 1998."
    assert choose_article_date(None, [], None, [], [long_lede]) == (None, None)
    # The reported day named in the lede stands; a weekday further on tells of another day.
    lede = "Talks ended on March 3, 2024 in Rome. The envoys had arrived on Thursday and leave on Monday."
    assert choose_article_date(None, [], None, [], [lede]) == (date(2024, 3, 3), "lede")
    # A caption's date is the picture's day: the lede's first weekday says which day near it (Sunday
    # March 3) was reported, here the Thursday before.
    assert choose_article_date(None, [], None, ["Envoys in Rome, March 3, 2024 (AP Photo)"], [lede]) == (
        date(2024, 2, 29),
        "weekday in the lede, anchored on the caption date",
    )


@pytest.mark.parametrize(
    "caption",
    [
        "FILE - Envoys in Rome, March 3, 2019. (AP Photo/Ada Brennan)",
        "Envoys in Rome, March 3, 2019. (AP Photo/Ada Brennan, File)",
        "In this March 3, 2019 file photo, envoys meet in Rome.",
        "Archivbild: Gesandte in Rom am 3. März 2019.",
    ],
)
def test_a_file_photos_caption_dates_the_photo_not_the_article(caption: str) -> None:
    lede = "The envoys met again on Thursday in Rome to sign the treaty."
    assert choose_article_date(None, [], None, [caption], [lede]) == (None, None)
    # The same caption of a photo of the day dates the article.
    current = (
        caption.replace("FILE - ", "").replace(", File)", ")").replace(" file photo", "").replace("Archivbild: ", "")
    )
    assert choose_article_date(None, [], None, [current], [lede])[0] is not None


def test_dates_are_found_anywhere_in_a_long_text_and_nowhere_else() -> None:
    filler = "The committee met again and heard from residents about the plan for the river. " * 60
    text = (
        "On March 3, 2021 the council voted. "
        + filler
        + "A second vote followed on 14 de septiembre   de 2022, "
        + filler
        + "and the report is dated 2023-05-06, its annex 07.08.2024; nothing happened in 1999x or 20245."
    )
    found = find_dates(text)
    assert [item.value.isoformat() for item in found] == ["2021-03-03", "2022-09-14", "2023-05-06", "2024-08-07"]
    for item in found:
        assert find_dates(text[item.start : item.end])[0].value == item.value


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Maria July 7, 2012 at 2:31 pm", True),
        ("Erin — June 25th, 2012, 12:21 am", True),
        ("4 Dori November 13, 2012 at 10:49 am", True),
        ("tim — July 17th, 2012, 8:35 pm", True),
        ("last updated July 5, 2012 at 10:32", False),
        ("Posted on July 12th, 2012", False),
        ("Wednesday, 14 February 2024, 12:22", False),
        # A weekday's name in another language before the stamp is no commenter's.
        ("Selasa, 14 Oktober 2025 18:42 WIB", False),
        ("Dienstag, 14. Oktober 2025, 18:42 Uhr", False),
        ("Updated 12:22 pm, July 5, 2012", False),
        ("June 29, 2012", False),
        # An agency's credit, or the publication's label, before the stamp.
        ("PTI | Updated: Oct 14, 2025, 21:10 IST", False),
        ("Reuters | Oct 14, 2025 08:10 IST", False),
        ("Newsdesk | Published: Oct 14, 2025, 21:10", False),
    ],
)
def test_a_comments_time_stamp_is_told_from_a_date_line(line: str, stamp: bool) -> None:
    assert is_date_line(line) is not None
    assert is_comment_stamp(line) is stamp


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.org/2012/08/09/bridge-reopens", date(2012, 8, 9)),
        ("https://news.example.org/local/2012-08-09-bridge-reopens.html", date(2012, 8, 9)),
        ("https://news.example.org/20120809/bridge", date(2012, 8, 9)),
        ("https://news.example.org/2012/8/9/bridge", date(2012, 8, 9)),
        # Within a name, or as the start of a time stamp (hours and minutes, and seconds).
        ("https://news.example.org/local/news_20120809-bridge.htm", date(2012, 8, 9)),
        ("https://news.example.org/story/201208091234", date(2012, 8, 9)),
        ("https://news.example.org/story/20120809123456ab.html", date(2012, 8, 9)),
        # A month's folder before a name of the day's stamp: the stamp's day, not the month's "20".
        ("https://news.example.org/2008/01/20080109_46221_news.html", date(2008, 1, 9)),
        # A month names no day; another run of digits is none; the query string is not the path.
        ("https://news.example.org/2012/08/bridge", None),
        ("https://news.example.org/story/2012080912", None),
        ("https://news.example.org/item/9920120809", None),
        ("https://news.example.org/story/20121409", None),
        ("https://news.example.org/bridge?day=2012/08/09/", None),
        # A folder of its own, day first; a day the query gives as a path of its own; ids are no days.
        ("https://sport.example.org/18012008/1/harbour-cup-draw.html", date(2008, 1, 18)),
        ("https://news.example.org/apps/pbcs.dll/article?AID=/20080102/SPORTS09/801020434", date(2008, 1, 2)),
        ("https://news.example.org/story/20344815/bridge", None),
        ("https://news.example.org/apps/news?pid=20601088&sid=aMCPG", None),
        # A month's name, whole or shortened, in any case; a folder that only opens with one is none.
        ("https://news.example.org/world/2019/nov/18/harbour-strike", date(2019, 11, 18)),
        ("https://news.example.org/news/2008/January/10/cup-draw", date(2008, 1, 10)),
        ("https://news.example.org/2019/sept/3/bridge", date(2019, 9, 3)),
        ("https://news.example.org/2019/marketing/12/bridge", None),
        ("https://news.example.org/2019/mayor/12/bridge", None),
        ("https://news.example.org/2019/nov/31/bridge", None),
        (None, None),
    ],
)
def test_the_day_a_pages_address_spells_out(url: str | None, expected: date | None) -> None:
    assert date_from_url(url) == expected


def test_an_address_dates_an_article_where_its_text_does_not_or_gives_a_day_far_from_it() -> None:
    body = "\n\n".join(
        [
            "Westmere reopens its stone bridge",
            "The town council of Westmere reopened the old stone bridge over the river Alder on Tuesday, "
            "eleven months after work began.",
            "Shopkeepers on both banks said trade had already picked up as drivers left the ring road.",
        ]
    )
    url = "https://news.example.org/2025/03/04/westmere-bridge"
    [undated] = clean_page(Page(source="a.jsonl:1", content_hash="a", format="jsonl", names=("a",), text=body, url=url))
    assert (undated.date, undated.date_source) == ("2025-03-04", "address")
    dated_text = body.replace("\n\nThe town", "\n\n5 March 2025\n\nThe town")
    [dated] = clean_page(
        Page(source="b.jsonl:1", content_hash="b", format="jsonl", names=("b",), text=dated_text, url=url)
    )
    # A day or two off is the text's to tell (a time zone, a stamp after midnight).
    assert (dated.date, dated.date_source) == ("2025-03-05", "date line")
    # Weeks off, the text's date is another day's (an update, a sidebar, a comment): the address's stands.
    later_text = body.replace("\n\nThe town", "\n\n5 April 2025\n\nThe town")
    [later] = clean_page(
        Page(source="c.jsonl:1", content_hash="c", format="jsonl", names=("c",), text=later_text, url=url)
    )
    assert (later.date, later.date_source) == ("2025-03-04", "address")


def test_an_address_outweighs_metadata_weeks_from_it_and_agrees_with_metadata_near_it() -> None:
    body = "Westmere reopens its stone bridge\n\nThe town council of Westmere reopened the old stone bridge on Tuesday."
    url = "https://news.example.org/local/2025/03/04/westmere-bridge"

    def dated(metadata_date: str) -> tuple[str | None, str | None]:
        page = Page(
            source="a.jsonl:1", content_hash="a", format="jsonl", names=("a",), text=body, url=url, date=metadata_date
        )
        [article] = clean_page(page)
        return article.date, article.date_source

    # Weeks off, the metadata holds another day (the day the page was saved, a claim's date).
    assert dated("2025-04-16") == ("2025-03-04", "address")
    # A day off is the metadata's to tell (a time zone).
    assert dated("2025-03-05") == ("2025-03-05", "metadata")


def _stamped(*stamps: str) -> str:
    return (
        "<html><body>" + "".join(f"<div class='stamp'>{stamp}</div>" for stamp in stamps) + "<p>Text.</p></body></html>"
    )


@pytest.mark.parametrize(
    ("html", "url", "expected"),
    [
        # Read day first (1 September) from a page that writes it in figures alone, with nothing to tell.
        (_stamped("Posted 01/09/2008"), None, None),
        # The page's other figure dates put the month first (28 > 12), or the day first.
        (_stamped("Posted 01/09/2008", "Updated 12/28/2007"), None, date(2008, 1, 9)),
        (_stamped("Posted 01/09/2008", "Updated 28/12/2007"), None, date(2008, 9, 1)),
        # A North American time zone after the time.
        (_stamped("Article launched: 01/09/2008 09:37:25 PM PST"), None, date(2008, 1, 9)),
        # The address names the year and the month.
        (_stamped("Posted 01/09/2008"), "https://news.example/2008/01/ferry-bought", date(2008, 1, 9)),
        (_stamped("Posted 01/09/2008"), "https://news.example/2008/09/ferry-bought", date(2008, 9, 1)),
        # The page says the date in words or as ISO too: nothing to doubt.
        (_stamped("Posted 01/09/2008", "1 September 2008"), None, date(2008, 9, 1)),
        (_stamped("<time datetime='2008-09-01'>01/09/2008</time>"), None, date(2008, 9, 1)),
        # The page states the other reading year first, as a script's variable may.
        (_stamped("Posted 01/09/08", "<script>pubdate='2008/01/09';</script>"), None, date(2008, 1, 9)),
        # Two figures of the year read the same way as four.
        (_stamped("Posted 01/09/08 4:10 PM EST"), None, date(2008, 1, 9)),
    ],
)
def test_a_metadata_date_in_figures_that_read_either_way_is_read_by_the_pages_evidence_or_not_at_all(
    html: str, url: str | None, expected: date | None
) -> None:
    assert confirmed_figure_date(date(2008, 9, 1), html, url) == expected


def test_a_metadata_date_that_only_one_reading_allows_stands() -> None:
    # A day over 12, a day equal to the month, or a date the page gives in no figures at all.
    assert confirmed_figure_date(date(2008, 1, 28), _stamped("Posted 01/28/2008"), None) == date(2008, 1, 28)
    assert confirmed_figure_date(date(2008, 3, 3), _stamped("Posted 03/03/2008"), None) == date(2008, 3, 3)
    assert confirmed_figure_date(date(2008, 9, 1), _stamped("No date here"), None) == date(2008, 9, 1)


def test_a_space_before_the_comma_of_a_date_still_makes_a_date() -> None:
    # Pages laid out in table cells print "Wednesday , January 9 , 2008".
    assert [found.value for found in find_dates("Wednesday , January 9 , 2008")] == [date(2008, 1, 9)]
    assert [found.value for found in find_dates("9 January , 2008")] == [date(2008, 1, 9)]
    assert is_date_line("Wednesday , January 9 , 2008")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated March 10, 2024 | Published March 3, 2024", date(2024, 3, 3)),
        ("Published March 3, 2024 | Updated March 10, 2024", date(2024, 3, 3)),
        ("First published March 3, 2024; last modified on March 10, 2024", date(2024, 3, 3)),
        ("Actualizado el 10 de marzo de 2024 | Publicado el 3 de marzo de 2024", date(2024, 3, 3)),
        # An update's date alone is the only date the line gives.
        ("By Ana Ruiz Updated Mar 10, 2024, 10:28am EST", date(2024, 3, 10)),
    ],
)
def test_a_lines_publication_date_goes_before_its_updates(line: str, expected: date) -> None:
    assert publication_date(line, find_dates(line))[0].value == expected


@pytest.mark.parametrize(
    "header",
    [
        "Updated: March 10, 2024\nPublished: March 3, 2024",
        "Published: March 3, 2024\nUpdated: March 10, 2024",
        "Updated March 10, 2024 | Published March 3, 2024",
        "Published March 3, 2024 at 6:12 p.m. | Updated March 10, 2024 at 9:40 p.m.",
    ],
)
def test_an_article_is_dated_by_its_publication_not_its_update(header: str) -> None:
    text = (
        "Westmere reopens its stone bridge\n\n" + header + "\n\n"
        "The town council of Westmere reopened the old stone bridge over the river Alder on Tuesday, eleven "
        "months after work began on its repair.\n\n"
        "Shopkeepers on both banks said trade had already picked up as drivers left the ring road again.\n"
    )
    [article] = clean_page(Page(source="a", content_hash="a", format="text", names=("a",), text=text))
    assert article.date == "2024-03-03"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published March 3, 2025 at 6:12 p.m. | Updated March 3, 2025 at 9:40 p.m.", date(2025, 3, 3)),
        ("Updated March 10, 2024 | Published March 3, 2024", date(2024, 3, 3)),
        # Two dates without an update's label are a period, not a date line.
        ("March 3, 2025 - April 5, 2025", None),
        ("From March 3, 2025 to April 5, 2025", None),
    ],
)
def test_a_line_of_a_publications_date_and_its_updates_is_a_date_line(line: str, expected: date | None) -> None:
    assert is_date_line(line) == expected


def test_a_text_date_outside_the_month_an_address_names_is_not_the_articles() -> None:
    def dated(date_line: str) -> tuple[str | None, str | None]:
        text = (
            "Westmere reopens its stone bridge\n\n" + date_line + "\n\n"
            "The town council of Westmere reopened the old stone bridge over the river Alder on Tuesday, eleven "
            "months after work began on its repair.\n\n"
            "Shopkeepers on both banks said trade had already picked up as drivers left the ring road again.\n"
        )
        url = "https://blog.example.org/2012/08/westmere-bridge/"
        [article] = clean_page(Page(source="a", content_hash="a", format="text", names=("a",), text=text, url=url))
        return article.date, article.date_source

    assert dated("Posted on: 08-16-2012") == ("2012-08-16", "date line")
    # A day or two into the next month is a time zone's; four years before, another post's.
    assert dated("Posted on: September 1, 2012") == ("2012-09-01", "date line")
    assert dated("Posted on: 07-28-2008") == (None, None)


@pytest.mark.parametrize(
    "line",
    [
        "Since 1st March, 1999",
        "Until June 3, 2024",
        "Seit 1. März 1999",
        "Established 1 March 1999",
        "Est. March 1, 1999",
    ],
)
def test_a_date_that_opens_or_closes_a_period_is_no_date_line(line: str) -> None:
    # An archive's first day over every page of a site ("ARCHIVES / Since 1st March, 1999").
    assert is_date_line(line) is None


def test_a_labelled_date_is_still_a_date_line() -> None:
    assert is_date_line("Published March 3, 2024") == date(2024, 3, 3)


@pytest.mark.parametrize(
    "text",
    ["15 Januari 2024", "15 januari 2024", "15 января 2024 г.", "15 Desember 2024", "15 декабря 2024"],
)
def test_dates_in_indonesian_dutch_and_russian(text: str) -> None:
    [found] = find_dates(text)
    assert found.value.day == 15 and found.value.year == 2024 and found.value.month in (1, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mis à jour le 3 déc. 2025", date(2025, 12, 3)),
        ("Aktualisiert: 3. Dez. 2025, 11:02 Uhr", date(2025, 12, 3)),
        ("Publicado el 3 dic 2025", date(2025, 12, 3)),
        ("Pubblicato il 14 lug 2024", date(2024, 7, 14)),
        ("Publié le 9 févr. 2024", date(2024, 2, 9)),
        ("Gepubliceerd op 4 okt 2023", date(2023, 10, 4)),
    ],
)
def test_short_month_names_of_other_languages(text: str, expected: date) -> None:
    assert [found.value for found in find_dates(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Publié le 03/12/2025 à 09h14", [date(2025, 12, 3)]),
        ("Publicado el 05/04/2024", [date(2024, 4, 5)]),
        ("Veröffentlicht am 05/04/2024", [date(2024, 4, 5)]),
        # An English label leaves a date both readings allow undecided, as before.
        ("Published 05/04/2024", []),
    ],
)
def test_a_label_in_a_language_that_writes_the_day_first_reads_a_date_in_figures(
    text: str, expected: list[date]
) -> None:
    assert [found.value for found in find_dates(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "12 listopada 2025",
        "12. listopadu 2025",
        "12 листопада 2025",
        "12 noiembrie 2025",
        "12. marraskuuta 2025",
        "12 Νοεμβρίου 2025",
    ],
)
def test_dates_in_polish_czech_ukrainian_romanian_finnish_and_greek(text: str) -> None:
    assert [found.value for found in find_dates(text)] == [date(2025, 11, 12)]


def test_a_first_name_that_is_a_month_in_some_language_stays_a_name() -> None:
    # Polish "maja" (of May) and Turkish "Kasım" (November) name people too: left out of the months.
    assert find_dates("Maja 12 2025") == []
    assert post_line_author("Posted by Maja Novak on 12 listopada 2025") == "Maja Novak"


def test_a_month_name_alone_is_no_date() -> None:
    assert find_dates("Mei Ling said the market would open in mei, and again the may 2020 vote") == []


def test_a_date_with_its_year_first_and_slashes_but_not_an_address_path() -> None:
    assert [found.value for found in find_dates("Wed 2012/11/07 19:05 JST")] == [date(2012, 11, 7)]
    assert is_date_line("Posted 2012/1/5") == date(2012, 1, 5)
    assert find_dates("see https://valley.example/2012/11/07/story") == []
    assert find_dates("2012/13/45") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nov 5", "--11-05"),
        ("Jan. 15", "--01-15"),
        ("September 30", "--09-30"),
        ("15 janvier", "--01-15"),
        ("Feb 29", "--02-29"),
        ("Feb 30", None),
        ("May", None),
        ("Nov 5, 2024", None),
        ("the Nov 5 vote", None),
    ],
)
def test_a_day_without_its_year_is_read_whole_or_not_at_all(text: str, expected: str | None) -> None:
    assert month_day(text) == expected


def test_a_day_without_its_year_lies_as_near_a_date_as_its_years_allow() -> None:
    assert fewest_days_apart(date(2025, 6, 17), date(2025, 6, 20)) == 3
    assert fewest_days_apart(date(2025, 1, 2), "--12-30") == 3  # 30 December 2024
    assert fewest_days_apart("--12-30", date(2025, 1, 2)) == 3
    assert fewest_days_apart(date(2025, 6, 17), "--11-05") == 141
    assert fewest_days_apart("--12-30", "--01-02") == 3
    assert fewest_days_apart(date(2025, 3, 1), "--02-29") == 366  # the nearest 29 February: 2024
    assert fewest_days_apart(date(2025, 3, 1), "--13-01") is None


def test_a_wire_datelines_day_without_its_year_is_kept_and_dates_nothing() -> None:
    text = (
        "BERN, Nov 5 (Reuters) - The canton will double its budget for avalanche research over the next four years, "
        "its environment office said on Wednesday.\n\n"
        "The office said the money would pay for new sensors on twelve slopes above the valley villages."
    )
    [article] = clean_page(Page(source="x", content_hash="x", format="text", names=("x",), text=text))
    assert article.dateline == "BERN"
    assert article.date is None
    assert article.metadata["dateline_day"] == "--11-05"
    assert article.paragraphs[0].startswith("The canton will double")


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("2026-12-01T09:10:00Z", "2026-12-01", "2026-12-01T09:10:00+00:00"),
        ("2026-12-01T09:10:30.250+0200", "2026-12-01", "2026-12-01T09:10:30+02:00"),
        ("2026-12-01 09:10", "2026-12-01", "2026-12-01T09:10:00"),
        # RSS's form: "GMT" is UTC; "-0000" an unknown zone, a naive time.
        ("Tue, 01 Dec 2026 09:10:00 GMT", "2026-12-01", "2026-12-01T09:10:00+00:00"),
        ("1 Dec 2026 09:10:00 +0100", "2026-12-01", "2026-12-01T09:10:00+01:00"),
        ("Tue, 01 Dec 2026 09:10:00 -0000", "2026-12-01", "2026-12-01T09:10:00"),
        # A day alone, midnight (how feeds write a day alone), another day, or no ISO form: no time.
        ("2026-12-01", "2026-12-01", None),
        ("2026-12-01T00:00:00Z", "2026-12-01", None),
        ("2026-12-01T09:10:00Z", "2026-12-02", None),
        ("December 1, 2026, 9:10 AM", "2026-12-01", None),
        ("2026-12-01T25:10:00Z", "2026-12-01", None),
    ],
)
def test_a_metadata_dates_time_of_day(text: str, day: str, expected: str | None) -> None:
    assert metadata_time(text, day) == expected


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("2 min read . Updated: 02 Dec 2026, 06:12 PM IST", date(2026, 12, 2)),
        ("Lesezeit: 3 Min. 02.12.2026", date(2026, 12, 2)),
        ("5-minute read December 2, 2026", date(2026, 12, 2)),
        # A sentence with a date is no date line.
        ("Read for five minutes on December 2, 2026", None),
    ],
)
def test_a_reading_time_beside_the_date_leaves_a_date_line(line: str, day: date | None) -> None:
    found = find_dates(line)
    assert date_line_of(line, found) == day
    assert not is_comment_stamp(line, found)


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("October 14, 2025, 6:05 AM", datetime(2025, 10, 14, 6, 5)),
        # With the zone named after the time, its offset; none where the abbreviation names several.
        ("Updated October 14, 2025, 11:30 p.m. EDT", datetime(2025, 10, 14, 23, 30, tzinfo=_offset(-4))),
        ("Tue, October 14, 2025 at 6:12 AM GMT-4", datetime(2025, 10, 14, 6, 12, tzinfo=_offset(-4))),
        ("October 14, 2025 6:12 AM GMT", datetime(2025, 10, 14, 6, 12, tzinfo=UTC)),
        ("October 14, 2025 6:12 AM IST", datetime(2025, 10, 14, 6, 12)),
        ("Publié le 14/10/2025 à 18h42", datetime(2025, 10, 14, 18, 42)),
        ("14 October 2025 12:00 am", datetime(2025, 10, 14, 0, 0)),
        # Or just before it.
        ("Published 8:40 AM, Oct 14, 2025", datetime(2025, 10, 14, 8, 40)),
        ("10:05 p.m. EDT October 14, 2025", datetime(2025, 10, 14, 22, 5, tzinfo=_offset(-4))),
        # Not the time of the date before it.
        ("13/10/2025 18:42, updated 14/10/2025", None),
        # No time after the date, or none that is a time.
        ("October 14, 2025", None),
        ("October 14, 2025 | 2 min read", None),
        ("October 14, 2025, 13:30 PM", None),
    ],
)
def test_a_date_lines_time_after_its_date(line: str, stamp: datetime | None) -> None:
    assert stamp_of_date_line(line, date(2025, 10, 14)) == stamp


def test_arabic_dates_and_their_labels() -> None:
    assert [found.value for found in find_dates("الأربعاء 4 مارس 2026 - 10:20")] == [date(2026, 3, 4)]
    # The Levantine month's name.
    assert [found.value for found in find_dates("4 آذار 2026")] == [date(2026, 3, 4)]
    assert is_date_line("نشر في 14 أكتوبر 2025")
    line = "آخر تحديث: الثلاثاء 14 أكتوبر 2025 - 06:05 م"
    assert is_date_line(line) and is_update(line, find_dates(line)[0])


def test_a_date_with_the_year_first_and_dots_is_read_and_a_period_is_no_date_line() -> None:
    # Korean and Chinese sites' stamps.
    assert [found.value for found in find_dates("입력 2025.10.14 18:42")] == [date(2025, 10, 14)]
    assert [found.value for found in find_dates("2025. 10. 14.")] == [date(2025, 10, 14)]
    # A version's number is none.
    assert find_dates("v2020.3.1") == []
    assert is_date_line("2025.10.14 18:42")
    assert not is_date_line("2018.04.05 ~ OPEN RUN")

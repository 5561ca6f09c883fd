from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from newstrace.clean import clean_page
from newstrace.clean.credits import (
    agency_byline,
    agency_line,
    author_line_agency,
    author_line_name,
    byline_without_employer,
    byline_without_outlets,
    byline_without_role,
    find_dateline,
    is_credit_paragraph,
    metadata_author,
    name_line,
    names_another_site,
    names_in_credit,
    names_someone,
    parse_byline,
    post_line_author,
    readable_byline,
    split_dateline,
    split_reporter_credit,
    split_sign_off,
)
from newstrace.clean.dates import month_day
from newstrace.clean.line_model import default_line_model
from newstrace.clean.lines import build_lines
from newstrace.clean.text import _keep_the_wire_lede, clean_text
from newstrace.model import Page


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "rest"),
    [
        ("NAIROBI, Kenya (AP) — Rain fell.", "NAIROBI, Kenya", "AP", "Rain fell."),
        ("LIMA, Jan 5 (Reuters) - Prices rose.", "LIMA", "Reuters", "Prices rose."),
        ("PARIS (AFP) – Strikes ended.", "PARIS", "AFP", "Strikes ended."),
        ("WASHINGTON — Congress met.", "WASHINGTON", None, "Congress met."),
        ("LIMA (Reuters) -Prices rose.", "LIMA", "Reuters", "Prices rose."),
        ("Lima, 5 ene (EFE).- Subieron los precios.", "Lima", "EFE", "Subieron los precios."),
        # ANI's country, and state, in brackets after the place.
        ("Pune [India], March 4 (ANI): The college reopened.", "Pune", "ANI", "The college reopened."),
        ("Pune (Maharashtra) [India], March 4 (ANI): It reopened.", "Pune", "ANI", "It reopened."),
        (
            "DENVER, Colo., March 3, 2025 /PRNewswire/ -- Orvale Labs opened.",
            "DENVER, Colo.",
            "PRNewswire",
            "Orvale Labs opened.",
        ),
        ("DENVER--(BUSINESS WIRE)--Orvale Labs opened.", "DENVER", "Business Wire", "Orvale Labs opened."),
        # A month in capitals, and a comma before the agency, as syndicating sites print them.
        ("LIMA, JAN 5 (PTI) — Prices rose.", "LIMA", "PTI", "Prices rose."),
        ("SANTA ROSA, Nueva Ecija, (AP) - Rain fell.", "SANTA ROSA, Nueva Ecija", "AP", "Rain fell."),
        (
            "DENVER, March 3, 2025 (GLOBE NEWSWIRE) -- Orvale Labs opened.",
            "DENVER",
            "GlobeNewswire",
            "Orvale Labs opened.",
        ),
        # After an agency's tag, a colon or no dash at all, as Indian agencies' copy and AP's online
        # copy are printed.
        ("Pune (PTI): Prices rose.", "Pune", "PTI", "Prices rose."),
        ("Kochi, Feb 2 (IANS) Prices rose.", "Kochi", "IANS", "Prices rose."),
        ("LIMA (AP) Rain fell.", "LIMA", "AP", "Rain fell."),
        # The agency's tag first: alone, after a date, or before the place.
        ("(Bloomberg) -- Prices rose.", "", "Bloomberg", "Prices rose."),
        ("Feb. 2 (Bloomberg) -- Prices rose.", "", "Bloomberg", "Prices rose."),
        ("Nov. 30 (UPI) -- Rain fell.", "", "UPI", "Rain fell."),
        ("(Reuters )- Prices rose.", "", "Reuters", "Prices rose."),
        ("(ANSA) - TURIN, FEB 2 - Prices rose.", "TURIN", "ANSA", "Prices rose."),
        ("(ANSA) - TURIN, 2 FEB - Prices rose.", "TURIN", "ANSA", "Prices rose."),
        ("(CNN)Senators met.", "", "CNN", "Senators met."),
        ("Denver (CNN) – Senators met.", "Denver", "CNN", "Senators met."),
        # An agency's name as a word printed in capitals in its tag ("(ANTARA)").
        ("Holm Harbour (ANTARA) - Harga naik.", "Holm Harbour", "Antara", "Harga naik."),
        # AFP's French copy: the country in brackets between the place and the tag.
        ("Lyon (Lakeland) (AFP) - Les prix ont monté.", "Lyon", "AFP", "Les prix ont monté."),
        # CNN's dateline now: the name without brackets between the place and the dash.
        ("Holm Harbour, Lakeland CNN — Senators met.", "Holm Harbour, Lakeland", "CNN", "Senators met."),
        ("Denver CNN — Senators met.", "Denver", "CNN", "Senators met."),
        ("Pyongyang, October 30 (KCNA) — A teahouse opened.", "Pyongyang", "KCNA", "A teahouse opened."),
        # The day before the month, with the year, as AFP's and many papers' datelines print it.
        ("LIMA, 15 January 2008 (AFP) - Prices rose.", "LIMA", "AFP", "Prices rose."),
        # Reuters' story filed from two places.
        ("LIMA/QUITO (Reuters) - Prices rose.", "LIMA/QUITO", "Reuters", "Prices rose."),
        ("SANTA ROSA/LIMA, Feb 2 (Reuters) - Prices rose.", "SANTA ROSA/LIMA", "Reuters", "Prices rose."),
        # TASS's English copy: the agency between slashes after the date, no dash.
        ("MOSCOW, November 18. /TASS/. Prices rose.", "MOSCOW", "TASS", "Prices rose."),
        # TASS's Russian copy: a place in Cyrillic capitals, a hyphen inside it.
        ("ХОЛМ-НОВА, 14 октября. /ТАСС/. Цены выросли.", "ХОЛМ-НОВА", "TASS", "Цены выросли."),
        # Agencies a place in other case than capitals leaves unread unless known.
        ("Zagreb (Hina) - Vlada je objavila.", "Zagreb", "Hina", "Vlada je objavila."),
        ("Athens (ANA-MPA) - The cabinet met.", "Athens", "ANA-MPA", "The cabinet met."),
        # German-speaking agencies; of two tags the first files the report.
        ("Wien (APA/dpa) - Die Regierung tagte.", "Wien", "APA", "Die Regierung tagte."),
        ("Bern (sda) - Die Regierung tagte.", "Bern", "sda", "Die Regierung tagte."),
        ("Berlin (epd) - Die Synode tagte.", "Berlin", "epd", "Die Synode tagte."),
        # Arabic copy: AFP's and Reuters' tags in Arabic, the country in brackets or the day after a comma.
        ("تارسل (فلدمارك) (أ ف ب) - غرقت العبارة.", "تارسل", "AFP", "غرقت العبارة."),
        ("القاهرة، 4 مارس (رويترز) - قال مسؤولون.", "القاهرة", "Reuters", "قال مسؤولون."),
        # A source's tag newstrace has no list for, after a place in capitals: its name is the credit.
        ("LAGOS (NAN) - Prices rose.", "LAGOS", "NAN", "Prices rose."),
        ("PORT LOUIS, May 2 (Island Wire) - Prices rose.", "PORT LOUIS", "Island Wire", "Prices rose."),
        # A date alone before a dash: no place, no agency.
        ("16 January 2008 – The council met.", "", None, "The council met."),
        ("Feb. 23, 2015 -- Orvale Labs opened.", "", None, "Orvale Labs opened."),
        ("Tuesday, March 4, 2025 - Rain fell.", "", None, "Rain fell."),
    ],
)
def test_datelines(paragraph: str, place: str, agency: str | None, rest: str) -> None:
    dateline, remainder = split_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.agency, remainder) == (place, agency, rest)


def test_a_lede_under_two_agencies_tags_is_text_not_a_pictures_caption() -> None:
    # "REUTERS/Ana Ruiz" credits a photographer; "(Reuters/AP)" is the dateline of two agencies' report.
    lede = "KESTREL BAY (Reuters/AP) - The ferry to Holm island sailed again on Monday after three weeks of repairs."
    page = f"Ferry sails again\n\n{lede}\n\nIslanders had relied on a small launch for food and post.\n\nIt went on."
    for model in (None, default_line_model()):
        [article] = clean_text(page, line_model=model)
        assert (article.dateline, article.credit) == ("KESTREL BAY", "Reuters")
        assert article.paragraphs[0].startswith("The ferry to Holm island sailed again")
        assert article.captions == []


@pytest.mark.parametrize(
    ("paragraph", "when"),
    [
        ("Nov. 30 (UPI) -- Rain fell.", "Nov. 30"),
        ("(ANSA) - TURIN, FEB 2 - Prices rose.", "FEB 2"),
        ("(Bloomberg) -- Prices rose.", None),
    ],
)
def test_a_dateline_opening_with_its_agencys_tag_gives_its_day(paragraph: str, when: str | None) -> None:
    dateline, _ = split_dateline(paragraph)
    assert dateline is not None and dateline.when == when
    [article] = clean_text(f"Rain and prices in the north\n\n{paragraph} More followed on the coast.\n\nIt went on.")
    assert article.metadata.get("dateline_day") == (None if when is None else month_day(when))


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "rest"),
    [
        ("新华社杭州5月2日电 市政府周一宣布新建地铁。", "杭州", "Xinhua", "市政府周一宣布新建地铁。"),
        ("新华社杭州5月2日电（记者 林晓）市政府宣布。", "杭州", "Xinhua", "市政府宣布。"),
        ("【ワシントン共同】米政府は発表した。", "ワシントン", "Kyodo", "米政府は発表した。"),
        ("(부산=연합뉴스) 김민수 기자 = 시는 발표했다.", "부산", "Yonhap", "시는 발표했다."),
        # A place of two words, and the correspondent's title.
        ("(뉴욕 시티=연합뉴스) 김민수 특파원 = 시는 발표했다.", "뉴욕 시티", "Yonhap", "시는 발표했다."),
    ],
)
def test_east_asian_wire_datelines(paragraph: str, place: str, agency: str, rest: str) -> None:
    dateline, body = split_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.agency, body) == (place, agency, rest)


@pytest.mark.parametrize(
    "paragraph", ["LONDON (Updated) - Prices rose.", "DALLAS (Photos) - Fans cheered.", "Lagos (NAN) - Prices rose."]
)
def test_a_kickers_or_a_pictures_tag_or_a_place_not_in_capitals_makes_no_unknown_agencys_dateline(
    paragraph: str,
) -> None:
    assert split_dateline(paragraph) == (None, paragraph)


def test_a_chinese_sentence_is_no_dateline() -> None:
    assert split_dateline("新华社记者周一在杭州采访了市长。")[0] is None


def test_ordinary_sentences_are_not_datelines() -> None:
    for paragraph in (
        "The mayor — who was late — spoke.",
        "US officials - and others - agreed.",
        "Paris is calm.",
        # Without an agency, only a dash set apart by spaces marks a dateline.
        "NASA—The agency will launch in May.",
        "Paris (and Lyon) - Strikes ended.",
        # A tag that names no agency, or one in a sentence, is no dateline.
        "Orvale (ORV) Shares rose.",
        "(Photo) - Crowds gathered.",
        "The Press Association (PA) said it would appeal.",
        # An agency's name before a dash in a sentence, no place before it.
        "Reuters — the agency — said it would appeal.",
        "Former Reuters editor Ines Moreau — who left in 2020 — said so.",
        "(AP) reported the vote.",
        "(Updated) Senators met.",
        # A photograph's credit, and a kicker in capitals before a dash.
        "Ines Moreau (Pic:PA)",
        "Harbour pier (Photo: AP) - The crowd waited.",
        "ARCHIVES MOVIE REVIEW - Murder and morals collide in Holmstad.",
        # Kickers of live pages, checks, polls and paid posts.
        "LIVE — Senators met.",
        "FACT CHECK — Senators met.",
        "SPONSORED — Senators met.",
        # A date without its year, a word that is no month or weekday, or no sentence after the dash.
        "March 3 - Rain fell.",
        "Sprint 23, 2015 - Orvale Labs opened.",
        "Someday, March 4, 2025 - Rain fell.",
        "16 January 2008 - and then rain fell.",
        # Slashes around what names no agency.
        "PARIS, May 3. /Photos/. Rain fell.",
    ):
        assert split_dateline(paragraph)[0] is None


def test_bylines() -> None:
    assert parse_byline("By Jackie Moss, Arts Correspondent, PA News") == ("Jackie Moss", "PA")
    assert parse_byline("By Tom Reyes") == ("Tom Reyes", None)
    assert parse_byline("By THE ASSOCIATED PRESS") == ("THE ASSOCIATED PRESS", "AP")
    # The agency printed after the name without a comma is the credit, not part of the name.
    assert parse_byline("By TOM REYES Associated Press") == ("TOM REYES", "AP")
    assert parse_byline("By Tom Reyes Reuters") == ("Tom Reyes", "Reuters")
    # The reporter's story with the agency's: "with" in the byline's language is no part of the name.
    assert parse_byline("Par Tom Reyes avec AFP") == ("Tom Reyes", "AFP")
    assert parse_byline("By Tom Reyes with AP") == ("Tom Reyes", "AP")
    assert parse_byline("Von Tom Reyes mit dpa") == ("Tom Reyes", "dpa")
    assert parse_byline("By Tom Reyes and Ines Moreau") == ("Tom Reyes and Ines Moreau", None)
    # The paper the reporter wrote for is no part of the name either.
    assert parse_byline("By TOM REYES FOR LAKELANDONLINE and ASSOCIATED PRESS") == ("TOM REYES", "AP")
    assert parse_byline("By Tom Reyes for The Lakeland Times") == ("Tom Reyes", None)
    # A place, or a role without a comma, after the name is neither part of it.
    assert parse_byline("By Tom Reyes in Lisbon") == ("Tom Reyes", None)
    assert parse_byline("By Tom Reyes Staff Writer") == ("Tom Reyes", None)
    assert parse_byline("By TOM REYES AP Science Writer") == ("TOM REYES", "AP")
    assert parse_byline("By Ana de la Cruz") == ("Ana de la Cruz", None)
    # Widgets and headings: a name is capitalised and no widget's word.
    for line in ("by category", "By Email", "By the Numbers"):
        parsed = parse_byline(line)
        assert parsed is None or not names_someone(parsed[0]), line
    assert names_someone("Jackie Moss") and names_someone("THE ASSOCIATED PRESS")
    assert parse_byline("By the end of the week the river had risen by two metres.") is None
    # A short sentence opening with "By" names no one; a first name that is a month's does.
    for sentence in ("By car, it takes an hour", "By Tuesday, the work was done", "By June, the plan was dead"):
        assert parse_byline(sentence) is None, sentence
    assert parse_byline("By June Carter") == ("June Carter", None)
    # A blog's handle in lower case is an author, and a role in lower case after the name is a role.
    assert parse_byline("By ines_m") == ("ines_m", None)
    assert parse_byline("By Ines Moreau, staff writer") == ("Ines Moreau", None)


def test_reporter_credits() -> None:
    credit, rest = split_reporter_credit("The talks end today. (Reporting by Ana Lima; Editing by Joe Dunn)")
    assert credit == "Reporting by Ana Lima; Editing by Joe Dunn" and rest == "The talks end today."
    assert split_reporter_credit("Nothing to see here.") == (None, "Nothing to see here.")


def test_a_rule_of_underscores_above_a_long_text_is_no_reporter_credit() -> None:
    # A briefing saved as one line: its header rule, then thousands of words that say "report".
    remarks = " ".join(f"Question {number}: what does the report say about the harbour works?" for number in range(60))
    transcript = f"Office of the Harbour Board ______________ For release on Monday. {remarks}"
    assert split_reporter_credit(transcript) == (None, transcript)
    article = clean_text(transcript)[0]
    assert article.byline is None
    assert sum(len(paragraph.split()) for paragraph in article.paragraphs) >= 500
    credit, rest = split_reporter_credit("The works end in May.\n___\nAnna Ruiz reported from Dunmere.")
    assert credit == "Anna Ruiz reported from Dunmere." and rest == "The works end in May."


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Posted on June 9, 2025 by Ines Moreau in Local News", "Ines Moreau"),
        ("by ines_m on June 9, 2025 at 6:48 pm", "ines_m"),
        ("By Ines Moreau - 9 June 2025 | 3 Comments", "Ines Moreau"),
        ("Published June 9, 2025", None),
        # A site's account is no author.
        ("Posted on Juni 9, 2025 by Admin", None),
        ("Updated by June 9, 2025", None),
        ("A kiosk supplied by the town's plant on June 9, 2025", None),
        ("by Ines Moreau January 9, 2025 4 Comments", "Ines Moreau"),
        ("June 9, 2025 by Ines Moreau Discuss", "Ines Moreau"),
        ("Posted by Dora May on 9 May 2025", "Dora May"),
        # A name before the posting word; "Last Updated" is no one's.
        ("INES MOREAU Published: Jun 9, 2025", "INES MOREAU"),
        ("Ines Moreau | Posted June 9, 2025", "Ines Moreau"),
        ("Last Updated June 9, 2025", None),
        # A first name that some language's stop words hold.
        ("Posted by Dan Levy on June 9, 2025", "Dan Levy"),
        ("par le rédacteur le 9 juin 2025", None),
        # A view counter after the name.
        ("Published on June 9, 2025 by Ines Moreau Viewed 124 times", "Ines Moreau"),
    ],
)
def test_the_author_of_a_post_line(line: str, author: str | None) -> None:
    assert post_line_author(line) == author


@pytest.mark.parametrize(
    ("author", "kept"),
    [
        ("Ines Moreau", "Ines Moreau"),
        ("View Profile", None),
        ("Name", None),
        ("Monday; November ; Ines Moreau", "Ines Moreau"),
        ("Ines Moreau; Tomas Reyes", "Ines Moreau; Tomas Reyes"),
        ("–Ines Moreau", "Ines Moreau"),
        (None, None),
        # The page's date after the name, and links' and photos' labels, leave the name.
        ("Ines Moreau Thursday; December", "Ines Moreau"),
        ("Ines Moreau RSS feed", "Ines Moreau"),
        ("Ines Moreau More by this author", "Ines Moreau"),
        ("Tomas Reyes; File", "Tomas Reyes"),
        ("Ana de la Cruz", "Ana de la Cruz"),
        # A name's first word may be a weekday's or a month's.
        ("June Carter", "June Carter"),
        # Words that are no name: a teaser's, a form's, a commenter's, a label alone.
        ("Fighting back", None),
        ("Enter your email", None),
        ("Tomas Reyes says", None),
        ("Tomas Reyes; Treyes Com", "Tomas Reyes"),
        ("Published January", None),
        # The author's job or employer after the name, and the place or firm after the job.
        ("Ines Moreau; Software Engineer", "Ines Moreau"),
        ("Ines Moreau; Director; Westmere EMEA", "Ines Moreau"),
        ("Ines Moreau; Westmere News Service", "Ines Moreau"),
        ("Ines Moreau; The Westmere Gazette", "Ines Moreau"),
        ("INES MOREAU; M D", "INES MOREAU"),
        ("Ines Moreau Health reporter; Westmere News", "Ines Moreau"),
        # A second author, even with her paper after her name, stays.
        ("Ines Moreau; Tomas Reyes Westmere Newspapers", "Ines Moreau; Tomas Reyes Westmere Newspapers"),
        # A byline's label as dumps keep it; a name that opens like one stays whole.
        ("By Ines Moreau", "Ines Moreau"),
        ("BY: INES MOREAU", "INES MOREAU"),
        ("by Ines Moreau and Tomas Reyes", "Ines Moreau and Tomas Reyes"),
        ("Von Miller", "Von Miller"),
        ("Byron Reyes", "Byron Reyes"),
        # A login form's label; a paper's name after its writers.
        ("Username", None),
        ("Ines Moreau; Tomas Reyes; Westmere Times", "Ines Moreau; Tomas Reyes"),
    ],
)
def test_a_metadata_author_without_labels_and_dates(author: str | None, kept: str | None) -> None:
    assert metadata_author(author) == kept


def test_a_records_author_goes_before_the_names_of_those_who_only_contributed() -> None:
    text = (
        "Bridge reopens\n\nThe council reopened the old stone bridge over the river on Tuesday after a year of "
        "work.\n\n___\n\nAssociated Press writer Jon Berg contributed from Oslund."
    )
    # Without an author, the contributor stands in; a record's author goes first; those who reported
    # the story ("reported from") stay its byline.
    assert clean_text(text)[0].byline == "Jon Berg"
    assert clean_text(text, author="Nell Hardy")[0].byline == "Nell Hardy"
    reported = text.replace(
        "Associated Press writer Jon Berg contributed from Oslund.", "Jon Berg reported from Oslund."
    )
    assert clean_text(reported, author="Nell Hardy")[0].byline == "Jon Berg"
    # AP's credit with the surname alone, under a byline the record names whole: the record's author.
    surname = text.replace("Associated Press writer Jon Berg contributed from Oslund.", "Berg reported from Oslund.")
    [article] = clean_text(surname, author="Jon Berg; Nell Hardy")
    assert (article.byline, article.metadata["reporter_credit"]) == (
        "Jon Berg; Nell Hardy",
        "Berg reported from Oslund.",
    )
    assert article.paragraphs[-1].endswith("after a year of work.")
    assert clean_text(surname)[0].byline == "Berg"
    assert clean_text(surname, author="Nell Hardy")[0].byline == "Berg"


def test_a_label_in_the_metadatas_author_field_is_no_byline() -> None:
    text = "Bridge reopens\n\nThe council reopened the old stone bridge over the river on Tuesday after a year of work."
    assert clean_text(text, author="View Profile")[0].byline is None
    assert clean_text(text, author="Nell Hardy")[0].byline == "Nell Hardy"


def test_a_line_that_is_a_name() -> None:
    # First names that are stop words in some language ("dan", "will", "les") are names here.
    for name in ("Ines Moreau", "Dan Levy", "Will Ortega", "Les Moreau", "Sarah E. Needleman", "Ana de la Cruz"):
        assert name_line(name) == name
    for line in ("TO THE EDITORS", "The Staff", "Email", "Share this story!", "Ines Moreau 2025", "Posted in News"):
        assert name_line(line) is None, line


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Posted by Ada Brennan", "Ada Brennan"),
        ("By Ada Brennan on 3/3/25 at 9:15 AM", "Ada Brennan"),
        # Sites capitalise the word before the date too.
        ("By Ada Brennan On 3/3/25 at 9:15 AM EST", "Ada Brennan"),
        ("By Ada Brennan | Islands", "Ada Brennan"),
        ("Ada Brennan, @adabrennan", "Ada Brennan"),
        ("By the harbour on a calm day", None),
        ("Ferry timetables for the winter", None),
        # A name and the author's role.
        ("Ada Brennan, Staff Writer", "Ada Brennan"),
        ("Pewarta: Ada Brennan", "Ada Brennan"),
        ("Ada Brennan | Senior Political Correspondent", "Ada Brennan"),
        ("Ada Brennan, contributor", "Ada Brennan"),
        # A photographer's credit, a masthead, a street: no author.
        ("Ada Brennan, Associated Press", None),
        ("Ada Brennan, Editor", None),
        ("Harbour Road, Staff Parking", None),
    ],
)
def test_an_author_line_names_its_author(line: str, author: str | None) -> None:
    assert author_line_name(line) == author


def test_an_agency_in_the_authors_role_is_the_articles_credit() -> None:
    text = (
        "Harbour ferries return after the storm\n\nAda Brennan, AP Sports Writer\n\n"
        "Ferries between the two islands ran again on Sunday after three days in port, the operator said, "
        "and the first boat left the harbour at seven in the morning with forty passengers on board.\n\n"
        "The operator said extra sailings would run on Monday and Tuesday for travellers who had been "
        "stranded, and that tickets bought for the cancelled crossings would be honoured."
    )
    [article] = clean_text(text, line_model=default_line_model())
    assert (article.byline, article.credit) == ("Ada Brennan", "AP")
    assert all("Sports Writer" not in paragraph for paragraph in article.paragraphs)


def test_the_foot_of_a_bloomberg_story_goes_to_the_removed_lines_as_a_reporter_credit() -> None:
    text = (
        "Orvale Labs cuts its forecast\n\n(Bloomberg) -- Orvale Labs cut its sales forecast for the year on Monday, "
        "blaming a slower market for its lab equipment in Europe and a strike at its largest plant.\n\n"
        "The company said it expected revenue of 1.2 billion dollars, down from 1.4 billion, and would delay "
        "the opening of a new plant until the autumn of next year.\n\n"
        "--With assistance from Ana Ruiz.\n\n"
        "To contact the reporter on this story: Tomas Berg in Oslo at tberg@example.com\n\n"
        "To contact the editors responsible for this story: Lena Marsh at lmarsh@example.com"
    )
    # As the pipeline cleans it: with the shipped line model, whose reading these rules follow.
    [article] = clean_text(text, line_model=default_line_model())
    assert article.credit == "Bloomberg" and article.dateline is None
    assert article.paragraphs[-1].endswith("autumn of next year.")
    reasons = {removed.line: removed.reason for removed in article.removed}
    assert reasons["--With assistance from Ana Ruiz."] == "reporter credit"
    assert (
        reasons["To contact the reporter on this story: Tomas Berg in Oslo at tberg@example.com"] == "reporter credit"
    )


@pytest.mark.parametrize(
    ("line", "author", "agency"),
    [
        ("Author: Ada Brennan", "Ada Brennan", None),
        ("Authors : Ada Brennan, Tomas Berg", "Ada Brennan, Tomas Berg", None),
        # An agency or a desk in the author's place names no one; the agency is the credit.
        ("Author : DPA", None, "dpa"),
        ("Author: The Associated Press", None, "AP"),
        ("Author : Entertainment News Editor", None, None),
        # Other languages' labels.
        ("Autor: Ada Brennan", "Ada Brennan", None),
        ("Auteur : Ada Brennan", "Ada Brennan", None),
        ("Autore: Ada Brennan", "Ada Brennan", None),
        ("Penulis: Ada Brennan", "Ada Brennan", None),
    ],
)
def test_a_labelled_author_line(line: str, author: str | None, agency: str | None) -> None:
    assert (author_line_name(line), author_line_agency(line)) == (author, agency)


@pytest.mark.parametrize(
    ("paragraph", "is_credit"),
    [
        ("Associated Press writer Ana Ruiz in Valletta contributed to this report.", True),
        ("Mark Borg reported from Valletta. Associated Press writers Anna Vella contributed to this report.", True),
        ("Keith Ward contributed reporting from Gozo.", True),
        ("The Reuters bureau in Rome contributed to this story.", True),
        # The words inside a sentence of the story, or money given to a campaign: no credit.
        ("The council said its engineers contributed to this report on the ferry terminal, due in May.", False),
        ("Grech contributed 5,000 euros to the campaign.", False),
        # "contributed from" a place after a writer's role; without the role, a sentence.
        ("Associated Press writer Jon Berg contributed from Oslund.", True),
        ("Residents contributed from their own savings to rebuild the pier.", False),
        ("Two reporters contributed from their savings.", False),
        # The surname alone, as AP credits a writer its byline named in full.
        ("Berg reported from Oslund.", True),
        ("Berg reported from Oslund. Ruiz in Valletta contributed.", True),
        ("Residents contributed.", False),
        # The contributors first, the writer after them, the place's own full stops to the end.
        ("Ana Ruiz contributed reporting from Holm. Jon Berg reported from Washington, D.C.", True),
        ("Police reported from the scene.", False),
    ],
)
def test_a_paragraph_that_is_a_reporter_credit_alone(paragraph: str, is_credit: bool) -> None:
    assert is_credit_paragraph(paragraph) is is_credit


@pytest.mark.parametrize(
    ("credit", "names"),
    [
        ("Ines Moreau reported from Lyon. Tomas Reyes in Porto contributed.", ["Ines Moreau", "Tomas Reyes"]),
        # An agency's and a role's words before the names are neither, and every name listed counts.
        ("AP Sports Writer Ines Moreau contributed to this report.", ["Ines Moreau"]),
        # An agency credited names no one.
        ("The Associated Press contributed to this report.", []),
        ("Reuters and Ines Moreau contributed to this report.", ["Ines Moreau"]),
        # Editors wrote nothing: "Editing by" names none of the story's people.
        ("Reporting by Ines Moreau; Editing by Tomas Reyes and Bo Chan", ["Ines Moreau"]),
        ("Reporting by Ines Moreau; Writing by Bo Chan; edited by Tomas Reyes", ["Ines Moreau", "Bo Chan"]),
        (
            "Associated Press writers Ines Moreau, Tomas Reyes and Bo Chan contributed to this report.",
            ["Ines Moreau", "Tomas Reyes", "Bo Chan"],
        ),
        # Places after "from" or "in" are no names, listed or not.
        ("Ines Moreau reported from Lyon and Porto.", ["Ines Moreau"]),
        ("Reporting by Ines Moreau; Editing by Tomas Reyes", ["Ines Moreau"]),
        # Contributors after a place and "and" (", and"); a place's state after a comma is none.
        ("Bo Chan in Lyon and Tomas Reyes contributed.", ["Bo Chan", "Tomas Reyes"]),
        ("Additional reporting by Bo Chan in Lyon, and Tomas Reyes in Porto", ["Bo Chan", "Tomas Reyes"]),
        ("Bo Chan in Raleigh, North Carolina, contributed to this report.", ["Bo Chan"]),
        # The outlet a contributor works for, before the name, is none of it.
        ("CNN’s Bo Chan contributed to this report.", ["Bo Chan"]),
        ("Lakeland News' Bo Chan and Tomas Reyes contributed to this report.", ["Bo Chan", "Tomas Reyes"]),
    ],
)
def test_the_people_a_reporter_credit_names(credit: str, names: list[str]) -> None:
    assert names_in_credit(credit) == names


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "header", "rest"),
    [
        # Header pieces an extraction joined to the dateline: a stamp, a headline, a photo link.
        (
            "2026-01-12 11:31:01 - TAIPEI, Taiwan (AP) - Turnout rose.",
            "TAIPEI, Taiwan",
            "AP",
            "2026-01-12 11:31:01 -",
            "Turnout rose.",
        ),
        ("Photos HOLMSTAD (Reuters) - The pier fell.", "HOLMSTAD", "Reuters", "Photos", "The pier fell."),
        (
            "Pier closes for the winter 15/01/2026 GAZA CITY, Gaza Strip, (AP) - Boats left.",
            "GAZA CITY, Gaza Strip",
            "AP",
            "Pier closes for the winter 15/01/2026",
            "Boats left.",
        ),
        # A place in other case: the words nearest the tag that read as a dateline.
        (
            "Ferry news from the coast Holmstad (PTI): Boats left.",
            "Holmstad",
            "PTI",
            "Ferry news from the coast",
            "Boats left.",
        ),
        ("Pier news London (dpa) - Boats left.", "London", "dpa", "Pier news", "Boats left."),
        # A dateline opening the paragraph, as before, in any case.
        ("NAIROBI, Kenya (AP) — Rain fell.", "NAIROBI, Kenya", "AP", "", "Rain fell."),
        ("New Holmstad, Jan 13 (IANS): Boats left.", "New Holmstad", "IANS", "", "Boats left."),
        # Older AP copy sets an underscore for the dash after the tag.
        ("HOLMSTAD, Norland (AP) _ Boats left.", "HOLMSTAD, Norland", "AP", "", "Boats left."),
        # The agency's credit line before a dateline without a tag, as an extraction joins them.
        (
            "Posted at 6:18 a.m. Harbour dues rise Associated Press HOLMSTAD, Norland — Boats left.",
            "HOLMSTAD, Norland",
            "AP",
            "Posted at 6:18 a.m. Harbour dues rise",
            "Boats left.",
        ),
        # A place's first word ("New", "San") is not left with the byline before it.
        ("By Ana Ruiz New Holmstad, Jan 13 (IANS): Boats left.", "New Holmstad", "IANS", "By Ana Ruiz", "Boats left."),
        ("By INES MOREAU San Westmere (AP) - Boats left.", "San Westmere", "AP", "By INES MOREAU", "Boats left."),
    ],
)
def test_a_dateline_behind_header_pieces(paragraph: str, place: str, agency: str, header: str, rest: str) -> None:
    dateline, found_header, found_rest = find_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.agency, found_header, found_rest) == (place, agency, header, rest)


def test_no_dateline_without_an_agencys_tag_behind_header_pieces() -> None:
    for paragraph in (
        "The mayor of Holmstad (D-Coast) - a former skipper - spoke.",
        "Officials in HOLMSTAD - the harbour town - said the pier would close.",
        "Winds rose on Tuesday (local time) - and boats stayed in.",
    ):
        assert find_dateline(paragraph) == (None, "", paragraph)


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("The Associated Press", ("AP", None)),
        ("- Reuters", ("Reuters", None)),
        ("Associated Press Writer", ("AP", None)),
        ("INES MOREAU, Associated Press Writer", ("AP", "INES MOREAU")),
        # The agency where it filed from, as the Guardian credits agency copy.
        ("Associated Press in Holm Harbour", ("AP", None)),
        ("Reuters in Lakeland", ("Reuters", None)),
        # A name and the agency alone is as often a photograph's credit.
        ("INES MOREAU Associated Press", None),
        ("Reuters reported on Monday that the pier would close.", None),
    ],
)
def test_a_line_that_is_an_agencys_credit(line: str, found: tuple[str, str | None] | None) -> None:
    assert agency_line(line) == found


def test_a_byline_naming_the_agency_among_header_pieces() -> None:
    assert agency_byline("| 1/7/2026, 6:30 p.m. EST By INES MOREAU The Associated Press | |") == ("AP", "INES MOREAU")
    assert agency_byline("Pier closes By Tomas Reyes, For The Associated Press HOLMSTAD - Boats") == (
        "AP",
        "Tomas Reyes",
    )
    assert agency_byline("By Tomas Reyes, Harbour Gazette HOLMSTAD - Boats left.") is None


@pytest.mark.parametrize(
    ("paragraph", "agency", "rest"),
    [
        ("Boats left the harbour at dawn. - AAP", "AAP", "Boats left the harbour at dawn."),
        ("Boats left the harbour at dawn. IANS", "IANS", "Boats left the harbour at dawn."),
        ("Boats left. Brought to you by AAP © AAP 2026", "AAP", "Boats left."),
        ("Boats left. Source: The Associated Press", "AP", "Boats left."),
        ("Agence France-Presse", "AFP", ""),
        # The agencies a story draws on, as papers end it: the first is the credit.
        ("Boats left. (With inputs from PTI)", "PTI", "Boats left."),
        ("Boats left. With inputs from Reuters and AFP", "Reuters", "Boats left."),
        ("AFP/Reuters", "AFP", ""),
        # An agency named in the sentence is no sign-off.
        ("The harbour master worked with Reuters.", None, "The harbour master worked with Reuters."),
        ("The harbour master told Reuters.", None, "The harbour master told Reuters."),
        ("Boats left, the Associated Press said.", None, "Boats left, the Associated Press said."),
    ],
)
def test_an_agencys_sign_off_ending_the_text(paragraph: str, agency: str | None, rest: str) -> None:
    found, _, found_rest = split_sign_off(paragraph)
    assert (found, found_rest) == (agency, rest)


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Ines Moreau WESTMERE GAZETTE", "Ines Moreau"),
        ("TOMAS REYES Holmstad Courier", "TOMAS REYES"),
        ("TOMAS REYES THE HOLMSTAD COURIER", "TOMAS REYES"),
        ("TOMAS REYESThe Holmstad Courier", "TOMAS REYES"),
        ("About the Author INES MOREAU", "INES MOREAU"),
        ("INES MOREAU Special", "INES MOREAU"),
        ("Ines Moreau HBC News", "Ines Moreau"),
        ("Tomas Reyes HBC World Service", "Tomas Reyes"),
        ("Carl Abernethy III", "Carl Abernethy III"),
        # After a ";", a second author stays; a place, a job or the site goes with what follows.
        ("Ines Moreau; Harbourworld", "Ines Moreau"),
        ("Ines Moreau HBC News; Holmstad; Norland", "Ines Moreau"),
        ("Tomas Reyes; RESIZE A A A", "Tomas Reyes"),
        ("Ines Moreau; Wade A Reyes", "Ines Moreau; Wade A Reyes"),
        # Names in one case, initials, several names and titles stay as they are.
        ("J D HOLLOWAY", "J D HOLLOWAY"),
        ("PAUL B. OSTRANDER", "PAUL B. OSTRANDER"),
        ("DAFYDD McPRYCE Harbour News", "DAFYDD McPRYCE Harbour News"),
        ("INES MOREAU AND TOMAS REYES", "INES MOREAU AND TOMAS REYES"),
        ("OUR SPECIAL CORRESPONDENT", "OUR SPECIAL CORRESPONDENT"),
        ("Carl Abernethy Jr.", "Carl Abernethy Jr."),
        (None, None),
    ],
)
def test_a_bylines_paper_after_the_name_goes_where_its_case_tells_it_apart(
    byline: str | None, name: str | None
) -> None:
    assert byline_without_employer(byline) == name


LEDE_BODY = [
    "The council said the plan would be put to a vote next month, after two years of talks between the "
    "parties and a series of public hearings across the valley.",
    "Officials expect the vote to pass with a comfortable majority, although several members have said "
    "they will oppose it unless changes are made to the funding.",
]


def test_a_date_alone_opening_the_text_dates_it_and_leaves_the_body() -> None:
    lede = "16 January 2008 – The Tarnvale council today discussed the plan for the northern valley at length."
    [article] = clean_text(
        "\n".join(["Council debates valley plan", lede, *LEDE_BODY]), line_model=default_line_model()
    )
    assert article.date == date(2008, 1, 16) and article.date_source == "dateline"
    assert article.dateline is None and article.credit is None
    assert article.paragraphs[0] == "The Tarnvale council today discussed the plan for the northern valley at length."
    assert ("16 January 2008 –", "wire dateline") in {(line.line, line.reason) for line in article.removed}


def test_a_day_first_wire_dateline_gives_its_place_and_date() -> None:
    lede = "LIMA, 15 January 2008 (AFP) - Peru's central bank raised its main interest rate for the third month."
    [article] = clean_text("\n".join(["Peru raises rates again", lede, *LEDE_BODY]), line_model=default_line_model())
    assert (article.dateline, article.credit, article.date) == ("LIMA", "AFP", date(2008, 1, 15))
    assert article.paragraphs[0] == "Peru's central bank raised its main interest rate for the third month."


@pytest.mark.parametrize(
    ("lede", "place", "agency", "day"),
    [
        (
            "PARIS, 3 déc 2025 (AFP) - La banque centrale a relevé son taux directeur pour le troisième mois "
            "consécutif afin de freiner une inflation persistante.",
            "PARIS",
            "AFP",
            date(2025, 12, 3),
        ),
        (
            "BERLIN, 3. Dezember 2025 (dpa) - Die Zentralbank hat den Leitzins zum dritten Mal in Folge erhöht, "
            "um die hartnäckige Inflation im Euroraum zu bremsen.",
            "BERLIN",
            "dpa",
            date(2025, 12, 3),
        ),
    ],
)
def test_a_day_first_dateline_with_a_month_of_another_language(lede: str, place: str, agency: str, day: date) -> None:
    [article] = clean_text("\n".join(["Titre", lede, *LEDE_BODY]), line_model=default_line_model())
    assert (article.dateline, article.credit, article.date) == (place, agency, day)
    assert not article.paragraphs[0].startswith(place)


VALLEY_STORY = [
    *LEDE_BODY,
    "Farmers in the northern valley have asked for a share of the water rights before any construction begins.",
    "The regional planning office said a final report on the plan's costs would be published in the autumn.",
]


@pytest.mark.parametrize(
    ("credit_line", "credit"),
    [("The Associated Press", "AP"), ("AP Sports Writer", "AP"), ("Agence France-Presse", "AFP")],
)
def test_an_agencys_credit_line_under_the_headline_credits_the_agency(credit_line: str, credit: str) -> None:
    header = ["The Tarnvale Gazette", "Council debates valley plan", credit_line, "May 20, 2025"]
    for model in (None, default_line_model()):
        [article] = clean_text("\n".join([*header, *VALLEY_STORY]), line_model=model)
        assert article.credit == credit
        assert article.paragraphs[0].startswith("The council said")
    # Above the headline the same name is a menu's link: it credits no one.
    menu = ["The Tarnvale Gazette", "Home | Local | Wire", credit_line, "Council debates valley plan", "May 20, 2025"]
    [article] = clean_text("\n".join([*menu, *VALLEY_STORY]), line_model=default_line_model())
    assert article.credit is None


def test_a_timelines_dated_entries_are_text() -> None:
    entries = [
        "March 3, 2001 – The Tarnvale valley company is founded in a garage by two engineers from the town.",
        "June 9, 2004 – The company opens its first plant on the river, with forty workers hired locally.",
        "May 1, 2010 – A second plant opens in the northern valley, and the workforce passes four hundred.",
    ]
    [article] = clean_text(
        "\n".join(["A short history of the company", *entries, *LEDE_BODY]), line_model=default_line_model()
    )
    assert article.date is None
    assert article.paragraphs[:3] == entries


@pytest.mark.parametrize(
    ("notice", "credit"),
    [("© 2008 AFP", "AFP"), ("© Thomson Reuters 2008. All rights reserved.", "Reuters"), ("© Ana Ruiz/Reuters", None)],
)
def test_a_copyright_mark_with_a_year_is_the_pages_notice_not_a_photographs_credit(
    notice: str, credit: str | None
) -> None:
    page = "\n".join(["Council backs bridge plan", *LEDE_BODY, "The vote is set for the second week of March.", notice])
    [article] = clean_text(page, line_model=default_line_model())
    assert article.credit == credit
    reasons = {line.line: line.reason for line in article.removed}
    assert reasons[notice] == ("copyright notice" if credit else "photo or image credit")


@pytest.mark.parametrize(
    ("credit", "byline"),
    [
        ("(Reporting by Ines Moreau and Bo Chan; Editing by Tomas Reyes)", "Ines Moreau, Bo Chan"),
        # A helper's credit names no author, nor an editor's alone.
        ("Additional reporting by Ines Moreau", None),
        ("(Editing by Tomas Reyes)", None),
    ],
)
def test_a_reporting_credit_of_its_own_at_the_foot_gives_the_byline(credit: str, byline: str | None) -> None:
    page = "\n".join(["Council backs bridge plan", *LEDE_BODY, "The vote is set for the second week of March.", credit])
    [article] = clean_text(page, line_model=default_line_model())
    assert article.byline == byline
    assert (credit, "reporter credit") in {(line.line, line.reason) for line in article.removed}


def test_a_wire_lede_the_model_left_out_above_the_text_it_kept_is_kept() -> None:
    lede = "TARNVALE, Norway (AP) — The Latest on the vote over the old stone bridge (all times local):"
    entry = "The Tarnvale council has voted to rebuild the old stone bridge over the river, ending years of talks."
    teaser = "OSLO (AP) — A separate story about the harbour that the page lists beside the article, in full."
    lines = build_lines(["The Latest: Tarnvale votes", lede, "9:34 p.m.", entry, entry + " Again."])
    kept = np.array([False, False, False, True, True])
    assert _keep_the_wire_lede(lines, kept).tolist() == [False, True, False, True, True]
    # Another story's lede above the article's headline is no opening of it.
    lines = build_lines([teaser, "Tarnvale votes on its old stone bridge", entry, entry + " Again."])
    assert _keep_the_wire_lede(lines, np.array([False, False, True, True])).tolist() == [False, False, True, True]


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        ("Follow Ines Moreau on Twitter @inesmoreau.", True),
        ("Ines Moreau can be reached at ines@tarnvale.example or 555-0100.", True),
        ("Contact Ines Moreau at ines@tarnvale.example.", True),
        ("Have a news tip? Email us at tips@tarnvale.example.", True),
        # A sentence of the story that reads alike stays.
        ("Residents can be reached at the shelter on Main Street until the bridge reopens, officials said.", False),
        ("Follow the money on Twitter accounts, the council's auditor told members on Tuesday evening.", False),
    ],
)
def test_the_authors_contact_and_tip_lines_at_the_foot_are_no_text(line: str, removed: bool) -> None:
    page = "\n".join(["Council backs bridge plan", *LEDE_BODY, "The vote is set for the second week of March.", line])
    [article] = clean_text(page, line_model=default_line_model())
    reasons = {item.line: item.reason for item in article.removed}
    assert (reasons.get(line) == "author's contact or tip line") is removed
    assert (line in article.paragraphs) is not removed


@pytest.mark.parametrize(
    ("line", "credit"),
    [("(With AFP)", "AFP"), ("(with pic)", None), ("Additional reporting by Reuters", "Reuters")],
)
def test_an_agency_named_as_a_contributor_is_the_credit(line: str, credit: str | None) -> None:
    page = "\n".join(["Council backs bridge plan", *LEDE_BODY, "The vote is set for the second week of March.", line])
    [article] = clean_text(page, line_model=default_line_model())
    assert article.credit == credit


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("MARIA DELGADO and TOM WESTON", "Maria Delgado and Tom Weston"),
        ("J.D. HOLLOWAY", "J.D. Holloway"),
        ("ANA PARKER-RUIZ", "Ana Parker-Ruiz"),
        ("SEAN O'CONNELL III", "Sean O'Connell III"),
        # Names already in their case, an agency's name and a word alone stay as they are.
        ("Maria Delgado", "Maria Delgado"),
        ("AFP", "AFP"),
        ("STAFF", "STAFF"),
    ],
)
def test_a_byline_in_capitals_reads_in_the_case_names_are_written(byline: str, expected: str) -> None:
    assert readable_byline(byline) == expected


def test_an_agencys_byline_in_capitals_reaches_the_article_in_the_case_of_names() -> None:
    text = "\n".join(["Council debates valley plan", "By MARIA DELGADO and TOM WESTON Associated Press", *VALLEY_STORY])
    [article] = clean_page(Page(source="a", content_hash="a", format="text", names=("a",), text=text))
    assert article.byline == "Maria Delgado and Tom Weston"


@pytest.mark.parametrize(
    ("byline", "outlets", "expected"),
    [
        ("Ana Ruiz; Harbour Gazette", ("portal.example", "Harbour Gazette"), "Ana Ruiz"),
        ("Ana Ruiz; The Harbour Gazette", ("harbourgazette.example", None), "Ana Ruiz"),
        # Two authors, or an outlet the page does not name, stay.
        ("Ana Ruiz; Tom Hale", ("harbourgazette.example", "Harbour Gazette"), "Ana Ruiz; Tom Hale"),
        ("Ana Ruiz; Tideway Times", ("harbourgazette.example", None), "Ana Ruiz; Tideway Times"),
        ("Harbour Gazette", ("harbourgazette.example", None), "Harbour Gazette"),
    ],
)
def test_a_byline_part_naming_the_pages_outlet_is_no_author(
    byline: str, outlets: tuple[str | None, ...], expected: str
) -> None:
    assert byline_without_outlets(byline, outlets) == expected


@pytest.mark.parametrize(
    ("site_name", "address", "another"),
    [
        ("Daily Digest Portal", "https://www.harbourgazette.example/ferry", True),
        ("Harbour Gazette", "https://portal.example/world/ferry", True),
        # The site's own address: its name, its initials, a name and initials, the host's own words added.
        ("The Harbour Gazette", "https://www.harbourgazette.example/ferry", False),
        ("North Coast Morning Post", "https://www.ncmp.example/ferry", False),
        ("KXYZ 5 Lower Valley Tribune", "https://kxyzlvt.example/ferry", False),
        ("Lower Valley Tribune", "https://lvtonline.example/ferry", False),
        ("Harbour Gazette", "https://news.harbourgazette.co.uk/ferry", False),
        # Too short a name to tell.
        ("HG", "https://portal.example/ferry", False),
    ],
)
def test_a_declared_site_name_clearly_not_an_addresss_site(site_name: str, address: str, another: bool) -> None:
    assert names_another_site(site_name, address) is another


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Ana Ruiz Education reporter Harbour Gazette", "Ana Ruiz"),
        ("Ana Ruiz, Health Correspondent", "Ana Ruiz"),
        ("Ana Maria Ruiz Senior Political Editor", "Ana Maria Ruiz"),
        ("Ana Ruiz, Staff Writer, Harbour Gazette", "Ana Ruiz"),
        # Several authors, a desk's name, a name alone: as they are.
        ("Ana Ruiz, Tom Hale, Ines Moreau", "Ana Ruiz, Tom Hale, Ines Moreau"),
        ("Ana Ruiz and Tom Hale", "Ana Ruiz and Tom Hale"),
        ("Harbour Staff", "Harbour Staff"),
        ("Ana Maria Ruiz", "Ana Maria Ruiz"),
    ],
)
def test_an_authors_role_after_the_name_is_no_part_of_the_byline(byline: str, expected: str) -> None:
    assert byline_without_role(byline) == expected

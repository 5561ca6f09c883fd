"""Named line rules: what they take and, as much, what they leave."""

from __future__ import annotations

import re

import pytest

from newstrace.clean.dates import find_dates
from newstrace.clean.lines import (
    _word_classes,
    _word_count,
    _word_counts,
    build_lines,
    headline_before_post,
    is_caption_form,
    is_code_or_data,
    matching_rule,
    matching_rules,
)
from newstrace.clean.patterns import CAPTION_PATTERN, LINE_RULES


def _rule_name(text: str) -> str | None:
    rule = matching_rule(text, len(text.split()))
    return rule.name if rule is not None else None


@pytest.mark.parametrize(
    "heading",
    [
        "Você pode gostar...",
        "Notícias relacionadas",
        "También te puede interesar",
        "Vous aimerez aussi",
        "Das könnte Sie auch interessieren",
        "Articoli correlati",
        "Читайте также:",
        "Вам также может быть интересно",
        "関連記事",
        "相关阅读",
        "관련 기사",
    ],
)
def test_headings_of_related_articles_are_named_in_many_languages(heading: str) -> None:
    assert _rule_name(heading) == "related_heading"


@pytest.mark.parametrize(
    "sentence",
    [
        "Veja bem: a câmara municipal aprovou ontem o novo plano de transportes para a cidade inteira.",
        "Artigos relacionados com a greve foram publicados por vários jornais da região durante a semana passada.",
        "Читайте внимательно условия договора, сказал министр журналистам после заседания правительства.",
    ],
)
def test_article_sentences_that_open_like_a_heading_are_left(sentence: str) -> None:
    assert _rule_name(sentence) is None


def test_tag_lines_are_named_in_east_asian_scripts() -> None:
    assert _rule_name("タグ：ソフトウェア") == "tags"
    assert _rule_name("标签: 交通") == "tags"


@pytest.mark.parametrize(
    "header",
    [
        "Comments",
        "12 Comments",
        "Comments (408)",
        "Comments: 12",
        "Readers' comments",
        "Post a Comment",
        "Add your comment",
        "Leave a Reply",
        "Join the conversation",
    ],
)
def test_comment_section_headers_end_an_article(header: str) -> None:
    rule = matching_rule(header, len(header.split()))
    assert rule is not None and rule.name == "comments" and rule.ends_article


@pytest.mark.parametrize("widget", ["Reply", "Report", "Like", "3 replies"])
def test_buttons_under_a_comment_or_an_embedded_post_are_widgets_that_end_nothing(widget: str) -> None:
    rule = matching_rule(widget, len(widget.split()))
    assert rule is not None and rule.name == "comment_widget" and not rule.ends_article


def _first_rule_line_by_line(text: str, words: int) -> str | None:
    """The rule a line gets by the rules' definition, read plainly: triggers, prefix, length, pattern."""
    lowered = text.lower()
    for rule in LINE_RULES:
        if words > rule.max_words:
            continue
        window = lowered[: rule.trigger_prefix] if rule.trigger_prefix else lowered
        if rule.triggers and not any(trigger in window for trigger in rule.triggers):
            continue
        if re.search(rule.pattern, text, re.IGNORECASE):
            return rule.name
    return None


def test_rules_in_one_pass_follow_the_rules_definition_in_any_order_and_alone() -> None:
    lines = [
        "The ferry company said on Monday that crossings would resume once the storm passed.",
        "Read more: Ferry crossings resume after storm",
        # Past the link rule's trigger prefix, "read more" names no link line.
        "Écluses, ponts et quais: les travaux du port avancent lentement — read more",
        "Ümit Özdemir · Photo: Harbour Authority",
        "Share on Facebook",
        "Share on Facebook · Share on X",
        "Photo: Harbour Authority",
        "Sign up for our weekly newsletter",
        "Lesen Sie auch: Fähren fahren wieder",
        "관련 기사",
        "Advertisement",
        "Home",
        "The committee will see the report next week, a spokesperson said, without giving details.",
        "12 Comments",
        "Tags: ferries, weather, harbour",
        "",
        "Veja também: Ferry volta a operar",
    ]
    words = [len(text.split()) for text in lines]
    expected = [_first_rule_line_by_line(text, count) for text, count in zip(lines, words, strict=True)]
    found = matching_rules(lines, words)
    assert [rule.name if rule else None for rule in found] == expected
    assert matching_rules(list(reversed(lines)), list(reversed(words))) == list(reversed(found))
    assert [matching_rule(text, count) for text, count in zip(lines, words, strict=True)] == found
    assert expected[1] == "link_line" and expected[2] is None
    assert sum(name is not None for name in expected) >= 12


@pytest.mark.parametrize(
    "sentence",
    [
        # Japanese and Chinese put no spaces between words: a long sentence is a few \w+ runs.
        "市役所は月曜日、老朽化した川沿いの橋の架け替え工事を来年の春から始めると発表し、"
        "工事の間は近くの仮設橋を使ってもらうと説明しました。",
        "市政府周一宣布，将于明年春天开始重建河边那座老旧的桥梁，工程预计持续两年，"
        "施工期间市民可以使用附近新建的临时便桥通行，公交线路也会相应调整。",
        # A shorter sentence is prose too where it ends as sentences of its script end.
        "市役所は月曜日、川沿いの古い橋を来年の春から架け替えると発表しました。",
    ],
)
def test_sentences_of_scripts_without_spaces_are_prose_and_their_menu_items_are_not(sentence: str) -> None:
    [line, menu_item] = build_lines([sentence, "お問い合わせ"])
    assert line.strong_body
    assert not menu_item.strong_body
    # The same sentence in Latin script words counts as prose too; a short one does not.
    [english, short] = build_lines(
        ["The city said on Monday that work to replace the old bridge would start next spring.", "Contact us."]
    )
    assert english.strong_body and not short.strong_body


@pytest.mark.parametrize(
    "line",
    [
        "Posted by: Ana Ruiz at May 3, 2012 9:01 AM",
        "Posted by T. J. Okafor on 05/03/12 at 12:02PM",
        "riverwatcher on March 3, 2021 at 8:14 am said:",
        "by Quiet Reader writes: on Tuesday May 4, @07:50AM (#4074)",
        "Mira Sol 05.03.12 at 11:59",
    ],
)
def test_who_posted_a_post_or_a_comment_and_when_is_an_attribution(line: str) -> None:
    assert matching_rule(line, len(line.split())).name == "attribution"


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting starts on Monday at 9:30 am.",
        "Voting closes 12.06.24 at 20:00 across the country, officials said.",
        "He posted by the door at 9 every morning.",
        "The mayor said on Friday at 10:15 that she would resign.",
    ],
)
def test_sentences_that_name_a_time_are_no_attribution(sentence: str) -> None:
    rule = matching_rule(sentence, len(sentence.split()))
    assert rule is None or rule.name != "attribution"


@pytest.mark.parametrize(
    ("line", "notice"),
    [
        ("Copyright 2031 Harbour Wire. All rights reserved.", True),
        ("(c) Copyright Lakeside Press 2030", True),
        ("Image copyright Ferry Photos", True),
        ("About Us | Copyright | Contact", True),
        ("Contents of this site are copyright", True),
        ("The label sued the app maker for copyright infringement on Tuesday.", False),
        ("The band asked for the copyright of its early albums to be returned.", False),
        ("Is sampling an old record a breach of copyright?", False),
    ],
)
def test_a_copyright_notice_is_named_and_a_sentence_about_copyright_is_not(line: str, notice: bool) -> None:
    rule = matching_rule(line, len(line.split()))
    assert (rule is not None and rule.name == "copyright") is notice


@pytest.mark.parametrize(
    "line", ["Comment policy", "Recent comments", "The comments were deleted.", "Comments on the plan close today."]
)
def test_lines_about_comments_are_no_comments_header(line: str) -> None:
    rule = matching_rule(line, len(line.split()))
    assert rule is None or rule.name != "comments"


@pytest.mark.parametrize(
    ("line", "markup"),
    [
        ('<script src="https://ads.example.net/serve.js" type="text/javascript"></script>', True),
        (
            '<a href="https://ads.example.net/click?id=7" target="_blank"><img src="https://ads.example.net/b.gif"></a>',
            True,
        ),
        ("<![if lt IE 7]> <link rel=stylesheet href=/old.css> <![endif]>", True),
        # A title in angle brackets, and a sentence quoting one tag, are text.
        ("<The Lantern Keeper>", False),
        ("The opera <The Lantern Keeper> opens at the city theatre on Friday, the company said.", False),
        ("Editors can now wrap a caption in a <figure> element, the style guide says.", False),
    ],
)
def test_lines_mostly_of_html_or_script_are_markup(line: str, markup: bool) -> None:
    assert build_lines([line])[0].markup is markup


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("3 Responses to “Volunteers plant a thousand oaks”", "comments"),
        ("12 thoughts on “Volunteers plant a thousand oaks”", "comments"),
        ("38 comments to Volunteers plant a thousand oaks: who waters them?", "comments"),
        ("12 comments on the plan were sent to the council.", None),
        ("42 Responses to “How the Merrow canal volunteers planted a thousand young oaks in a day”", "comments"),
        # A sidebar's heading: it stands beside the article as often as after it.
        ("Recent Comments", None),
        ("Discuss this post", "comments"),
        ("Dorothy wrote on March 4, 2024 at 9:12 am", "attribution"),
        ("Tomas Reyes March 5, 2024 at 6:40 pm", "attribution"),
        # A sentence of the article ends with its full stop.
        ("The ferry left on March 5 at 6:40 pm.", None),
        ("Three responses to the plan came from the council.", None),
        # A commenter's name over the comment; a news quote's introduction is text.
        ("Tomas Reyes says:", "commenter"),
        ("marsh_hen said,", "commenter"),
        ("The minister said:", None),
        ("8 readers responded in “Volunteers plant a thousand oaks”", "comments"),
        # A box of the site's other stories; a sentence is text.
        ("Also on Merrow News:", "related_heading"),
        ("ALSO ON REUTERS", "related_heading"),
        ("Also on the agenda was the budget.", None),
        # A commenter's website and name; a sentence that gives an address is text.
        ("http://merrowrowing.example/ Tomas Reyes", "attribution"),
        ("https://twitter.com/marsh_hen marsh_hen", "attribution"),
        ("http://merrowrowing.example/ has the timetable.", None),
    ],
)
def test_rules_after_the_model_name_more_comment_headers_and_attributions(line: str, name: str | None) -> None:
    [built] = build_lines([line])
    assert built.rule is None
    assert (built.rule_after_model.name if built.rule_after_model else None) == name


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Library opens a reading room by Ines Moreau on June 9, 2025", "Library opens a reading room"),
        # A headline may hold a date of its own.
        ("Talks with readers, 29 June 2025 by Ines Moreau on June 29, 2025", "Talks with readers, 29 June 2025"),
        ("Library opens a reading room www.riverside.example 2025-06-09 18:48 Print", "Library opens a reading room"),
        # A post line alone: its author after every date, or few words before them.
        ("Filed as Local News on June 9, 2025 6:48 pm by Ines Moreau", ""),
        ("Posted on June 9, 2025 by Ines Moreau in News", ""),
        # No author or address beside the date: no post line.
        ("Library opens a reading room on June 9, 2025", None),
    ],
)
def test_the_headline_before_an_author_and_a_date_on_its_line(line: str, headline: str | None) -> None:
    assert headline_before_post(line, find_dates(line)) == headline


def test_a_contact_in_a_short_bio_is_the_bio_and_a_helpline_in_a_reports_sentence_is_text() -> None:
    bio = "Ana Ruiz covers the harbour for the Gazette. Reach her at ana.ruiz@gazette.example."
    rule = matching_rule(bio, len(bio.split()))
    assert rule is not None and rule.reason == "author bio"
    sentence = (
        "The harbour board has also set up a free helpline for skippers who lost a morning's catch in the queue "
        "at the south pier, and those who want to claim can reach them at 0800 555 0199 on weekdays until the "
        "end of the works."
    )
    assert matching_rule(sentence, len(sentence.split())) is None


def test_links_to_videos_and_recordings_are_named_but_lead_ins_and_sentences_are_not() -> None:
    lines = build_lines(
        [
            "Watch Fresh twist in the harbour fee row",
            "Listen: the minister on the new bridge",
            "Play Ferry crews rescue stranded kayakers",
            "Watch the video below:",
            "Watch the council vote on Monday.",
            "play is one of the oldest things people do",
        ]
    )
    named = [line.rule_after_model.name if line.rule_after_model else None for line in lines]
    assert named == ["media_link", "media_link", "media_link", None, None, None]


def test_a_gallerys_counter_is_named_and_a_part_or_a_share_is_not() -> None:
    lines = build_lines(["1 of 6", "Photo 3 of 12", "Part 2 of 3", "2 of 6 people agreed"])
    named = [line.rule_after_model.name if line.rule_after_model else None for line in lines]
    assert named == ["gallery_counter", "gallery_counter", None, None]


@pytest.mark.parametrize(
    "line",
    [
        "Protesters gather outside the court (AP Photo/Ana Ruiz)",
        "Protesters gather outside the court (AP Photo/Ana Ruiz) today",
        "The minister on the bridge. Photo: Ana Ruiz",
        "The minister on the bridge | Image courtesy of the ministry",
        "The minister on the bridge, Getty Images",
        "The minister on the bridge REUTERS/Ana Ruiz",
        "The minister on the bridge EPA-EFE/ANA RUIZ",
        "The minister (left) and the mayor (right) on the bridge",
        "Prices rose 3% in March / April, the ministry said",
        # Letters re's IGNORECASE matches with "i" and "s" that str.lower() does not make them.
        "The minister on the bridge | İMAGE by the ministry",
        "The minister on the bridge | ımage by the ministry",
        "The minister on the bridge ſhutterſtock",
    ],
)
def test_a_captions_form_is_found_as_the_whole_caption_pattern_finds_it(line: str) -> None:
    assert is_caption_form(line) == bool(CAPTION_PATTERN.search(line))


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        # Inside a sentence of some length the words are the text's: a poll, a company, a figure of speech.
        ("A Reuters/Ipsos poll showed support for the ferry plan at 41%, down from 48% a month earlier.", False),
        ("The Reuters/Ipsos poll showed the plan doing better.", False),
        ("Getty Images, the photo agency, said on Tuesday it would cut 200 jobs as demand for pictures fell.", False),
        ("The picture by the end of the quarter looked better, analysts at the regional bank said on Tuesday.", False),
        # A credit at a long caption's end, or a label or a credit opening it.
        ("Islanders wait on the quay at Holm for the first crossing in three weeks on Monday. REUTERS/Ana Ruiz", True),
        ("Photo: Islanders wait on the quay at Holm for the first crossing in three weeks on a cold Monday.", True),
        ("STAFF PHOTO BY ANA RUIZ Islanders wait on the quay at Holm for the first crossing in three weeks.", True),
    ],
)
def test_a_photos_credit_makes_a_caption_at_its_ends_not_inside_a_sentence(line: str, caption: bool) -> None:
    assert is_caption_form(line) is caption


def test_word_character_classes_are_res_for_every_code_point_of_the_plane() -> None:
    classes = _word_classes()
    word = re.compile(r"\w")
    assert all(bool(classes[code] & 1) == (word.match(chr(code)) is not None) for code in range(len(classes)))


def test_words_counted_for_many_lines_at_once_are_each_lines_own() -> None:
    texts = [
        "Don't miss the U.S. e-mail -- it's 5.30pm",
        "a.b..c -d- 'e' f’g. h_i __ 1-2-3",
        "Ana - Rome",
        ".",
        "-",
        "北京市 新闻 2024年3月4日",
        "Café déjà-vu naïve",
        "Emoji 😀 between words, 𝐀𝐁𝐂 mathematical letters",
        "Lone surrogate \ud800 here",
        "word " * 60,
        "x",
    ]
    assert _word_counts(texts) == [_word_count(text) for text in texts]
    assert _word_counts([]) == []
    assert _word_counts(["word " * 60]) == [60]


_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg" * 2


@pytest.mark.parametrize(
    "line",
    [
        "var a=function(b,c){return b+c};window.count=a(1,2);document.title=String(window.count);",
        ".story-card{margin:0 4px;padding:2px;border:1px solid #ddd}.story-card h2{font-size:18px}",
        '{"id": 7, "tags": ["harbour", "ferry"], "author": {"name": "A. Writer", "desk": "city"}, '
        '"published": "2024-03-01", "words": 640, "images": [{"src": "a.jpg"}, {"src": "b.jpg"}], "section": "news", "related": [12, 19, 23]}',
        f"data:image/png;base64,{_BASE64}",
        _BASE64,
    ],
)
def test_minified_code_style_sheets_json_and_base64_are_code_or_data(line: str) -> None:
    assert is_code_or_data(line)
    assert build_lines([line])[0].markup


@pytest.mark.parametrize(
    "line",
    [
        # Prose with semicolons, brackets and an equals sign, in two scripts.
        "The council met on Monday; the mayor [who chairs it] said the budget = last year's, plus two per cent.",
        "Министр заявил в понедельник, что бюджет на следующий год будет принят до конца месяца; депутаты согласились.",
        # Code written with spaces, as programming posts quote it, is left to the line model.
        "var total = prices.reduce(function (sum, price) { return sum + price; }, 0); console.log(total);",
        # A long web address is a link, not encoded data.
        "https://www.example.com/news/2024/03/01/harbour-council-approves-new-ferry-timetable-for-the-island-route",
        # A table row of figures.
        "1. Kingsport Rovers 38 24 8 6 71 30 +41 80",
    ],
)
def test_prose_spaced_code_addresses_and_tables_are_not_code_or_data(line: str) -> None:
    assert not is_code_or_data(line)


@pytest.mark.parametrize(
    "widget", ["Share to facebook", "Share to Facebook Messenger", "• Share by email", "Share with friends"]
)
def test_a_share_button_naming_where_it_shares_to_is_a_widget_after_the_model(widget: str) -> None:
    [line] = build_lines([widget])
    assert line.rule is None
    assert line.rule_after_model is not None and line.rule_after_model.name == "share_widget"


@pytest.mark.parametrize(
    "line",
    ["Share to the council's budget rose by a third in a year.", "Sharing with neighbours, the mill kept its staff."],
)
def test_a_sentence_opening_with_share_is_no_widget(line: str) -> None:
    [built] = build_lines([line])
    assert built.rule is None and built.rule_after_model is None

"""Stories from articles and relations: membership, origin, members, dates and labels."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from newstrace.model import Article, Relation, Story, UnrelatedPair
from newstrace.stories import build_stories, story_dates
from newstrace.stories.build import choose_origin, source_strengths

BODY = {
    "short": ["The Marrowby council approved the flood barrier on Tuesday."],
    "medium": [
        "The Marrowby council approved the flood barrier on Tuesday by 9 votes to 4.",
        "Mayor Odile Fenwick said work would start in April.",
    ],
    "long": [
        "The Marrowby council approved the flood barrier on Tuesday by 9 votes to 4, three weeks after 312 homes flooded.",
        "Mayor Odile Fenwick said work would start in April and take 18 months.",
        "Councillor Barnaby Quayle voted against, saying wetlands at Linnet Moor should have come first.",
    ],
}


def _article(article_id: str, length: str = "medium", *, title: str | None = "", **fields: Any) -> Article:
    """An article with a body of the given length; its title is "Title of <id>" unless given."""
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        content_hash="",
        position=1,
        title=f"Title of {article_id}" if title == "" else title,
        paragraphs=list(BODY[length]),
        **fields,
    )


def _relation(
    source: str,
    copy: str,
    kind: str,
    direction: str = "known",
    confidence: float = 0.9,
    similarity: float = 0.9,
    probability: float = -1.0,
) -> Relation:
    return Relation(
        source,
        copy,
        kind,
        confidence,
        similarity,
        direction,
        evidence=[f"{source} before {copy}"],
        direction_confidence=0.9 if direction == "known" else 0.5,
        story_probability=probability,
    )


def _story_of(stories: list[Story], article_id: str) -> Story:
    (story,) = [story for story in stories if any(member.article == article_id for member in story.members)]
    return story


def test_every_article_is_in_exactly_one_story() -> None:
    articles = [_article(name) for name in ("wire", "paper", "blog", "same-a", "same-b", "alone-1", "alone-2")]
    relations = [
        _relation("wire", "paper", "syndicated"),
        _relation("wire", "blog", "rewrite"),
        _relation("paper", "blog", "rewrite"),
        _relation("same-a", "same-b", "same_event", direction="unknown", similarity=0.6),
        _relation("alone-1", "alone-2", "unrelated", direction="unknown", similarity=0.1),
        # Relations to articles that are not given are ignored.
        _relation("wire", "ghost", "copy"),
    ]
    stories = build_stories(articles, relations)
    members = [member.article for story in stories for member in story.members]
    assert sorted(members) == sorted(article.id for article in articles)
    assert {frozenset(member.article for member in story.members) for story in stories} == {
        frozenset({"wire", "paper", "blog"}),
        frozenset({"same-a", "same-b"}),
        frozenset({"alone-1"}),
        frozenset({"alone-2"}),
    }
    assert sorted(story.id for story in stories) == [f"story-{number}" for number in range(1, 5)]
    assert "ghost" not in members


def test_the_origin_is_the_article_the_direction_evidence_points_to() -> None:
    # The copies have a credit, an earlier date or a longer text; the relations still name "source".
    articles = [
        _article("source", "short", date="2024-03-12"),
        _article("credited", "medium", credit="AP", date="2024-03-12"),
        _article("longer", "long", date="2024-03-12"),
    ]
    relations = [
        _relation("source", "credited", "syndicated", confidence=0.8),
        _relation("source", "longer", "rewrite", confidence=0.7),
        _relation("credited", "longer", "rewrite", direction="unknown", confidence=0.7),
    ]
    (story,) = build_stories(articles, relations)
    assert story.origin == "source"
    assert len(story.origin_evidence) == 2
    assert all("source before" in reason for reason in story.origin_evidence)


def test_a_win_counts_by_the_strength_of_the_one_beaten() -> None:
    # "r3" is judged the source of four rewrites that have no other source; "original" of two that
    # "r3" beat as well, more surely. Summed margins name r3; the strengths name the original.
    def judged(source: str, copy: str, probability: float) -> Relation:
        return replace(_relation(source, copy, "rewrite"), direction_confidence=probability)

    group = frozenset({"original", "r1", "r2", "r3", "r4", "r5"})
    relations = [
        judged("original", "r1", 0.95),
        judged("original", "r2", 0.95),
        *(judged("r3", copy, 0.75) for copy in ("r1", "r2", "r4", "r5")),
        judged("r1", "r4", 0.6),
        judged("r2", "r5", 0.6),
        # A relation of unknown direction, and one leaving the group, weigh nothing.
        _relation("r4", "r5", "rewrite", direction="unknown"),
        judged("outside", "original", 0.99),
    ]
    strengths = source_strengths(group, relations)
    assert max(strengths, key=strengths.__getitem__) == "original"
    assert strengths["r3"] > strengths["r1"] == pytest.approx(strengths["r2"])
    articles = {article_id: _article(article_id) for article_id in group}
    assert choose_origin(group, articles, relations)[0] == "original"
    # Members that met no relation of known direction keep a neutral strength.
    assert source_strengths(frozenset({"a", "b"}), []) == {"a": 0.0, "b": 0.0}


@pytest.mark.parametrize(
    ("articles", "origin"),
    [
        # Agency credit first ...
        ([_article("plain", "long"), _article("credited", "short", credit="Reuters")], "credited"),
        ([_article("plain", "long"), _article("dated", "short", dateline="MARROWBY")], "dated"),
        ([_article("plain", "long"), _article("wire", "short", metadata={"wire_date": "12/03/24"})], "wire"),
        # ... the agency's own form (its tag in the dateline) before a publisher's credit line, whatever the dates ...
        (
            [
                _article("paper", "long", credit="AP", date="2024-03-12"),
                _article("release", "long", credit="AP", dateline="MARROWBY", metadata={"dateline_agency": "AP"}),
            ],
            "release",
        ),
        # ... then the earliest date (dated articles come before undated ones) ...
        ([_article("b", "long", date="2024-03-12"), _article("a", "short")], "b"),
        # ... then the reporters' credits kept (a release's byline and closing credit, a copy's neither) ...
        (
            [
                _article("a-copy", "long", credit="Reuters", metadata={"dateline_agency": "Reuters"}),
                _article(
                    "release",
                    "long",
                    credit="Reuters",
                    byline="Ana Ruiz",
                    metadata={"dateline_agency": "Reuters", "reporter_credit": "(Reporting by Ana Ruiz)"},
                ),
            ],
            "release",
        ),
        (
            [
                _article("a-copy", "long", credit="Reuters", byline="Ana Ruiz"),
                _article("release", "long", credit="Reuters", byline="Ana Ruiz", metadata={"reporter_credit": "Ana"}),
            ],
            "release",
        ),
        # ... then the most complete text, then the id.
        ([_article("a", "short"), _article("b", "long"), _article("c", "medium")], "b"),
        ([_article("b", "medium"), _article("a", "medium")], "a"),
    ],
)
def test_without_direction_evidence_the_origin_goes_by_credit_date_then_length(
    articles: list[Article], origin: str
) -> None:
    ids = [article.id for article in articles]
    relations = [
        _relation(first, second, "syndicated", direction="unknown") for first in ids for second in ids if first < second
    ]
    chosen, reasons = choose_origin(frozenset(ids), {article.id: article for article in articles}, relations)
    assert chosen == origin
    assert reasons == [
        "no direction evidence: chosen by agency credit (the agency's own dateline or wire header first),"
        " earliest date, reporters' credits kept, then the most complete text"
    ]


def test_identical_texts_share_what_either_is_the_source_of() -> None:
    # The agency's release and a paper's identical copy of it; the paper's copy alone was compared with
    # a trimmed copy and won: the release, its twin, is as strong a source, and its own form decides.
    articles = {
        "paper": _article("paper", "long", credit="AP", date="2024-03-12"),
        "release": _article("release", "long", credit="AP", metadata={"dateline_agency": "AP"}),
        "trimmed": _article("trimmed", "short", credit="AP", date="2024-03-12"),
    }
    relations = [_relation("paper", "release", "duplicate", direction="unknown"), _relation("paper", "trimmed", "copy")]
    assert choose_origin(frozenset(articles), articles, relations)[0] == "release"
    # A duplicate of known direction (dates decided it) is no twin: the earlier one stays the origin.
    relations[0] = _relation("paper", "release", "duplicate")
    assert choose_origin(frozenset(articles), articles, relations)[0] == "paper"


def test_same_event_relations_do_not_join_articles_dated_apart() -> None:
    articles = [
        _article("monday", date="2024-03-11"),
        _article("tuesday", date="2024-03-12"),
        _article("tuesday-too", date="2024-03-12T17:45:00"),
        _article("undated"),
    ]
    relations = [
        _relation("monday", "tuesday", "same_event", direction="unknown", similarity=0.95),
        _relation("tuesday", "tuesday-too", "same_event", direction="unknown", similarity=0.6),
        _relation("monday", "undated", "same_event", direction="unknown", similarity=0.6),
    ]
    stories = build_stories(articles, relations)
    assert _story_of(stories, "monday") is not _story_of(stories, "tuesday")
    assert {member.article for member in _story_of(stories, "tuesday").members} == {"tuesday", "tuesday-too"}
    assert {member.article for member in _story_of(stories, "monday").members} == {"monday", "undated"}


def test_a_rewrite_printed_a_day_later_keeps_no_other_report_of_that_day_out_of_its_story() -> None:
    # A network's report, a paper's own report of the same event that day, and a content farm's
    # rewrite of the network's report the next day: one story, dated as its origin.
    articles = [
        _article("network", "long", credit="CNN", date="2024-03-12"),
        _article("paper", "medium", date="2024-03-12"),
        _article("farm", "medium", date="2024-03-13"),
    ]
    relations = [
        _relation("network", "farm", "rewrite", similarity=0.9, probability=0.9),
        _relation("network", "paper", "same_event", direction="unknown", similarity=0.6, probability=0.66),
    ]
    (story,) = build_stories(articles, relations)
    assert story.origin == "network" and story.date == "2024-03-12"
    assert {member.article for member in story.members} == {"network", "paper", "farm"}
    # A report of the next day itself (no rewrite of anything in the story) stays apart.
    articles.append(_article("next-day", "medium", date="2024-03-13"))
    relations.append(_relation("farm", "next-day", "same_event", direction="unknown", similarity=0.6))
    assert _story_of(build_stories(articles, relations), "next-day").origin == "next-day"


def test_a_weak_same_event_relation_does_not_make_a_story() -> None:
    articles = [_article("one", date="2024-03-12"), _article("two", date="2024-03-12")]
    stories = build_stories(articles, [_relation("one", "two", "same_event", direction="unknown", similarity=0.2)])
    assert len(stories) == 2


def test_duplicates_stay_in_their_story_whatever_their_dates() -> None:
    articles = [
        _article("wire", "long", credit="AP", date="2024-03-12T06:00:00"),
        _article("republished", "long", date="2024-03-10"),
    ]
    (story,) = build_stories(articles, [_relation("wire", "republished", "duplicate", confidence=1.0)])
    assert story.origin == "wire"
    # The story's date is its origin's, not the earliest member's.
    assert story.date == "2024-03-12"


def test_a_copy_of_part_of_its_source_inside_its_own_text_joins_no_story_of_another_day() -> None:
    # Another paper's next-day story around three of the wire's paragraphs word for word: its own
    # day's report, where the wire's whole text reprinted that day stays in the wire's story.
    articles = [
        _article("wire", "long", credit="AP", date="2024-03-12", outlet="apnews.com"),
        _article("follow-up", "long", date="2024-03-13", outlet="gazette.example"),
        _article("reprint", "long", date="2024-03-13", outlet="courier.example"),
    ]
    partial = _relation("wire", "follow-up", "copy", confidence=0.4, probability=0.95)
    assert partial.is_partial_copy
    stories = build_stories(articles, [partial, _relation("wire", "reprint", "copy", confidence=0.99)])
    assert _story_of(stories, "wire") == _story_of(stories, "reprint") != _story_of(stories, "follow-up")


def test_an_undated_copy_joins_a_story_whose_duplicates_span_two_dates() -> None:
    articles = [
        _article("wire", "long", credit="AP", date="2024-03-12T06:00:00"),
        _article("republished", "long", date="2024-03-10"),
        _article("undated-copy", "medium"),
    ]
    relations = [
        _relation("wire", "republished", "duplicate", confidence=1.0),
        _relation("wire", "undated-copy", "copy", confidence=0.97),
    ]
    stories = build_stories(articles, relations)
    assert len(stories) == 1
    assert stories[0].origin == "wire"


def test_members_list_the_origin_first_then_how_each_derives_from_it() -> None:
    articles = [
        _article("wire", "long", credit="AP"),
        _article("paper"),
        _article("blog"),
        _article("forum", "short"),
    ]
    relations = [
        _relation("wire", "paper", "syndicated", confidence=0.85),
        _relation("wire", "blog", "rewrite", confidence=0.7),
        # Related to the origin only through the paper.
        _relation("paper", "forum", "copy", confidence=0.99),
        _relation("blog", "forum", "rewrite", direction="unknown", confidence=0.6),
    ]
    (story,) = build_stories(articles, relations)
    assert [(member.article, member.kind, member.confidence) for member in story.members] == [
        ("wire", "origin", 1.0),
        ("blog", "rewrite", 0.7),
        ("forum", "same_story", 0.99),
        ("paper", "syndicated", 0.85),
    ]


def test_a_relation_of_unknown_direction_to_the_origin_still_gives_the_members_kind() -> None:
    articles = [_article("a-copy", "long"), _article("b-wire", "long", credit="AP")]
    relations = [_relation("a-copy", "b-wire", "duplicate", direction="unknown", confidence=1.0)]
    (story,) = build_stories(articles, relations)
    assert story.origin == "b-wire"
    assert [(member.article, member.kind) for member in story.members] == [
        ("b-wire", "origin"),
        ("a-copy", "duplicate"),
    ]


def test_story_date_is_the_origins_and_articles_without_one_take_it() -> None:
    articles = [
        _article("wire", "long", credit="AP", date="2024-03-12T06:00:00+00:00"),
        _article("paper"),
        _article("undated-alone"),
    ]
    stories = build_stories(articles, [_relation("wire", "paper", "syndicated")])
    story = _story_of(stories, "wire")
    assert story.date == "2024-03-12"
    assert _story_of(stories, "undated-alone").date is None
    dates = story_dates(stories)
    assert dates == {"wire": "2024-03-12", "paper": "2024-03-12"}


def test_an_undated_origin_gives_its_story_the_earliest_member_date() -> None:
    articles = [_article("wire", "long", credit="AP"), _article("paper", date="2024-03-13")]
    (story,) = build_stories(articles, [_relation("wire", "paper", "syndicated")])
    assert story.origin == "wire"
    assert story.date == "2024-03-13"


def test_an_undated_origin_whose_dateline_names_its_day_dates_its_story_by_that_day() -> None:
    # "Lima, 30 dic (EFE).-" with no year, its copy printed on 1 January: the story is of 30 December
    # of the year before, the day nearest the copy's; a day a month off dates nothing.
    wire = _article("wire", "long", credit="EFE")
    wire.metadata["dateline_day"] = "--12-30"
    (story,) = build_stories([wire, _article("paper", date="2025-01-01")], [_relation("wire", "paper", "syndicated")])
    assert story.origin == "wire"
    assert story.date == "2024-12-30"
    wire.metadata["dateline_day"] = "--11-30"
    (story,) = build_stories([wire, _article("paper", date="2025-01-01")], [_relation("wire", "paper", "syndicated")])
    assert story.date == "2025-01-01"


def test_stories_are_ordered_by_date_then_origin_and_labelled_by_the_origins_title() -> None:
    long_title = (
        "Marrowby council approves a fourteen million pound flood barrier on the River Tessel after record floods"
    )
    articles = [
        _article("late", date="2024-05-01"),
        _article("early", date="2024-01-15", title=long_title),
        _article("none"),
        _article("also-early", date="2024-01-15", title=None),
    ]
    stories = build_stories(articles, [])
    assert [story.origin for story in stories] == ["also-early", "early", "late", "none"]
    assert [story.id for story in stories] == ["story-1", "story-2", "story-3", "story-4"]
    labels = {story.origin: story.label for story in stories}
    assert labels["early"] == " ".join(long_title.split()[:12]) + " …"
    assert labels["late"] == "Title of late"
    # Without a title the label is the start of the text.
    assert labels["also-early"] == " ".join(" ".join(BODY["medium"]).split()[:12]) + " …"


def test_no_articles_no_stories() -> None:
    assert build_stories([], []) == []


def test_another_publishers_copy_or_rewrite_dated_days_later_stays_in_its_origins_story() -> None:
    articles = [
        _article("wire", "long", credit="AP", date="2024-03-12", outlet="apnews.com"),
        # The paper's copy credits the agency, but it is the paper's.
        _article("paper", credit="AP", date="2024-03-13", outlet="gazette.example"),
        _article("farm", date="2024-03-15", outlet="farm.example"),
    ]
    relations = [
        _relation("wire", "paper", "syndicated"),
        _relation("wire", "farm", "rewrite", probability=0.95),
        _relation("paper", "farm", "rewrite", probability=0.95),
    ]
    (story,) = build_stories(articles, relations)
    assert story.origin == "wire"


def test_a_publishers_own_release_of_another_day_is_another_story() -> None:
    # An agency's next-day release reuses its earlier paragraphs: an update, another day's story
    # (joining them cost METER's pairwise precision 0.94 -> 0.87). So is an outlet's own rewrite, and
    # one of an unknown publisher (two pages of one unnamed site share its template).
    wire = {"wire_date": "12/03/24", "wire_slug": "COURTS Trial"}
    for first, second in (
        ({"credit": "PA", "metadata": wire}, {"metadata": {**wire, "wire_date": "13/03/24"}}),
        ({"outlet": "courier.example"}, {"outlet": "courier.example"}),
        ({}, {}),
    ):
        articles = [
            _article("monday", "long", date="2024-03-12", **first),
            _article("tuesday", "long", date="2024-03-13", **second),
        ]
        assert len(build_stories(articles, [_relation("monday", "tuesday", "syndicated")])) == 2
        # An undated paper's copy says nothing of the day: it joins one day's story, not both.
        paper = _article("paper")
        relations = [_relation("monday", "paper", "rewrite"), _relation("tuesday", "paper", "rewrite")]
        assert len(build_stories([*articles, paper], relations)) == 2


def test_pairs_judged_unrelated_still_weigh_in_joining_two_groups() -> None:
    articles = [_article(name) for name in ("a", "b", "c", "d")]
    # Two tight pairs and one link across: on its own the link is one pair in four (mean 0.225).
    relations = [
        _relation("a", "b", "rewrite", similarity=0.95),
        _relation("c", "d", "rewrite", similarity=0.95),
        _relation("a", "c", "same_event", direction="unknown", similarity=0.9),
    ]
    apart = build_stories(articles, relations)
    assert _story_of(apart, "a") is not _story_of(apart, "c")
    # The other three cross pairs were compared and fell short of a link, yet are far from nothing.
    unrelated = [UnrelatedPair("a", "d", 0.4), UnrelatedPair("c", "b", 0.35), UnrelatedPair("b", "d", 0.3)]
    together = build_stories(articles, relations, unrelated)
    assert len(together) == 1
    # Weak pairs alone make no story, and they never decide an origin or a member's kind.
    (story,) = together
    assert {member.kind for member in story.members} <= {"origin", "rewrite", "same_event", "same_story"}
    assert len(build_stories(articles, [], unrelated)) == 4


def test_a_digest_linked_to_two_reports_ruled_out_as_one_story_does_not_join_them() -> None:
    # A page of every match's summary shares text with each match's report; the two reports were
    # compared and the model all but ruled them out as one story.
    articles = [_article(name, date="2024-03-02") for name in ("digest", "first", "second")]
    relations = [
        _relation("digest", "first", "same_event", direction="unknown", probability=0.95),
        _relation("digest", "second", "same_event", direction="unknown", probability=0.95),
    ]
    ruled_out = build_stories(articles, relations, [UnrelatedPair("first", "second", 0.004)])
    assert _story_of(ruled_out, "first") is not _story_of(ruled_out, "second")
    # A pair merely unlikely (not ruled out) weighs in the mean as before, and the three join.
    doubtful = build_stories(articles, relations, [UnrelatedPair("first", "second", 0.2)])
    assert len(doubtful) == 1


def test_unrelated_pairs_dated_apart_do_not_join_anything() -> None:
    articles = [_article("a", date="2024-03-01"), _article("b", date="2024-03-05")]
    stories = build_stories(articles, [], [UnrelatedPair("a", "b", 0.45)])
    assert len(stories) == 2


def test_an_undated_article_joins_the_day_it_follows_most_closely_not_the_most_probable() -> None:
    # A trial reported on two days: the next day's wire copy recaps the first, so an undated paper
    # written from day one is about as probably one story with either; its text is closer to day one.
    articles = [
        _article("day1", "long", credit="PA", date="2000-01-26"),
        _article("day2", "long", credit="PA", date="2000-01-27"),
        _article("paper"),
    ]
    relations = [
        _relation("day1", "paper", "rewrite", similarity=0.8, probability=0.97),
        _relation("day2", "paper", "rewrite", similarity=0.5, probability=0.99),
    ]
    stories = build_stories(articles, relations)
    assert _story_of(stories, "paper") is _story_of(stories, "day1")
    assert _story_of(stories, "day2") is not _story_of(stories, "day1")


def _wire_release(article_id: str, slug: str, wire_date: str = "08/08/99") -> Article:
    return _article(article_id, credit="PA", metadata={"wire_slug": slug, "wire_date": wire_date})


def test_wire_releases_under_one_catchline_and_date_are_one_story() -> None:
    # A profile filed under the story's catchline shares few words with the reports: its one weak
    # link to a large story is too little for the mean, yet the agency filed it as that story.
    reports = [_wire_release(name, "SHOWBIZ Fernley") for name in ("lead", "update")]
    papers = [_article(name) for name in ("paper1", "paper2", "paper3")]
    profile = _wire_release("profile", "SHOWBIZ Fernley Profile")
    relations = [
        _relation("lead", "update", "syndicated"),
        *(_relation("lead", paper.id, "rewrite") for paper in papers),
        _relation("lead", "profile", "same_event", direction="unknown", similarity=0.45, probability=0.45),
    ]
    stories = build_stories([*reports, *papers, profile], relations)
    assert _story_of(stories, "profile") is _story_of(stories, "lead")
    assert len(stories) == 1
    # Another catchline, or the same one on another day, is no such tie.
    for other in (_wire_release("profile", "SHOWBIZ Blobby"), _wire_release("profile", "SHOWBIZ Fernley", "09/08/99")):
        apart = build_stories([*reports, *papers, other], relations)
        assert _story_of(apart, "profile") is not _story_of(apart, "lead")


def test_a_lone_article_joins_a_large_story_through_one_sure_relation() -> None:
    # Six reports of one hearing, each related to the others; a paper's sidebar resembles one of them
    # only. Its mean over six members is far below the join threshold, yet one link this sure is a
    # story: a leaf cannot chain two stories together.
    reports = [f"report-{number}" for number in range(6)]
    articles = [_article(name) for name in [*reports, "sidebar", "other-sidebar"]]
    relations = [
        _relation(first, second, "same_event", direction="unknown", similarity=0.8)
        for first in reports
        for second in reports
        if first < second
    ]
    relations.append(_relation("report-2", "sidebar", "same_event", direction="unknown", similarity=0.74))
    relations.append(_relation("report-4", "other-sidebar", "same_event", direction="unknown", similarity=0.4))
    stories = build_stories(articles, relations)
    assert {member.article for member in _story_of(stories, "report-0").members} == {*reports, "sidebar"}
    # A weaker link leaves the article alone, and one dated apart never joins.
    assert len(_story_of(stories, "other-sidebar").members) == 1
    dated = [replace(article, date="2024-03-12") for article in articles[:6]] + [
        _article("sidebar", date="2024-03-14"),
        articles[7],
    ]
    assert len(_story_of(build_stories(dated, relations), "sidebar").members) == 1


def test_an_echo_joins_the_story_of_the_article_it_echoes_and_stands_to_the_origin_as_it_does() -> None:
    articles = [
        _article("wire", "long", credit="AP"),
        _article("paper"),
        _article("reprint"),
        _article("reprint-of-reprint"),
        _article("other", "short"),
    ]
    relations = [
        _relation("wire", "paper", "syndicated", confidence=0.85, probability=0.9),
        # An echo is compared with the article it echoes alone; however unsure that one relation,
        # the echo is that article again.
        _relation("paper", "reprint", "duplicate", confidence=1.0, probability=0.3),
        _relation("reprint", "reprint-of-reprint", "duplicate", confidence=1.0, probability=0.3),
    ]
    echoes = {"reprint": "paper", "reprint-of-reprint": "reprint"}
    without = build_stories(articles, relations)
    assert ("reprint", "same_story") in [(member.article, member.kind) for member in _story_of(without, "wire").members]
    assert len(_story_of(without, "reprint-of-reprint").members) == 1
    stories = build_stories(articles, relations, echoes=echoes)
    story = _story_of(stories, "wire")
    assert [(member.article, member.kind, member.confidence) for member in story.members] == [
        ("wire", "origin", 1.0),
        ("paper", "syndicated", 0.85),
        ("reprint", "syndicated", 0.85),
        ("reprint-of-reprint", "syndicated", 0.85),
    ]
    assert len(_story_of(stories, "other").members) == 1
    # An echo of an article not given, or a loop, is an article like the others.
    assert len(build_stories(articles, relations, echoes={"reprint": "gone", "other": "other"})) == len(without)
    # An echo judged unrelated to the article it repeats (one outlet's template under two headlines)
    # is an article of its own.
    apart = [UnrelatedPair("paper", "reprint", 0.0)]
    alone = build_stories(articles, relations[:1], apart, echoes={"reprint": "paper"})
    assert len(_story_of(alone, "reprint").members) == 1

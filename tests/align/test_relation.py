"""Relations between two articles: their kind, and which is the source when the evidence says so."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import pytest

from newstrace.align import prepare_text, relate
from newstrace.align.alignment import AlignedText, SentenceMatches
from newstrace.align.pair_features import FEATURE_NAMES
from newstrace.align.relation import RelationModels, _completeness_reason, _words_up_to, classify
from newstrace.align.story_model import STORY_THRESHOLD
from newstrace.model import Article, Relation
from newstrace.sentences import Lexicon, default_lexicon
from tests.factories import make_article

ORIGINAL = [
    "The ferry link between Kestrel Bay and the island of Strathmorrow will be suspended for 16 weeks from May 2 while the harbour's 70-year-old loading ramp is replaced, the Vennick Line said on Thursday.",
    "About 2,400 islanders depend on the crossing, which runs nine times a day and carries fuel, post and the school bus. The company will charter the smaller vessel Morwenna Grey to carry foot passengers and freight twice a day.",
    "“We know this is painful, but the old ramp could fail at any moment,” said Vennick Line director Ines Holloway. “Nobody should have to choose between a late ferry and an unsafe one.”",
    "Island councillor Dafydd Pryce said residents had been told of the closure only 11 days before it was announced. “People have hospital appointments on the mainland that cannot wait four months,” he said.",
    "The replacement ramp, built by the Lorncastle shipyard, will cost 6.5 million pounds and should last at least 50 years. Ambulance crossings will be handled by a helicopter based at Tolland airfield during the works. Fares on the temporary service will be cut by a third.",
]
# Three words changed ("announced", "cargo", "just"); every sentence kept.
SYNDICATED = [
    "The ferry link between Kestrel Bay and the island of Strathmorrow will be suspended for 16 weeks from May 2 while the harbour's 70-year-old loading ramp is replaced, the Vennick Line announced on Thursday.",
    "About 2,400 islanders depend on the crossing, which runs nine times a day and carries fuel, post and the school bus. The company will charter the smaller vessel Morwenna Grey to carry foot passengers and cargo twice a day.",
    "“We know this is painful, but the old ramp could fail at any moment,” said Vennick Line director Ines Holloway. “Nobody should have to choose between a late ferry and an unsafe one.”",
    "Island councillor Dafydd Pryce said residents had been told of the closure just 11 days before it was announced. “People have hospital appointments on the mainland that cannot wait four months,” he said.",
    "The replacement ramp, built by the Lorncastle shipyard, will cost 6.5 million pounds and should last at least 50 years. Ambulance crossings will be handled by a helicopter based at Tolland airfield during the works. Fares on the temporary service will be cut by a third.",
]
# The same story told again in the same order, its quotations turned into reported speech.
REWRITE = [
    "Vennick Line announced on Thursday that it will halt ferries between Kestrel Bay and Strathmorrow for 16 weeks starting May 2, so that the 70-year-old loading ramp in the harbour can be rebuilt.",
    "The route, used by around 2,400 island residents, normally sails nine times daily with fuel, mail and the school bus on board. During the closure the chartered Morwenna Grey, a smaller boat, will take foot passengers and freight across twice daily.",
    "Director Ines Holloway admitted the suspension would hurt but warned that the ageing ramp could give way at any time, adding that islanders should not be forced to pick between a delayed ferry and a dangerous one.",
    "Dafydd Pryce, who represents the island on the council, complained that residents learned of the closure a mere 11 days before the announcement and said hospital appointments on the mainland could not be put off for four months.",
    "The Lorncastle shipyard is building the new ramp for 6.5 million pounds, and it is expected to last for 50 years or more. A helicopter stationed at Tolland airfield will cover ambulance crossings while the works go on.",
]
UNRELATED = [
    "The Ashgrove cheese festival drew a record 18,000 visitors to the old cattle market on Saturday, organisers said.",
    "More than 90 dairies from the Pellin valley set up stalls, and a blue cheese from the Harlow Farm cooperative won the top prize for the third year in a row.",
    "Festival director Rosalind Abernethy said the event had outgrown the market and might move to the Ashgrove showground next summer. Traffic on the Corbel Road backed up for two miles in the afternoon.",
    "A charity auction of a 40-kilogram wheel of cheddar raised 3,100 pounds for the local hospice.",
]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return default_lexicon()


def _relate(first: Article, second: Article, lexicon: Lexicon) -> Relation:
    return relate(first, prepare_text(first.paragraphs, lexicon), second, prepare_text(second.paragraphs, lexicon))


def test_identical_texts_are_duplicates_of_unknown_direction(lexicon: Lexicon) -> None:
    relation = _relate(make_article("b-ferry", ORIGINAL), make_article("a-ferry", ORIGINAL), lexicon)
    assert relation.kind == "duplicate"
    assert relation.confidence == 1.0
    assert relation.similarity == pytest.approx(1.0, abs=0.01)
    assert relation.direction == "unknown"
    assert (relation.source, relation.copy) == ("a-ferry", "b-ferry")
    assert any("either may be the source" in reason for reason in relation.evidence)
    assert all(item.kind == "verbatim" for item in relation.aligned)


def test_a_trimmed_verbatim_copy_is_a_copy_of_the_complete_text(lexicon: Lexicon) -> None:
    # The copy's id sorts first, so only the evidence can name the longer text as the source.
    relation = _relate(make_article("a-trimmed", ORIGINAL[:3]), make_article("b-full", ORIGINAL), lexicon)
    assert relation.kind == "copy"
    assert relation.confidence == 1.0
    assert (relation.source, relation.copy, relation.direction) == ("b-full", "a-trimmed", "known")
    assert any("more complete" in reason for reason in relation.evidence)
    copy_sentences = len(prepare_text(ORIGINAL[:3], lexicon).sentences)
    assert [item.copy_sentence for item in relation.aligned] == list(range(copy_sentences))
    assert [item.source_sentences for item in relation.aligned] == [(index,) for index in range(copy_sentences)]


def test_texts_the_same_but_for_a_quotation_mark_are_duplicates_of_unknown_direction(lexicon: Lexicon) -> None:
    # One curly quotation mark for a straight one: no style or completeness tells which came first (the
    # direction model had given 87% to one of them).
    straight = [
        "A passenger ferry capsized in rough seas off the island of Tarsel on Wednesday, and at least nine people "
        "were missing, the coast guard said.",
        "Rescuers pulled 37 people from the water, four of them with serious injuries, coast guard spokesman Anders "
        "Vik said. The ferry was carrying 46 passengers and a crew of five, he said.",
        '"The waves were more than four metres high when the ship turned over," Vik said. "We are searching through '
        'the night."',
        "The ferry, the Selka, was built in 1987 and had passed its last inspection in January, according to its "
        "operator, Tarsel Lines.",
        "Veldmark's transport minister, Karin Oduya, said she would travel to the island on Thursday.",
    ]
    curly = [*straight[:2], straight[2].replace('"', "“", 1), *straight[3:]]
    relation = _relate(make_article("b-straight", straight), make_article("a-curly", curly), lexicon)
    assert (relation.kind, relation.direction) == ("duplicate", "unknown")
    assert relation.evidence == ["identical texts: either may be the source"]


def test_a_later_version_adding_paragraphs_is_a_copy_of_the_first_which_its_stamp_names_the_source(
    lexicon: Lexicon,
) -> None:
    # An agency's 6:05 AM story and its 11:30 AM update, which keeps the first three paragraphs word for
    # word and adds two: no rewrite, and the earlier version is the source of the later.
    stamps = ({"published_time": "2024-05-02T06:05:00"}, {"published_time": "2024-05-02T11:30:00"})
    first = make_article("b-first", ORIGINAL[:3], credit="AP", date="2024-05-02", metadata=stamps[0])
    update = make_article("a-update", ORIGINAL, credit="AP", date="2024-05-02", metadata=stamps[1])
    relation = _relate(update, first, lexicon)
    assert (relation.source, relation.copy, relation.kind) == ("b-first", "a-update", "copy")
    assert any("stamped earlier" in reason for reason in relation.evidence)
    # A longer text that rewords what it took is no copy, whatever it adds.
    reworded = make_article("a-reworded", [*REWRITE[:3], *ORIGINAL[3:]], credit="AP")
    assert _relate(reworded, make_article("b-first", ORIGINAL[:3], credit="AP"), lexicon).kind != "copy"


# The next day's report on the ferry, which carries the background of the first word for word.
FOLLOW_UP = [
    "Islanders on Strathmorrow queued for three hours on Friday to book places on the Morwenna Grey, a day after the ferry closure was announced.",
    "The island's shop said it had ordered a month of dry goods in case the smaller vessel cannot carry enough freight.",
    ORIGINAL[1],
    ORIGINAL[4],
    "The island council will meet the Vennick Line on Monday to ask for a third daily crossing in the summer.",
]


def test_a_text_around_paragraphs_of_its_source_word_for_word_is_a_copy_and_says_how_much(lexicon: Lexicon) -> None:
    source = make_article("z-ferry", ORIGINAL, credit="AP", date="2024-05-02")
    follow_up = make_article("a-queues", FOLLOW_UP, credit="AP", date="2024-05-03")
    relation = _relate(follow_up, source, lexicon)
    assert (relation.source, relation.copy, relation.kind) == ("z-ferry", "a-queues", "copy")
    # The two paragraphs are five sentences.
    assert any(
        reason.startswith("a-queues carries 5 of z-ferry's sentences word for word (") for reason in relation.evidence
    )
    # Two other stories of one site that share its template's sentences word for word carry nothing
    # of each other: the template names nothing either story names.
    template = [
        "Registered readers can save articles to read later and follow the topics that matter to them. "
        "Our journalism is funded by readers like you, and every subscription keeps the newsroom open.",
    ]
    first = make_article("a-festival", [*UNRELATED[:2], *template])
    second = make_article("b-ferry", [*ORIGINAL[:1], *template])
    shared_template = _relate(first, second, lexicon)
    assert shared_template.kind != "copy"
    assert not any("word for word" in reason for reason in shared_template.evidence)
    # A rewrite that keeps two sentences word for word and paraphrases the rest stays a rewrite.
    lazy = make_article("a-lazy", [REWRITE[0], ORIGINAL[1], REWRITE[2], ORIGINAL[3], REWRITE[4]], date="2024-05-03")
    assert _relate(lazy, source, lexicon).kind == "rewrite"


# The agency's later story of the day under the same dateline: a new top, two paragraphs of the first
# word for word, which name no one the new sentences name.
UPDATE = [
    "Dozens of islanders blocked the slipway at Kestrel Bay on Friday, a day after the ferry operator said crossings to Strathmorrow would stop for 16 weeks from May 2.",
    "Coastguard officers asked the group to leave by noon, and the protest ended peacefully, Sergeant Mirela Dunn said.",
    ORIGINAL[2],
    ORIGINAL[4],
    "The regional transport board will hear the islanders' objections at its meeting on Tuesday.",
]


def test_an_agencys_update_under_its_dateline_carrying_its_first_story_is_a_copy(lexicon: Lexicon) -> None:
    fields = {"credit": "AP", "dateline": "KESTREL BAY, Calderland", "date": "2024-05-02"}
    first = make_article("z-first", ORIGINAL, **fields)
    update = make_article("a-update", UPDATE, **fields)
    relation = _relate(update, first, lexicon)
    assert (relation.kind, relation.copy) == ("copy", "a-update")
    assert relation.confidence < 0.97
    assert any("carries 5 of z-first's sentences word for word" in reason for reason in relation.evidence)
    # The same texts under no shared dateline: the carried sentences name nothing the new ones name,
    # as a site's template would not, and no copy is claimed.
    bare = _relate(
        make_article("a-update", UPDATE, date="2024-05-02"),
        make_article("z-first", ORIGINAL, date="2024-05-02"),
        lexicon,
    )
    assert bare.kind != "copy"


def test_completeness_is_told_in_shares_unless_one_text_is_mostly_inside_the_other() -> None:
    first, second = make_article("first", ORIGINAL), make_article("second", ORIGINAL[:2])
    # second's words mostly in sentences matching first's: a copy's wording.
    mostly = _completeness_reason(first, second, _aligned(coverage=0.3), _aligned(coverage=0.9), 1)
    assert mostly == "second is mostly contained in the other, which is more complete"
    # As much matched only loosely (a follow-up's own sentences on the subject): the shares.
    loosely = _completeness_reason(first, second, _aligned(coverage=0.3), _aligned(coverage=0.9, close=0.4), 1)
    assert "contained" not in loosely
    # Two texts of one topic matching a few sentences loosely: the shares, and no claim of containment.
    loose = _completeness_reason(first, second, _aligned(coverage=0.36), _aligned(coverage=0.12), -1)
    assert "contained" not in loose
    assert (
        loose == "36% of first's words stand in sentences matching second's, 12% of second's in sentences matching it"
    )


def test_a_few_light_edits_make_a_syndicated_copy(lexicon: Lexicon) -> None:
    relation = _relate(
        make_article("wire", ORIGINAL, dateline="KESTREL BAY"), make_article("gazette", SYNDICATED), lexicon
    )
    assert relation.kind == "syndicated"
    assert relation.confidence >= 0.6
    assert relation.similarity > 0.9
    kinds = [item.kind for item in relation.aligned]
    assert kinds.count("light_edit") == 3
    assert set(kinds) == {"verbatim", "light_edit"}


def test_a_paraphrase_in_order_is_a_rewrite_of_the_text_that_keeps_the_quotations(lexicon: Lexicon) -> None:
    relation = _relate(make_article("a-rewrite", REWRITE), make_article("b-original", ORIGINAL), lexicon)
    assert relation.kind == "rewrite"
    assert (relation.source, relation.copy, relation.direction) == ("b-original", "a-rewrite", "known")
    assert any("keeps the direct quotations" in reason for reason in relation.evidence)
    assert relation.similarity > 0.5
    assert all(item.kind in ("paraphrase", "unaligned") for item in relation.aligned)


@pytest.mark.parametrize("credits", [("AP", "Reuters"), ("Agence France-Presse", "(dpa)")])
def test_two_agencies_reports_that_read_as_a_paraphrase_are_the_same_event(
    lexicon: Lexicon, credits: tuple[str, str]
) -> None:
    original = make_article("b-original", ORIGINAL, credit=credits[0])
    relation = _relate(make_article("a-rewrite", REWRITE, credit=credits[1]), original, lexicon)
    assert relation.kind == "same_event"
    assert relation.confidence >= STORY_THRESHOLD
    assert any("its own agency's report" in reason for reason in relation.evidence)
    # A rewrite credited to the source's own agency (its name written another way) stays a rewrite.
    again = _relate(make_article("a-rewrite", REWRITE, credit=credits[0].strip("()").upper()), original, lexicon)
    assert again.kind == "rewrite"


def test_unrelated_articles_are_unrelated_and_carry_no_alignment(lexicon: Lexicon) -> None:
    relation = _relate(make_article("ferry", ORIGINAL), make_article("cheese", UNRELATED), lexicon)
    assert relation.kind == "unrelated"
    assert relation.similarity < STORY_THRESHOLD
    assert relation.aligned == []


@pytest.mark.parametrize(
    "fields",
    [
        {"dateline": "KESTREL BAY, Calderland"},
        {"credit": "AP"},
        {"metadata": {"wire_date": "02/05/24", "wire_slug": "TRANSPORT Ferry"}},
    ],
)
def test_an_agency_dateline_credit_or_wire_header_names_the_source(lexicon: Lexicon, fields: dict[str, Any]) -> None:
    wire = make_article("z-wire", ORIGINAL, **fields)
    paper = make_article("a-paper", SYNDICATED)
    for first, second in ((wire, paper), (paper, wire)):
        relation = _relate(first, second, lexicon)
        assert (relation.source, relation.copy, relation.direction) == ("z-wire", "a-paper", "known")
        assert relation.kind == "syndicated"
        assert any("agency dateline" in reason for reason in relation.evidence)
        # Hard evidence outweighs anything the direction model says of two papers.
        assert relation.direction_confidence >= 0.95


def test_of_two_identical_texts_crediting_one_agency_its_own_dateline_names_the_source(lexicon: Lexicon) -> None:
    # The agency's release under its tag ("KESTREL BAY (EFE) -"), a paper's copy of it word for word
    # with "Fuente: EFE" under the text: both credit EFE, only one in the agency's own form.
    wire = make_article("z-wire", ORIGINAL, credit="EFE", dateline="KESTREL BAY", metadata={"dateline_agency": "EFE"})
    paper = make_article("a-paper", ORIGINAL, credit="EFE")
    for first, second in ((wire, paper), (paper, wire)):
        relation = _relate(first, second, lexicon)
        assert (relation.source, relation.copy, relation.direction) == ("z-wire", "a-paper", "known")
        assert relation.kind == "duplicate"
        assert relation.evidence == ["z-wire carries EFE's own dateline or wire header; the other only credits it"]
    # Another agency's credit says nothing of which came first.
    relation = _relate(wire, make_article("a-paper", ORIGINAL, credit="AFP"), lexicon)
    assert relation.direction == "unknown"


def test_the_earlier_date_names_the_source(lexicon: Lexicon) -> None:
    later = make_article("a-later", ORIGINAL, date="2024-04-02")
    earlier = make_article("z-earlier", SYNDICATED, date="2024-04-01T09:30:00")
    relation = _relate(later, earlier, lexicon)
    assert (relation.source, relation.copy, relation.direction) == ("z-earlier", "a-later", "known")
    assert relation.evidence == ["z-earlier is dated earlier"]


def test_the_same_date_or_an_unreadable_one_decides_nothing(lexicon: Lexicon) -> None:
    for first_date, second_date in (("2024-04-01", "2024-04-01"), ("April 2024", "2024-04-02"), (None, "2024-04-02")):
        relation = _relate(
            make_article("z-one", ORIGINAL, date=first_date),
            make_article("a-two", SYNDICATED, date=second_date),
            lexicon,
        )
        assert relation.direction == "unknown", (first_date, second_date)


def test_direction_is_unknown_when_nothing_decides(lexicon: Lexicon) -> None:
    forward = _relate(make_article("z-one", ORIGINAL), make_article("a-two", SYNDICATED), lexicon)
    backward = _relate(make_article("a-two", SYNDICATED), make_article("z-one", ORIGINAL), lexicon)
    assert forward.direction == backward.direction == "unknown"
    assert forward.evidence == []
    # Undecided pairs are named the same way whichever way round they are given.
    assert (forward.source, forward.copy, forward.kind) == (backward.source, backward.copy, backward.kind)
    assert (forward.source, forward.copy) == ("a-two", "z-one")


def test_evidence_that_cancels_out_leaves_the_direction_unknown(lexicon: Lexicon) -> None:
    credited = make_article("z-credited", ORIGINAL, credit="AP", date="2024-04-02")
    earlier = make_article("a-earlier", SYNDICATED, date="2024-04-01")
    relation = _relate(credited, earlier, lexicon)
    assert relation.direction == "unknown"
    assert len(relation.evidence) == 2


def _wire(article_id: str, paragraphs: list[str], slug: str, wire_date: str = "02/05/24") -> Article:
    return make_article(article_id, paragraphs, metadata={"wire_slug": slug, "wire_date": wire_date})


def test_wire_releases_under_one_catchline_are_the_same_event(lexicon: Lexicon) -> None:
    first = _wire("pa-1", ORIGINAL[:2], "TRANSPORT Ferry Nightlead")
    second = _wire("pa-2", UNRELATED, "TRANSPORT Ferry Substitute")
    relation = _relate(first, second, lexicon)
    assert relation.kind == "same_event"
    assert relation.similarity >= 0.8
    assert "both are wire releases under the same catchline and date" in relation.evidence
    # Another date or another story key: the texts alone decide, and they are unrelated.
    for other in (
        _wire("pa-3", UNRELATED, "TRANSPORT Ferry Substitute", wire_date="03/05/24"),
        _wire("pa-4", UNRELATED, "TRANSPORT Harbour Substitute"),
    ):
        assert _relate(first, other, lexicon).kind == "unrelated"


def _aligned(
    *,
    verbatim: float = 0.0,
    edited: float = 0.0,
    coverage: float = 0.0,
    order: float = 0.0,
    similarity: float = 0.0,
    close: float | None = None,
) -> AlignedText:
    edited = max(verbatim, edited)
    close = max(edited, coverage if close is None else close)
    return AlignedText(SentenceMatches.none(), coverage, coverage, verbatim, edited, order, similarity, close)


@pytest.mark.parametrize(
    ("alignment", "other_way", "kind"),
    [
        (
            _aligned(verbatim=1.0, coverage=1.0, order=1.0),
            _aligned(verbatim=0.99, coverage=1.0, order=1.0),
            "duplicate",
        ),
        (_aligned(verbatim=1.0, coverage=1.0, order=1.0), _aligned(verbatim=0.4, coverage=0.4, order=1.0), "copy"),
        (
            _aligned(verbatim=0.9, coverage=0.9, order=1.0),
            _aligned(verbatim=0.9, coverage=0.9, order=1.0),
            "syndicated",
        ),
        (_aligned(edited=0.6, coverage=0.7, order=1.0), _aligned(), "syndicated"),
        (_aligned(edited=0.5, coverage=0.8, order=0.7), _aligned(), "rewrite"),
        # Not derived sentence by sentence: the story similarity decides between the last two.
        (_aligned(coverage=0.8, order=0.5, similarity=0.3), _aligned(), "same_event"),
        (_aligned(coverage=0.2, order=1.0, similarity=0.1), _aligned(coverage=0.1), "unrelated"),
    ],
)
def test_classify_tries_the_kinds_strongest_first(alignment: AlignedText, other_way: AlignedText, kind: str) -> None:
    story_similarity = 0.7 if alignment.document_similarity >= 0.3 else 0.2
    found, confidence = classify(alignment, other_way, story_similarity)
    assert found == kind
    assert 0.0 <= confidence <= 1.0


def test_a_copy_under_another_opening_shares_less_of_the_story_than_of_the_text(lexicon: Lexicon) -> None:
    from dataclasses import replace

    import numpy as np

    source, copy = make_article("source", ORIGINAL), make_article("copy", SYNDICATED)
    unit, other = np.eye(2, 384, dtype=np.float32)
    source_text = replace(prepare_text(source.paragraphs, lexicon), lead_vector=unit)
    copy_text = prepare_text(copy.paragraphs, lexicon)
    # Openings embedded alike: the story is shared as surely as the text.
    alike = relate(source, source_text, copy, replace(copy_text, lead_vector=unit))
    assert alike.kind == "syndicated"
    assert alike.similarity >= alike.confidence
    # Openings of other stories (two pages sharing a site's form under other headlines).
    apart = relate(source, source_text, copy, replace(copy_text, lead_vector=other))
    assert apart.kind == "syndicated"
    assert apart.text_similarity >= apart.confidence
    assert apart.similarity < alike.similarity
    assert apart.similarity == pytest.approx((apart.text_similarity + 0.0) / 2, abs=0.01)


def test_an_article_that_names_the_outlet_it_first_appeared_in_is_its_copy(lexicon: Lexicon) -> None:
    # Identical texts: nothing else tells which came first.
    source = make_article("z-gazette", ORIGINAL, outlet="harbourgazette.example")
    copy = make_article("a-portal", ORIGINAL, metadata={"originally_published": "Harbour Gazette"})
    relation = _relate(copy, source, lexicon)
    assert (relation.source, relation.copy, relation.direction) == ("z-gazette", "a-portal", "known")
    assert "a-portal says it first appeared in harbourgazette.example" in relation.evidence
    # Another outlet named: the texts alone decide, and identical texts leave it unknown.
    elsewhere = make_article("a-portal", ORIGINAL, metadata={"originally_published": "Tideway Times"})
    assert _relate(elsewhere, source, lexicon).direction == "unknown"


def test_a_page_whose_canonical_address_is_on_the_other_articles_site_is_its_copy(lexicon: Lexicon) -> None:
    source = make_article(
        "z-gazette", ORIGINAL, outlet="harbourgazette.example", url="https://harbourgazette.example/a/1"
    )
    copy = make_article(
        "a-portal",
        ORIGINAL,
        outlet="portal.example",
        url="https://portal.example/world/1",
        metadata={"canonical_elsewhere": "https://www.harbourgazette.example/a/1"},
    )
    relation = _relate(copy, source, lexicon)
    assert (relation.source, relation.copy, relation.direction) == ("z-gazette", "a-portal", "known")
    assert "a-portal names an address on harbourgazette.example's site as its canonical one" in relation.evidence
    # A canonical address on a third site says nothing of these two.
    third = make_article(
        "a-portal",
        ORIGINAL,
        url="https://portal.example/world/1",
        metadata={"canonical_elsewhere": "https://other.example/1"},
    )
    assert _relate(third, source, lexicon).direction == "unknown"


def test_the_earlier_stamp_of_one_day_decides_which_came_first(lexicon: Lexicon) -> None:
    def article(name: str, stamp: str, outlet: str, url: str | None = None) -> Article:
        return make_article(name, ORIGINAL, outlet=outlet, url=url, date=stamp[:10], metadata={"published_time": stamp})

    # Identical texts of two sites, stamped in UTC: the earlier is the source, whatever their names.
    early, late = (
        article("z-gazette", "2024-05-02T09:10:00+00:00", "gazette.example"),
        article("a-portal", "2024-05-02T11:00:00+00:00", "portal.example"),
    )
    relation = _relate(late, early, lexicon)
    assert (relation.source, relation.direction) == ("z-gazette", "known")
    assert "z-gazette is stamped earlier the same day (09:10 UTC against 11:00 UTC)" in relation.evidence
    # Times without their offsets are of two sites' clocks: they decide nothing.
    early, late = (
        article("z-gazette", "2024-05-02T09:10:00", "gazette.example"),
        article("a-portal", "2024-05-02T11:00:00", "portal.example"),
    )
    assert _relate(late, early, lexicon).direction == "unknown"
    # Two crawls of one address, the same site's clock: the earlier is the source, the later its update.
    address = "https://gazette.example/ferry"
    first, update = (
        article("z-first", "2024-05-02T09:10:00", "gazette.example", address),
        article("a-update", "2024-05-02T19:40:00", "gazette.example", address),
    )
    relation = _relate(update, first, lexicon)
    assert (relation.source, relation.direction) == ("z-first", "known")
    assert "both are versions of one web address" in relation.evidence


BIO = (
    "Marguerite Olander is a senior writer at the Harbour Gazette, where she covers transport, shipping "
    "and the islands. She is the author of a history of the Vennick Line."
)


@pytest.mark.parametrize("same_outlet", [True, False])
def test_articles_of_one_outlet_under_headlines_of_other_subjects_share_only_its_template(
    lexicon: Lexicon, same_outlet: bool
) -> None:
    # The bio alone is all the cleaner kept of the second page: a "copy" of the first, were they of
    # two outlets; of one outlet under other headlines, the bio is the outlet's and says nothing.
    outlet = "harbourgazette.example"
    ferry = make_article("a-ferry", [BIO, *ORIGINAL], outlet=outlet, title="Strathmorrow ferry link suspended")
    festival = make_article(
        "b-festival", [BIO], outlet=outlet if same_outlet else "tideway.example", title="Record crowds at cheese fair"
    )
    relation = _relate(ferry, festival, lexicon)
    if not same_outlet:
        assert relation.kind == "copy"
        return
    assert relation.kind == "unrelated"
    assert relation.story_probability == 0.0
    assert relation.text_similarity > 0.5
    assert relation.evidence == [
        f"both are of {outlet}, under headlines of other subjects: what they share is the outlet's"
    ]


def test_one_common_word_in_two_headlines_of_one_outlet_names_no_shared_subject(lexicon: Lexicon) -> None:
    # A blog's two posts whose pages kept its author's bio: their headlines share "update", a word
    # the blog heads many posts with, and nothing of either event.
    outlet = "harbourgazette.example"
    ferry = make_article("a-ferry", [BIO, *ORIGINAL], outlet=outlet, title="Strathmorrow ferry timetable update")
    lamp = make_article("b-lamp", [BIO], outlet=outlet, title="Lighthouse lamp update arrives")
    relation = _relate(ferry, lamp, lexicon)
    assert relation.kind == "unrelated"
    assert relation.evidence == [
        f"both are of {outlet}, under headlines of other subjects: what they share is the outlet's"
    ]
    # A rarer word shared names the event: the pair is compared on its text.
    islanders = make_article("c-ferry", ORIGINAL[:3], outlet=outlet, title="Strathmorrow islanders count the cost")
    assert _relate(ferry, islanders, lexicon).kind != "unrelated"


def test_one_outlet_s_articles_on_one_subject_or_with_identical_texts_stay_related(lexicon: Lexicon) -> None:
    outlet = "harbourgazette.example"
    title = "Harbour Gazette: Strathmorrow ferry link suspended from May 2024, with cuts"
    original = make_article("a-ferry", ORIGINAL, outlet=outlet, title=title)
    # Headlines sharing a subject word: an update of the story.
    update = make_article("b-ferry", ORIGINAL[:3], outlet=outlet, title="Ferry users count the cost")
    assert _relate(original, update, lexicon).kind == "copy"
    # The outlet's name, numbers, months and function words are no subject a headline shares.
    other = make_article("c-other", ORIGINAL[:3], outlet=outlet, title="Harbour Gazette picks for May 2024 with prizes")
    assert _relate(original, other, lexicon).kind == "unrelated"
    # The same text under another headline is the same article, whatever the headlines say.
    retitled = make_article("d-retitled", ORIGINAL, outlet=outlet, title="Islanders brace for months of disruption")
    assert _relate(original, retitled, lexicon).kind == "duplicate"


def test_one_outlets_template_under_two_headlines_it_does_not_tell_is_no_duplicate(lexicon: Lexicon) -> None:
    outlet = "harbourgazette.example"
    # An extraction that kept the author's box instead of either post.
    bio = [
        "Ines Moreau is a senior editor at the Harbour Gazette, where she writes about culture and politics "
        "for the website and the weekly print edition.",
        "Born in Holmstad, she studied history at Westmere and worked for twelve years as a court reporter "
        "before joining the paper's features desk.",
    ]
    first = make_article("a-post", bio, outlet=outlet, title="Lighthouse keepers remember the great storm")
    second = make_article("b-post", bio, outlet=outlet, title="Orchard growers count frost damage")
    relation = _relate(first, second, lexicon)
    assert relation.kind == "unrelated"
    assert relation.evidence == [
        "both are of harbourgazette.example, under headlines of other subjects: what they share is the outlet's"
    ]
    # Without the outlet known (pages saved without their address), the same.
    unknown = [make_article(article.id, bio, title=article.title) for article in (first, second)]
    relation = _relate(*unknown, lexicon)
    assert relation.kind == "unrelated"
    assert relation.evidence == [
        "the same text under headlines of other subjects that it does not tell: a site's template"
    ]
    # A copy under a headline its text tells stays a duplicate.
    told = make_article("c-post", bio, title="Ines Moreau joins the features desk")
    assert _relate(told, make_article("d-post", bio, title="Holmstad court reporter turns editor"), lexicon).kind == (
        "duplicate"
    )


def test_the_same_text_saved_twice_is_a_duplicate_when_one_title_is_the_pages_masthead(lexicon: Lexicon) -> None:
    # A text browser's dump took the masthead for the title; the scraper's text has the headline.
    bio_like = [
        "Ines Moreau is a senior editor at the Harbour Gazette, where she writes about culture and politics "
        "for the website and the weekly print edition.",
        "Born in Holmstad, she studied history at Westmere and worked for twelve years as a court reporter "
        "before joining the paper's features desk.",
    ]
    scraped = make_article("a-scraped", bio_like, title="Court reporter Ines Moreau joins the features desk")
    dumped = make_article("b-dumped", bio_like, title="The Lakeside Valley Courier Online")
    assert _relate(scraped, dumped, lexicon).kind == "duplicate"


def test_an_article_of_a_few_words_tells_no_story_but_may_be_a_duplicate(lexicon: Lexicon) -> None:
    full = make_article("a-full", [*ORIGINAL, "November 2024"])
    stub = make_article("b-stub", ["November 2024"])
    relation = _relate(full, stub, lexicon)
    assert relation.kind == "unrelated"
    assert relation.story_probability == 0.0
    assert relation.evidence == ["b-stub has too little text to tell a story (2 words)"]
    assert _relate(make_article("c-stub", ["November 2024"]), stub, lexicon).kind == "duplicate"


def test_two_articles_of_one_page_never_tell_one_story(lexicon: Lexicon) -> None:
    page = {"source": "capsules.txt", "content_hash": "page-hash"}
    first = make_article("capsules#1", ORIGINAL, **page)
    second = make_article("capsules#2", ORIGINAL[:3], **page, position=2)
    relation = _relate(first, second, lexicon)
    assert relation.kind == "unrelated"
    assert relation.story_probability == 0.0
    # The same texts on two pages are related as before.
    elsewhere = make_article("other#1", ORIGINAL[:3], source="other.txt", content_hash="other-hash")
    assert _relate(first, elsewhere, lexicon).kind != "unrelated"


# Written for this test: a Russian report and a shorter rewrite of it with one figure changed.
RUSSIAN_REPORT = [
    "Городские власти Казани объявили в понедельник, что строительство нового моста через Волгу начнется весной следующего года.",
    "По словам заместителя мэра Ивана Петрова, мост длиной около двух километров соединит северные районы города с промышленной зоной.",
    "Стоимость проекта оценивается в двенадцать миллиардов рублей, которые будут выделены из федерального и регионального бюджетов.",
    "Жители города давно жаловались на пробки, которые возникают на старом мосту каждое утро.",
]
RUSSIAN_REWRITE = [
    "В понедельник власти Казани сообщили, что весной следующего года начнут строить новый мост через Волгу.",
    "Как рассказал заместитель мэра Иван Петров, мост протяженностью примерно два километра свяжет северные районы с промышленной зоной.",
    "Проект обойдется примерно в пятнадцать миллиардов рублей из федерального и регионального бюджетов.",
]


def test_texts_not_in_english_are_directed_by_what_the_copy_keeps_not_by_english_style() -> None:
    lexicon = default_lexicon()
    report, rewrite = make_article("report", RUSSIAN_REPORT), make_article("rewrite", RUSSIAN_REWRITE)
    report_text, rewrite_text = prepare_text(report.paragraphs, lexicon), prepare_text(rewrite.paragraphs, lexicon)
    assert not report_text.style.reads_as_english
    assert prepare_text(
        ["The council met on Monday and said that the bridge was safe."], lexicon
    ).style.reads_as_english
    # Either way round, the complete report is the source; the English-trained style model is not asked.
    for first, first_text, second, second_text in (
        (report, report_text, rewrite, rewrite_text),
        (rewrite, rewrite_text, report, report_text),
    ):
        relation = relate(first, first_text, second, second_text)
        assert (relation.source, relation.copy, relation.kind, relation.direction) == (
            "report",
            "rewrite",
            "rewrite",
            "known",
        )
        assert not any("direction model" in reason for reason in relation.evidence)


def test_words_are_counted_only_up_to_the_limit_but_exactly_below_it() -> None:
    long_paragraph = " ".join(["word"] * 5000)
    assert 8 <= _words_up_to([long_paragraph], 8) < 5000
    # Long words in the opening: the rest of the paragraph is counted before saying it is too short.
    assert _words_up_to(["x" * 400 + " two three"], 8) == 3
    assert _words_up_to(["November 2012"], 8) == 2
    assert _words_up_to(["one two three", "four five six seven eight nine"], 8) >= 8
    # Chinese counts a word per two characters.
    assert _words_up_to(["新闻" * 3], 8) == 3


def test_a_rewrite_dated_days_after_its_source_is_still_a_rewrite(lexicon: Lexicon) -> None:
    source = make_article("a-ferry", ORIGINAL, date="2024-04-02", outlet="ferry.example")
    for later in ("2024-04-03", "2024-04-20"):
        relation = _relate(source, make_article("b-rewrite", REWRITE, date=later, outlet="farm.example"), lexicon)
        assert relation.kind == "rewrite" and relation.source == "a-ferry"
        assert any("dated" in reason and "apart from its source" in reason for reason in relation.evidence)
        # Another publisher's rewrite is one story with its source whatever the day.
        assert relation.story_probability >= STORY_THRESHOLD
    # The publisher's own text of another day, or one of an unknown publisher, keeps the dated verdict.
    for update in (
        make_article("c-update", REWRITE, date="2024-04-03", outlet="ferry.example"),
        make_article("c-unknown", REWRITE, date="2024-04-03"),
    ):
        relation = _relate(source if update.outlet else replace(source, outlet=None), update, lexicon)
        assert relation.kind == "unrelated" and relation.story_probability < STORY_THRESHOLD
    # Text files name no outlet: an agency's credited report and an uncredited text (no wire header
    # either) are two publishers, the uncredited reuse of a wire report.
    wire = make_article("a-wire", ORIGINAL, date="2024-04-02", credit="AP")
    relation = _relate(wire, make_article("e-farm", REWRITE, date="2024-04-04"), lexicon)
    assert relation.kind == "rewrite" and relation.story_probability >= STORY_THRESHOLD
    # Another subject a day later stays unrelated.
    assert _relate(source, make_article("d-cheese", UNRELATED, date="2024-04-03"), lexicon).kind == "unrelated"


class _UndatedStoryScorer:
    """Stands in for the story model: `undated` for a pair whose dates are unknown, 0.02 for one dated apart."""

    def __init__(self, undated: float) -> None:
        self.undated = undated

    def probability(self, first: Article, second: Article, features: Any) -> float:
        return self.undated if math.isnan(features[FEATURE_NAMES.index("day_gap")]) else 0.02

    def probabilities(self, pairs: Any, features: Any) -> Any:
        return [self.probability(first, second, row) for (first, second), row in zip(pairs, features, strict=True)]


def test_a_whole_rewrite_a_day_later_needs_only_the_story_threshold_undated_and_a_few_sentences_more(
    lexicon: Lexicon,
) -> None:
    def relation(source: list[str], copy: list[str], undated: float) -> Relation:
        wire = make_article("a-wire", source, date="2024-04-02", credit="AP")
        farm = make_article("b-farm", copy, date="2024-04-03")
        wire_text, farm_text = prepare_text(wire.paragraphs, lexicon), prepare_text(farm.paragraphs, lexicon)
        return relate(wire, wire_text, farm, farm_text, RelationModels(_UndatedStoryScorer(undated)))

    # Every sentence paraphrased in order: a rewrite, one story, though the story model is 0.6 sure undated.
    whole = relation(ORIGINAL, REWRITE, 0.6)
    assert (whole.kind, whole.source) == ("rewrite", "a-wire")
    assert whole.story_probability == 0.6
    # Three sentences of it are a rewrite only where the model is as sure as the alignment (0.8).
    assert len(prepare_text(REWRITE[:2], lexicon).sentences) == 3
    assert relation(ORIGINAL[:2], REWRITE[:2], 0.6).kind == "unrelated"
    assert relation(ORIGINAL[:2], REWRITE[:2], 0.85).kind == "rewrite"
    assert relation(ORIGINAL, REWRITE, 0.45).kind == "unrelated"

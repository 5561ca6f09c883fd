"""The candidate index: copies, light edits and paraphrases are paired; unrelated articles are not."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest

from newstrace.candidates import CandidateIndex, CandidatePair, Fingerprint, fingerprint_articles
from newstrace.candidates import index as index_module
from newstrace.candidates.minhash import NUMBER_OF_BINS, estimated_jaccard
from newstrace.model import Article
from newstrace.sentences import Lexicon, default_lexicon
from tests.factories import make_article

ORIGINAL = [
    "The town council of Marrowby voted 9 to 4 on Tuesday to build a 14 million pound flood barrier along the River Tessel, three weeks after the river rose to a record 6.8 meters and flooded 312 homes. Mayor Odile Fenwick said construction would begin in April and take about 18 months.",
    "The barrier, designed by the engineering firm Haverick and Stroud, will run for 2.3 kilometers between the Quarry Lane footbridge and the old Pellham mill. It will include 11 steel gates that can be closed within 40 minutes when the river gauge at Ashcombe passes 4.5 meters.",
    "“We cannot ask families to rebuild their kitchens every winter,” Fenwick told reporters outside the town hall. “This barrier is the difference between a wet street and a ruined home.”",
    "Councillor Barnaby Quayle, who voted against the plan, said the money should have gone to restoring wetlands upstream at Linnet Moor. “A wall moves the water to our neighbours, it does not make it disappear,” he said.",
    "The regional water agency has promised to cover 60 percent of the cost, with the rest coming from a special levy of 38 pounds a year on each household for ten years. Residents of the flooded Tanners Row district will be exempt from the levy until 2027.",
]
# A few words changed, the last sentence cut: what a newspaper does with an agency story.
LIGHT_EDIT = [
    "The town council of Marrowby voted 9 to 4 on Tuesday evening to build a 14 million pound flood barrier along the River Tessel, three weeks after the river rose to a record 6.8 meters and flooded 312 homes. Mayor Odile Fenwick said construction would begin in April and take about 18 months.",
    "The barrier, designed by the engineering firm Haverick and Stroud, will run for 2.3 kilometres between the Quarry Lane footbridge and the old Pellham mill. It will include 11 steel gates that can be closed within 40 minutes when the river gauge at Ashcombe passes 4.5 meters.",
    "“We cannot ask families to rebuild their kitchens every winter,” Fenwick told journalists outside the town hall. “This barrier is the difference between a wet street and a ruined home.”",
    "Councillor Barnaby Quayle, who voted against the plan, said the money should have gone to restoring wetlands upstream at Linnet Moor. “A wall moves the water to our neighbours, it does not make it disappear,” he said.",
    "The regional water agency has promised to cover 60 percent of the cost, with the rest coming from a special levy of 38 pounds a year on each household for ten years.",
]
# Every sentence said again in other words; the names and numbers stay.
PARAPHRASE = [
    "Councillors in Marrowby have backed a 14 million pound flood wall on the River Tessel by 9 votes to 4, only three weeks after record levels of 6.8 meters left 312 homes under water. Mayor Odile Fenwick expects work to start in April and to last roughly 18 months.",
    "Engineering company Haverick and Stroud drew up the design, which stretches 2.3 kilometers from the Quarry Lane footbridge to the former Pellham mill. Its 11 steel gates are meant to shut within 40 minutes whenever the Ashcombe gauge reads above 4.5 meters.",
    "Fenwick argued that families should not have to rebuild their kitchens each winter, calling the barrier the gap between a wet street and a ruined home.",
    "Barnaby Quayle, a councillor who opposed the scheme, argued the money would have been better spent restoring the Linnet Moor wetlands upstream, warning that a wall only pushes the water towards neighbouring towns.",
    "The regional water agency will pay 60 percent of the bill. Households will cover the remainder through a levy of 38 pounds a year for ten years, although Tanners Row residents, whose streets flooded, are exempt until 2027.",
]
UNRELATED = [
    "The Glenhallow public library reopened on Saturday after a two-year renovation that added a rooftop reading garden, a recording studio and 40,000 new books. Librarian Priya Castellane said more than 1,200 visitors came through the doors in the first four hours.",
    "The building, a former tram depot from 1911, had been closed since a storm damaged its glass roof. Architects from the Ormsby studio kept the cast-iron columns and the original tiled floor of the depot.",
    "Children queued for the new puppet theatre in the basement, which will host free shows every Sunday morning. The studio can be booked by local musicians for 5 pounds an hour.",
    "Castellane said the library would stay open until nine in the evening on weekdays, two hours later than before. A cafe run by a youth charity will open on the ground floor next month.",
]
OTHER_UNRELATED = [
    "Police in Saltmere arrested two men on Wednesday after 600 kilograms of copper cable vanished from the Brindle Road rail depot over the weekend.",
    "Detective Inspector Hollis Varga said the cable had been cut into short lengths and loaded into a white van seen on a farm track near Cawdor Fell.",
    "Trains between Saltmere and Penrick ran 40 minutes late on Monday while signal engineers replaced the stolen cable. The rail operator estimated the damage at 85,000 pounds.",
]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return default_lexicon()


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [
        make_article("original", ORIGINAL),
        make_article("verbatim", ORIGINAL[:4]),
        make_article("edited", LIGHT_EDIT),
        make_article("paraphrase", PARAPHRASE),
        make_article("library", UNRELATED),
        make_article("cable", OTHER_UNRELATED),
    ]


def _pairs(pairs: list[CandidatePair]) -> dict[frozenset[str], CandidatePair]:
    return {frozenset((pair.first, pair.second)): pair for pair in pairs}


@pytest.fixture
def shingles_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """An index with the shingles channel alone."""
    monkeypatch.setattr(index_module, "CHANNELS", tuple(c for c in index_module.CHANNELS if c.name == "shingles"))


@pytest.fixture
def terms_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """An index with the terms channel alone."""
    monkeypatch.setattr(index_module, "CHANNELS", tuple(c for c in index_module.CHANNELS if c.name == "terms"))


@pytest.mark.usefixtures("shingles_only")
def test_the_shingles_channel_pairs_copies_and_light_edits(articles: list[Article], lexicon: Lexicon) -> None:
    pairs = _pairs(CandidateIndex().add_and_pair(fingerprint_articles(articles, lexicon)))
    for copy in ("verbatim", "edited"):
        pair = pairs[frozenset(("original", copy))]
        assert pair.channel == "shingles"
        assert pair.estimated_jaccard >= 0.5
    # A paraphrase shares almost no five-word runs with its source.
    assert frozenset(("original", "paraphrase")) not in pairs


@pytest.mark.usefixtures("terms_only")
def test_the_terms_channel_pairs_a_paraphrase_that_keeps_names_and_numbers(
    articles: list[Article], lexicon: Lexicon
) -> None:
    pairs = _pairs(CandidateIndex().add_and_pair(fingerprint_articles(articles, lexicon)))
    assert pairs[frozenset(("original", "paraphrase"))].channel == "terms"
    assert not any({"library", "cable"} & key for key in pairs)


def test_both_channels_pair_the_whole_story_and_keep_the_best_estimate(
    articles: list[Article], lexicon: Lexicon
) -> None:
    fingerprints = fingerprint_articles(articles, lexicon)
    index = CandidateIndex()
    pairs = _pairs(index.add_and_pair(fingerprints))
    by_id = {fingerprint.article: fingerprint for fingerprint in fingerprints}
    # The cut copy is the original's echo, paired with it alone; the others are paired with each other.
    assert index.echo_of == {"verbatim": "original"}
    assert {key for key in pairs if "verbatim" in key} == {frozenset(("original", "verbatim"))}
    # It is found by the shingles channel, and kept out of the terms channel, which runs after it.
    echo_pair = pairs[frozenset(("original", "verbatim"))]
    assert echo_pair.channel == "shingles"
    assert echo_pair.estimated_jaccard == pytest.approx(
        float(estimated_jaccard(by_id["original"].shingles, by_id["verbatim"].shingles)), abs=1e-4
    )
    story = ["original", "edited", "paraphrase"]
    for first, second in itertools.combinations(story, 2):
        pair = pairs[frozenset((first, second))]
        # The pair is named by the channel whose signatures agree most.
        estimates = {
            channel: float(estimated_jaccard(getattr(by_id[first], channel), getattr(by_id[second], channel)))
            for channel in ("shingles", "terms")
        }
        assert pair.estimated_jaccard == pytest.approx(max(estimates.values()), abs=1e-4)
        assert estimates[pair.channel] == max(estimates.values())
    assert pairs[frozenset(("original", "paraphrase"))].channel == "terms"


def test_unrelated_articles_are_not_paired(articles: list[Article], lexicon: Lexicon) -> None:
    pairs = _pairs(CandidateIndex().add_and_pair(fingerprint_articles(articles, lexicon)))
    story = {"original", "verbatim", "edited", "paraphrase"}
    for key in pairs:
        assert key <= story, key
    assert not any({"library", "cable"} & key for key in pairs)


def test_pairs_name_each_pair_once_with_the_earlier_article_first(articles: list[Article], lexicon: Lexicon) -> None:
    found = CandidateIndex().add_and_pair(fingerprint_articles(articles, lexicon))
    order = [article.id for article in articles]
    assert len({frozenset((pair.first, pair.second)) for pair in found}) == len(found)
    for pair in found:
        assert order.index(pair.first) < order.index(pair.second)
        assert 0.0 < pair.estimated_jaccard <= 1.0


def test_fingerprints_do_not_depend_on_the_batch(articles: list[Article], lexicon: Lexicon) -> None:
    together = fingerprint_articles(articles, lexicon)
    for article, fingerprint in zip(articles, together, strict=True):
        (alone,) = fingerprint_articles([article], lexicon)
        assert (alone.shingles == fingerprint.shingles).all()
        assert (alone.terms == fingerprint.terms).all()


@pytest.mark.parametrize("split", [1, 2, 4])
def test_adding_in_two_batches_gives_the_pairs_of_one_batch(
    articles: list[Article], lexicon: Lexicon, split: int
) -> None:
    from_scratch = CandidateIndex().add_and_pair(fingerprint_articles(articles, lexicon))
    index = CandidateIndex()
    first = index.add_and_pair(fingerprint_articles(articles[:split], lexicon))
    second = index.add_and_pair(fingerprint_articles(articles[split:], lexicon))
    assert len(index) == len(articles)
    assert sorted(first + second, key=lambda pair: (pair.first, pair.second)) == from_scratch
    # The second batch only brings pairs that involve one of its own articles.
    new_ids = {article.id for article in articles[split:]}
    assert all({pair.first, pair.second} & new_ids for pair in second)


def test_an_index_rebuilt_from_stored_fingerprints_pairs_only_new_articles(
    articles: list[Article], lexicon: Lexicon
) -> None:
    stored = fingerprint_articles(articles[:3], lexicon)
    index = CandidateIndex(stored)
    assert index.add_and_pair([]) == []
    new = index.add_and_pair(fingerprint_articles(articles[3:], lexicon))
    # Fingerprints indexed without pairing echo nothing: the cut copy is paired like the others.
    assert {frozenset((pair.first, pair.second)) for pair in new} == {
        frozenset(("original", "paraphrase")),
        frozenset(("verbatim", "paraphrase")),
        frozenset(("edited", "paraphrase")),
    }


def test_empty_articles_are_never_paired(lexicon: Lexicon) -> None:
    empty = [make_article("blank-1", [""]), make_article("blank-2", ["..."]), make_article("real", ORIGINAL)]
    assert CandidateIndex().add_and_pair(fingerprint_articles(empty, lexicon)) == []


WIRE_NIGHTLEAD = [
    "A surgeon who removed the wrong kidney from a patient at Saltmere General Hospital was struck off by a medical tribunal on Wednesday.",
    "Dr. Ellery Vance, 54, had denied misconduct, telling the panel that the hospital's records had been mislabelled by a junior colleague.",
    "The tribunal chairman, Lady Harcastle, said Vance had failed to check the scans himself before the operation in March 2019.",
]
WIRE_SUBSTITUTE = [
    "Nurses told the hearing in Penrick that the operating theatre had been short of staff for most of that winter.",
    "One theatre sister said she had raised the problem with managers four times in writing and never received an answer.",
    "The health trust has since hired 30 more theatre staff and changed the way patients are marked before surgery.",
]


def _wire(article_id: str, paragraphs: list[str], slug: str) -> Article:
    return make_article(article_id, paragraphs, metadata={"wire_slug": slug, "wire_date": "01/03/00"})


def test_an_index_pairs_fingerprints_that_share_a_catchline() -> None:
    nightlead, substitute, other = fingerprint_articles(
        [
            make_article("pa-1", WIRE_NIGHTLEAD),
            make_article("pa-2", WIRE_SUBSTITUTE),
            make_article("library", UNRELATED),
        ],
        default_lexicon(),
    )
    index = CandidateIndex([dataclasses.replace(nightlead, catchline="01/03/00 courts vance")])
    pairs = index.add_and_pair(
        [dataclasses.replace(substitute, catchline="01/03/00 courts vance"), dataclasses.replace(other, catchline="")]
    )
    assert [(pair.first, pair.second, pair.channel) for pair in pairs] == [("pa-1", "pa-2", "catchline")]


def test_wire_releases_with_one_catchline_are_paired_though_their_texts_differ(lexicon: Lexicon) -> None:
    articles = [
        _wire("pa-1", WIRE_NIGHTLEAD, "COURTS Vance Nightlead"),
        _wire("pa-2", WIRE_SUBSTITUTE, "COURTS Vance Substitute"),
        _wire("pa-3", OTHER_UNRELATED, "CRIME Cable"),
    ]
    pairs = _pairs(CandidateIndex().add_and_pair(fingerprint_articles(articles, lexicon)))
    assert frozenset(("pa-1", "pa-2")) in pairs
    assert pairs[frozenset(("pa-1", "pa-2"))].channel == "catchline"
    assert not any("pa-3" in key for key in pairs)


def _fingerprints_around(rng: np.random.Generator, count: int, agreeing: int) -> list[Fingerprint]:
    """A random signature, then `count - 1` that each agree with it on `agreeing` random bins."""
    base = rng.integers(0, 2**57, size=NUMBER_OF_BINS, dtype=np.uint64)
    fingerprints = [Fingerprint("a000", base, base.copy())]
    for number in range(1, count):
        row = rng.integers(0, 2**57, size=NUMBER_OF_BINS, dtype=np.uint64)
        shared = rng.choice(NUMBER_OF_BINS, size=agreeing, replace=False)
        row[shared] = base[shared]
        fingerprints.append(Fingerprint(f"a{number:03d}", row, row.copy()))
    return fingerprints


def test_the_terms_channel_finds_every_pair_that_reaches_its_minimum_estimate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "CHANNELS", tuple(c for c in index_module.CHANNELS if c.name == "terms"))
    (terms,) = index_module.CHANNELS
    rng = np.random.default_rng(17)
    for _ in range(20):
        # Two signatures agreeing on just enough bins, placed at random, always share a band.
        first, second = _fingerprints_around(rng, 2, terms.minimum_agreeing)
        (pair,) = CandidateIndex().add_and_pair([first, second])
        assert pair.estimated_jaccard == pytest.approx(terms.minimum_agreeing / NUMBER_OF_BINS, abs=1e-4)
    # Neighbouring bins, which densification fills from one term, never form a band on their own.
    assert (np.diff(terms.bands, axis=1) > 1).all()


@pytest.mark.parametrize("split", [2, 5, 9])
def test_a_crowded_bucket_pairs_its_first_arrivals_in_batches_as_in_one_batch(
    monkeypatch: pytest.MonkeyPatch, split: int
) -> None:
    monkeypatch.setattr(index_module, "LARGEST_BUCKET", 4)
    # The terms channel alone: identical shingle sets would make exact repeats, kept out of the buckets.
    monkeypatch.setattr(index_module, "CHANNELS", tuple(c for c in index_module.CHANNELS if c.name == "terms"))
    # Twelve identical signatures crowd every bucket.
    fingerprints = _fingerprints_around(np.random.default_rng(3), 12, NUMBER_OF_BINS)
    from_scratch = CandidateIndex().add_and_pair(fingerprints)
    index = CandidateIndex()
    in_batches = index.add_and_pair(fingerprints[:split]) + index.add_and_pair(fingerprints[split:])
    assert sorted(in_batches, key=lambda pair: (pair.first, pair.second)) == from_scratch
    # The first four arrivals pair with each other; later ones find the buckets full.
    assert {(pair.first, pair.second) for pair in from_scratch} == {
        (f"a{low:03d}", f"a{high:03d}") for high in range(4) for low in range(high)
    }


@pytest.mark.parametrize("split", [3, 7])
def test_an_article_pairs_with_its_closest_earlier_articles_only_in_batches_as_in_one_batch(
    monkeypatch: pytest.MonkeyPatch, split: int
) -> None:
    monkeypatch.setattr(index_module, "CHANNELS", tuple(c for c in index_module.CHANNELS if c.name == "terms"))
    # Ten signatures around one, each agreeing with it on more bins than the one before: pages of a
    # template, every two of which the channel pairs.
    rng = np.random.default_rng(5)
    base = _fingerprints_around(rng, 1, 0)[0]
    fingerprints = [base]
    for number in range(1, 10):
        row = base.terms.copy()
        row[rng.choice(NUMBER_OF_BINS, size=40 - 3 * number, replace=False)] = rng.integers(0, 2**57, dtype=np.uint64)
        fingerprints.append(Fingerprint(f"a{number:03d}", row, row.copy()))
    from_scratch = CandidateIndex(max_earlier_partners=3).add_and_pair(fingerprints)
    index = CandidateIndex(max_earlier_partners=3)
    in_batches = index.add_and_pair(fingerprints[:split]) + index.add_and_pair(fingerprints[split:])
    assert sorted(in_batches, key=lambda pair: (pair.first, pair.second)) == from_scratch
    # Without the bound, the channel pairs every two of them.
    assert len(CandidateIndex(max_earlier_partners=None).add_and_pair(fingerprints)) == 45
    later = [pair.second for pair in from_scratch]
    assert max(later.count(article) for article in set(later)) == 3
    # Each keeps the three earlier articles it is closest to.
    last = fingerprints[-1].terms[None, :]
    closeness = estimated_jaccard(np.vstack([item.terms for item in fingerprints[:-1]]), last)
    closest = {fingerprints[number].article for number in np.argsort(-closeness, kind="stable")[:3]}
    assert {pair.first for pair in from_scratch if pair.second == "a009"} == closest


def test_colliding_pairs_are_counted_before_the_filter(articles: list[Article], lexicon: Lexicon) -> None:
    index = CandidateIndex(fingerprint_articles(articles, lexicon))
    counts = index.colliding_pair_counts()
    assert set(counts) == {"shingles", "terms"}
    kept = CandidateIndex().add_and_pair(fingerprint_articles(articles, lexicon))
    for name, count in counts.items():
        assert count >= sum(pair.channel == name for pair in kept)


@pytest.mark.parametrize("size", [0, 5, 40_000, 300_000])
def test_distinct_values_are_sorted_and_distinct(size: int) -> None:
    rng = np.random.default_rng(size)
    for values in (
        rng.integers(0, 2**64 - 1, size=size, dtype=np.uint64, endpoint=True),
        rng.integers(0, 10**9, size=size).astype(np.int64),
        np.full(size, 7, dtype=np.int64),
    ):
        assert np.array_equal(index_module._distinct(values.copy()), np.unique(values))


def _long_page(story: list[str], filler_stories: int = 60) -> list[str]:
    """A long page (a digest of many short items, each with names of its own) with the story as one
    item in its middle."""
    syllables = ["bra", "cel", "dor", "fen", "gal", "hur", "isk", "jor", "kel", "lum", "mor", "nev", "oth", "pry"]

    def name(number: int) -> str:
        return (syllables[number % 14] + syllables[(number // 14) % 14] + syllables[(number * 5 + 3) % 14]).title()

    items = [
        f"In {name(2 * number)}, the guild of the old town met again on a quiet morning to talk about the "
        f"state of the roads, the price of bread and the hours of the market, and the warden, "
        f"{name(2 * number + 1)}, said that nothing would change before the end of the year."
        for number in range(filler_stories)
    ]
    middle = len(items) // 2
    return items[:middle] + story + items[middle:]


def test_a_report_of_one_item_of_a_long_page_meets_the_page_through_its_passages(lexicon: Lexicon) -> None:
    page = make_article("digest", _long_page(ORIGINAL))
    report = make_article("report", PARAPHRASE)
    (page_print, report_print) = fingerprint_articles([page, report], lexicon)
    assert len(report_print.passages) == 0
    tokens = len(page.text.split())
    assert tokens >= index_module.LONG_TEXT_TOKENS
    assert len(page_print.passages) >= (tokens - index_module.PASSAGE_STRIDE) // index_module.PASSAGE_STRIDE
    # The page's heaviest terms over its whole text are its many items'; the report's are one item's.
    assert estimated_jaccard(page_print.terms[None], report_print.terms[None])[0] < index_module.TERMS_MINIMUM_JACCARD
    pairs = CandidateIndex().add_and_pair([page_print, report_print])
    assert [(pair.first, pair.second, pair.channel) for pair in pairs] == [("digest", "report", "passages")]
    # In two batches, the same pair; the page arriving second meets the report as well.
    index = CandidateIndex()
    assert index.add_and_pair([page_print]) == []
    assert index.add_and_pair([report_print]) == pairs
    index = CandidateIndex()
    assert index.add_and_pair([report_print]) == []
    assert [(pair.first, pair.second) for pair in index.add_and_pair([page_print])] == [("report", "digest")]


def test_passages_pair_no_unrelated_report_and_short_texts_get_none(lexicon: Lexicon) -> None:
    page = make_article("digest", _long_page(ORIGINAL))
    other = make_article("library", UNRELATED)
    fingerprints = fingerprint_articles([page, other, make_article("short", ORIGINAL)], lexicon)
    assert [len(fingerprint.passages) for fingerprint in fingerprints[1:]] == [0, 0]
    pairs = CandidateIndex().add_and_pair(fingerprints)
    assert {(pair.first, pair.second) for pair in pairs} == {("digest", "short")}


def test_a_very_long_text_gets_a_bounded_number_of_passages_that_still_find_its_item(lexicon: Lexicon) -> None:
    # About 60,000 tokens: at the usual stride it would make 200 passages.
    page = make_article("dump", _long_page(ORIGINAL, filler_stories=1800))
    page_print, report_print = fingerprint_articles([page, make_article("report", ORIGINAL)], lexicon)
    assert len(page.text.split()) > 200 * index_module.PASSAGE_STRIDE
    assert len(page_print.passages) == index_module.MAX_PASSAGES
    pairs = CandidateIndex().add_and_pair([page_print, report_print])
    assert [(pair.first, pair.second) for pair in pairs] == [("dump", "report")]


def _reprints() -> list[Article]:
    """An original, then its reprints (whole, and cut after three or four paragraphs), a light edit and
    a paraphrase, interleaved as papers would file them."""
    articles = [make_article("original", ORIGINAL)]
    for number in range(12):
        articles.append(
            make_article(f"reprint-{number:02d}", ORIGINAL if number % 3 == 0 else ORIGINAL[: 3 + number % 2])
        )
        if number == 5:
            articles += [make_article("edited", LIGHT_EDIT), make_article("paraphrase", PARAPHRASE)]
    return articles


def _echo_root(echo_of: dict[str, str], article_id: str) -> str:
    while article_id in echo_of:
        article_id = echo_of[article_id]
    return article_id


def test_reprints_echo_an_earlier_article_and_are_paired_with_it_alone(lexicon: Lexicon) -> None:
    index = CandidateIndex()
    pairs = index.add_and_pair(fingerprint_articles(_reprints(), lexicon))
    reprints = {f"reprint-{number:02d}" for number in range(12)}
    assert set(index.echo_of) == reprints
    assert {_echo_root(index.echo_of, reprint) for reprint in reprints} == {"original"}
    for pair in pairs:
        if pair.second in index.echo_of or pair.first in index.echo_of:
            assert index.echo_of.get(pair.second) == pair.first, pair
    # Twelve reprints bring twelve pairs, not one with every other member of the story.
    assert len([pair for pair in pairs if {pair.first, pair.second} & reprints]) == 12
    story = {frozenset(pair) for pair in itertools.combinations(["original", "edited", "paraphrase"], 2)}
    assert story <= {frozenset((pair.first, pair.second)) for pair in pairs}


@pytest.mark.parametrize("split", [1, 4, 7, 12])
def test_echoes_found_in_several_runs_are_those_of_one_run(lexicon: Lexicon, split: int) -> None:
    articles = _reprints()
    one_run = CandidateIndex()
    from_scratch = one_run.add_and_pair(fingerprint_articles(articles, lexicon))
    first_run = CandidateIndex()
    first = first_run.add_and_pair(fingerprint_articles(articles[:split], lexicon))
    # As the store keeps them: each fingerprint with the article it echoes.
    stored = [
        dataclasses.replace(item, echo_of=first_run.echo_of.get(item.article, ""))
        for item in fingerprint_articles(articles[:split], lexicon)
    ]
    second_run = CandidateIndex(stored)
    second = second_run.add_and_pair(fingerprint_articles(articles[split:], lexicon))
    assert sorted(first + second, key=lambda pair: (pair.first, pair.second)) == from_scratch
    assert second_run.echo_of == one_run.echo_of


def test_exact_repeats_stay_out_of_crowded_buckets(monkeypatch: pytest.MonkeyPatch, lexicon: Lexicon) -> None:
    monkeypatch.setattr(index_module, "LARGEST_BUCKET", 4)
    articles = [make_article(f"repeat-{number:02d}", ORIGINAL) for number in range(10)]
    articles.append(make_article("paraphrase", PARAPHRASE))
    index = CandidateIndex()
    pairs = {(pair.first, pair.second) for pair in index.add_and_pair(fingerprint_articles(articles, lexicon))}
    # Each repeat is paired with the first copy; the paraphrase, arriving after them, still finds it.
    assert pairs == {("repeat-00", f"repeat-{number:02d}") for number in range(1, 10)} | {("repeat-00", "paraphrase")}
    assert index.echo_of == {f"repeat-{number:02d}": "repeat-00" for number in range(1, 10)}


def test_the_wire_copy_and_the_whole_text_stand_for_reprints_analysed_before_them(lexicon: Lexicon) -> None:
    articles = [
        make_article("a-cut", ORIGINAL[:3]),
        make_article("b-reprint", ORIGINAL),
        make_article("c-wire", ORIGINAL, credit="AP"),
    ]
    index = CandidateIndex()
    pairs = {(pair.first, pair.second) for pair in index.add_and_pair(fingerprint_articles(articles, lexicon))}
    # The agency's copy first, then the longest: whatever the order they came in.
    assert index.echo_of == {"a-cut": "c-wire", "b-reprint": "c-wire"}
    assert pairs == {("a-cut", "c-wire"), ("b-reprint", "c-wire")}
    without_agency = [dataclasses.replace(article, credit=None) for article in articles]
    index = CandidateIndex()
    index.add_and_pair(fingerprint_articles(without_agency, lexicon))
    assert index.echo_of == {"a-cut": "b-reprint", "c-wire": "b-reprint"}


def test_a_next_days_release_that_recaps_the_day_before_is_not_what_that_one_repeats(lexicon: Lexicon) -> None:
    first_day = make_article("release-1", ORIGINAL[:3], credit="PA", date="2024-03-11")
    next_day = make_article("release-2", ORIGINAL, credit="PA", date="2024-03-12")
    index = CandidateIndex()
    pairs = index.add_and_pair(fingerprint_articles([next_day, first_day], lexicon))
    assert index.echo_of == {}
    assert {(pair.first, pair.second) for pair in pairs} == {("release-2", "release-1")}
    # Undated, the longer release stands for the shorter one.
    index = CandidateIndex()
    index.add_and_pair(fingerprint_articles([_undated(next_day), _undated(first_day)], lexicon))
    assert index.echo_of == {"release-1": "release-2"}


def _undated(article: Article) -> Article:
    return dataclasses.replace(article, date=None)


def _dated(fingerprint: Fingerprint, day: str) -> Fingerprint:
    return dataclasses.replace(fingerprint, date=day)


@pytest.mark.parametrize(
    ("agreeing", "first_day", "second_day", "paired"),
    [
        # A pair of one topic (16 of 128 bins: past the channel's minimum, below a rewrite's usual share).
        (16, "2024-03-01", "2024-03-01", True),
        (16, "2024-03-01", "2024-03-03", True),
        (16, "2024-03-01", "2024-03-11", False),
        (16, "2024-03-11", "2024-03-01", False),
        # Undated, or dated only to the month: never days apart.
        (16, "", "2024-03-11", True),
        (16, "2024-03", "2024-05-11", True),
        # A rewrite's share of the heaviest terms is judged whatever the days between.
        (32, "2024-03-01", "2024-09-01", True),
    ],
)
def test_the_terms_channel_pairs_articles_days_apart_only_where_they_may_be_a_rewrite(
    terms_only: None, agreeing: int, first_day: str, second_day: str, paired: bool
) -> None:
    first, second = _fingerprints_around(np.random.default_rng(23), 2, agreeing)
    pairs = CandidateIndex().add_and_pair([_dated(first, first_day), _dated(second, second_day)])
    assert bool(pairs) == paired
    # Without the bound (the story model's training), every pair past the minimum is made.
    assert CandidateIndex(days_apart=None).add_and_pair([_dated(first, first_day), _dated(second, second_day)])


def test_a_light_edit_weeks_later_is_paired_through_its_shingles(articles: list[Article], lexicon: Lexicon) -> None:
    by_id = {article.id: article for article in articles}
    fingerprints = fingerprint_articles(
        [
            dataclasses.replace(by_id["original"], date="2024-03-01"),
            dataclasses.replace(by_id["edited"], date="2024-04-20"),
        ],
        lexicon,
    )
    (pair,) = CandidateIndex().add_and_pair(fingerprints)
    assert pair.channel == "shingles"


def test_the_dates_of_stored_fingerprints_count_in_a_later_run(terms_only: None) -> None:
    first, second, third = _fingerprints_around(np.random.default_rng(29), 3, 16)
    fingerprints = [_dated(first, "2024-03-01"), _dated(second, "2024-03-02"), _dated(third, "2024-03-20")]
    from_scratch = CandidateIndex().add_and_pair(fingerprints)
    assert [(pair.first, pair.second) for pair in from_scratch] == [("a000", "a001")]
    # The third arrives in a run after: the index rebuilt from the stored two knows their dates.
    assert CandidateIndex(fingerprints[:2]).add_and_pair(fingerprints[2:]) == []

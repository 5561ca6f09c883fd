"""Stories end to end: text files in, relations and stories stored, reported and printed."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from rich.console import Console
from typer.testing import CliRunner

import newstrace
from newstrace import cli, pipeline
from newstrace.align.relation import RelationModels, default_models, relate_articles
from newstrace.candidates.minhash import NUMBER_OF_BINS
from newstrace.model import Article, Page, Story, StoryMember
from newstrace.report.json_report import build_report
from newstrace.store import Store
from tests.candidates.test_index import ORIGINAL as DIGEST_ITEM
from tests.candidates.test_index import PARAPHRASE as ITEM_REPORT
from tests.candidates.test_index import UNRELATED as OTHER_REPORT
from tests.candidates.test_index import _long_page
from tests.clean.test_digests import CAPSULES
from tests.factories import make_article

ORIGINAL = """Marrowby approves flood barrier after record river levels

Published March 12, 2024

MARROWBY, Calderland (AP) — The town council of Marrowby voted 9 to 4 on Tuesday to build a 14 million pound flood barrier along the River Tessel, three weeks after the river rose to a record 6.8 meters and flooded 312 homes. Mayor Odile Fenwick said construction would begin in April and take about 18 months.

The barrier, designed by the engineering firm Haverick and Stroud, will run for 2.3 kilometers between the Quarry Lane footbridge and the old Pellham mill. It will include 11 steel gates that can be closed within 40 minutes when the river gauge at Ashcombe passes 4.5 meters.

“We cannot ask families to rebuild their kitchens every winter,” Fenwick told reporters outside the town hall. “This barrier is the difference between a wet street and a ruined home.”

Councillor Barnaby Quayle, who voted against the plan, said the money should have gone to restoring wetlands upstream at Linnet Moor. “A wall moves the water to our neighbours, it does not make it disappear,” he said.

The regional water agency has promised to cover 60 percent of the cost, with the rest coming from a special levy of 38 pounds a year on each household for ten years. Residents of the flooded Tanners Row district will be exempt from the levy until 2027.
"""

SYNDICATED = """Marrowby council backs flood barrier after record river levels

The town council of Marrowby voted 9 to 4 on Tuesday evening to build a 14 million pound flood barrier along the River Tessel, three weeks after the river rose to a record 6.8 meters and flooded 312 homes. Mayor Odile Fenwick said construction would begin in April and take about 18 months.

The barrier, designed by the engineering firm Haverick and Stroud, will run for 2.3 kilometres between the Quarry Lane footbridge and the old Pellham mill. It will include 11 steel gates that can be closed within 40 minutes when the river gauge at Ashcombe passes 4.5 meters.

“We cannot ask families to rebuild their kitchens every winter,” Fenwick told journalists outside the town hall. “This barrier is the difference between a wet street and a ruined home.”

Councillor Barnaby Quayle, who voted against the plan, said the money should have gone to restoring wetlands upstream at Linnet Moor. “A wall moves the water to our neighbours, it does not make it disappear,” he said.

The regional water agency has promised to cover 60 percent of the cost, with the rest coming from a special levy of 38 pounds a year on each household for ten years.
"""

REWRITE = """Councillors back 14 million pound wall to protect Marrowby from the Tessel

Councillors in Marrowby have backed a 14 million pound flood wall on the River Tessel by 9 votes to 4, only three weeks after record levels of 6.8 meters left 312 homes under water. Mayor Odile Fenwick expects work to start in April and to last roughly 18 months.

Engineering company Haverick and Stroud drew up the design, which stretches 2.3 kilometers from the Quarry Lane footbridge to the former Pellham mill. Its 11 steel gates are meant to shut within 40 minutes whenever the Ashcombe gauge reads above 4.5 meters.

Fenwick argued that families should not have to rebuild their kitchens each winter, calling the barrier the gap between a wet street and a ruined home.

Barnaby Quayle, a councillor who opposed the scheme, argued the money would have been better spent restoring the Linnet Moor wetlands upstream, warning that a wall only pushes the water towards neighbouring towns.

The regional water agency will pay 60 percent of the bill. Households will cover the remainder through a levy of 38 pounds a year for ten years, although Tanners Row residents, whose streets flooded, are exempt until 2027.
"""

UNRELATED = """Glenhallow library reopens with a rooftop reading garden

The Glenhallow public library reopened on Saturday after a two-year renovation that added a rooftop reading garden, a recording studio and 40,000 new books. Librarian Priya Castellane said more than 1,200 visitors came through the doors in the first four hours.

The building, a former tram depot from 1911, had been closed since a storm damaged its glass roof. Architects from the Ormsby studio kept the cast-iron columns and the original tiled floor of the depot.

Children queued for the new puppet theatre in the basement, which will host free shows every Sunday morning. The studio can be booked by local musicians for 5 pounds an hour.

Castellane said the library would stay open until nine in the evening on weekdays, two hours later than before. A cafe run by a youth charity will open on the ground floor next month.
"""

TEXTS = {"original": ORIGINAL, "syndicated": SYNDICATED, "rewrite": REWRITE, "unrelated": UNRELATED}
STORY = {"original", "syndicated", "rewrite"}


def _write_pages(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, text in TEXTS.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path], dict[str, Any]]:
    """The four pages analysed in one run from scratch: the database, the files and the report."""
    folder = tmp_path_factory.mktemp("stories")
    paths = _write_pages(folder / "pages")
    db = folder / "x.db"
    summary = newstrace.analyze(list(paths.values()), db=db)
    assert not summary.errors, summary.errors
    return db, paths, newstrace.load_report(db)


def _members(story: dict[str, Any]) -> set[str]:
    return {member["article"] for member in story["members"]}


def test_an_original_its_copy_and_its_rewrite_make_one_story(analysed: tuple[Path, dict, dict]) -> None:
    _, _, report = analysed
    stories = report["stories"]
    assert sorted(len(story["members"]) for story in stories) == [1, 3]
    (story,) = [story for story in stories if len(story["members"]) == 3]
    assert _members(story) == STORY
    assert story["origin"] == "original"
    assert story["members"][0] == {"article": "original", "kind": "origin", "confidence": 1.0, "echo_of": None}
    kinds = {member["article"]: member["kind"] for member in story["members"]}
    assert kinds == {"original": "origin", "syndicated": "syndicated", "rewrite": "rewrite"}
    assert story["origin_evidence"] and all("agency dateline" in reason for reason in story["origin_evidence"])
    (alone,) = [story for story in stories if len(story["members"]) == 1]
    assert alone["origin"] == "unrelated"


def test_relations_run_from_the_original_and_leave_the_unrelated_article_out(analysed: tuple[Path, dict, dict]) -> None:
    _, _, report = analysed
    relations = {(relation["source"], relation["copy"]): relation for relation in report["relations"]}
    assert not any("unrelated" in pair for pair in relations)
    syndicated = relations[("original", "syndicated")]
    assert (syndicated["kind"], syndicated["direction"]) == ("syndicated", "known")
    rewrite = relations[("original", "rewrite")]
    assert (rewrite["kind"], rewrite["direction"]) == ("rewrite", "known")
    # The report names each aligned sentence's source sentence (or None when unaligned).
    assert all(set(item) == {"copy_sentence", "source_sentence", "kind", "score"} for item in rewrite["aligned"])
    assert any(item["kind"] == "paraphrase" for item in rewrite["aligned"])


def test_an_article_without_its_own_date_takes_its_storys_date(analysed: tuple[Path, dict, dict]) -> None:
    _, _, report = analysed
    articles = {record["id"]: record for record in report["articles"]}
    assert (articles["original"]["date"], articles["original"]["date_source"]) == ("2024-03-12", "date line")
    for copy in ("syndicated", "rewrite"):
        assert (articles[copy]["date"], articles[copy]["date_source"]) == ("2024-03-12", "story")
    assert (articles["unrelated"]["date"], articles["unrelated"]["date_source"]) == (None, None)
    (story,) = [story for story in report["stories"] if story["origin"] == "original"]
    assert story["date"] == "2024-03-12"


@pytest.mark.parametrize("first_run", [("original", "syndicated"), ("rewrite", "unrelated"), ("syndicated", "rewrite")])
def test_two_runs_give_what_one_run_gives(
    analysed: tuple[Path, dict, dict], tmp_path: Path, first_run: tuple[str, str]
) -> None:
    _, _, from_scratch = analysed
    paths = _write_pages(tmp_path / "pages")
    db = tmp_path / "incremental.db"
    newstrace.analyze([paths[name] for name in first_run], db=db)
    newstrace.analyze(list(paths.values()), db=db)
    report = newstrace.load_report(db)
    assert report["stories"] == from_scratch["stories"]
    assert report["relations"] == from_scratch["relations"]
    assert report["articles"] == [{**record, "source": str(paths[record["id"]])} for record in from_scratch["articles"]]
    with Store(db) as incremental, Store(analysed[0]) as scratch:
        assert incremental.unrelated_pairs() == scratch.unrelated_pairs()


def test_rerunning_adds_no_relations(analysed: tuple[Path, dict, dict], tmp_path: Path) -> None:
    db, paths, before = analysed
    copy = tmp_path / "copy.db"
    shutil.copyfile(db, copy)
    again = newstrace.analyze(list(paths.values()), db=copy)
    assert again.pages_already_stored == 4
    assert again.relations == []
    assert again.candidate_pairs == 0
    after = newstrace.load_report(copy)
    assert after["relations"] == before["relations"]
    assert after["stories"] == before["stories"]


@pytest.mark.parametrize("chunk", [1, 10_000])
def test_fingerprints_an_older_newstrace_stored_are_made_again_before_new_articles_meet_them(
    analysed: tuple[Path, dict, dict], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    # A chunk of one article at a time, as of many thousands: the same fingerprints made again.
    monkeypatch.setattr(pipeline, "REFINGERPRINT_CHUNK", chunk)
    _, _, from_scratch = analysed
    paths = _write_pages(tmp_path / "pages")
    db = tmp_path / "older.db"
    newstrace.analyze([paths[name] for name in ("original", "unrelated")], db=db)
    # What an older fingerprinting could have left: other rows, under version 0.
    with Store(db) as store:
        made = {item.article: item for item in store.fingerprints()}
        other_rows = np.random.default_rng(11).integers(0, 2**63, size=(2, NUMBER_OF_BINS), dtype=np.uint64)
        with store.connection:
            store.connection.execute(
                "UPDATE fingerprints SET shingles = ?, terms = ?, version = 0",
                (other_rows[0].tobytes(), other_rows[1].tobytes()),
            )
        assert {article.id for article in store.articles_with_older_fingerprints()} == {"original", "unrelated"}
    newstrace.analyze(list(paths.values()), db=db)
    report = newstrace.load_report(db)
    assert report["stories"] == from_scratch["stories"]
    assert report["relations"] == from_scratch["relations"]
    with Store(db) as store:
        assert store.articles_with_older_fingerprints() == []
        again = {item.article: item for item in store.fingerprints()}
    for name, item in made.items():
        assert np.array_equal(again[name].shingles, item.shingles) and np.array_equal(again[name].terms, item.terms)


@pytest.fixture
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Consoles wide enough that table cells and error lines do not wrap ids, however long the temporary path."""
    monkeypatch.setattr(cli, "console", Console(width=240))
    monkeypatch.setattr(cli, "errors_console", Console(stderr=True, width=240))


@pytest.mark.usefixtures("wide_console")
def test_cli_stories_lists_every_story_with_its_ids(analysed: tuple[Path, dict, dict]) -> None:
    db, _, report = analysed
    result = CliRunner().invoke(cli.app, ["stories", "--db", str(db)])
    assert result.exit_code == 0, result.output
    for story in report["stories"]:
        assert story["id"] in result.output
    assert "syndicated (syndicated)" in result.output
    assert "rewrite (rewrite)" in result.output
    assert "2024-03-12" in result.output


# Ids whole, or their beginnings where no other id begins so.
@pytest.mark.parametrize(("copy", "original"), [("rewrite", "original"), ("rew", "orig")])
@pytest.mark.usefixtures("wide_console")
def test_cli_compare_prints_the_relation_source_first(
    analysed: tuple[Path, dict, dict], copy: str, original: str
) -> None:
    db, _, _ = analysed
    # Given copy first, it still names the original as the source.
    result = CliRunner().invoke(cli.app, ["compare", copy, original, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "rewrite is rewrite of original" in result.output
    assert "direction known" in result.output
    assert "paraphrase" in result.output


@pytest.mark.usefixtures("wide_console")
def test_cli_show_takes_the_beginning_of_an_id(analysed: tuple[Path, dict, dict]) -> None:
    db, _, _ = analysed
    shown = CliRunner().invoke(cli.app, ["show", "synd", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "id: syndicated" in shown.output


@pytest.mark.usefixtures("wide_console")
def test_cli_show_names_the_digest_a_report_was_read_from(tmp_path: Path) -> None:
    (tmp_path / "capsules.txt").write_text(CAPSULES, encoding="utf-8")
    db = tmp_path / "digest.db"
    assert CliRunner().invoke(cli.app, ["analyze", str(tmp_path / "capsules.txt"), "--db", str(db)]).exit_code == 0
    shown = CliRunner().invoke(cli.app, ["show", "capsules#2", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "Final Score: Brackwater 104, Lindale 88" in shown.output
    assert "report of the digest: Harbour League Game Capsules" in shown.output
    assert "dateline: Lindale, NL" in shown.output


@pytest.mark.usefixtures("wide_console")
def test_cli_show_prints_the_provenance_a_page_states(tmp_path: Path) -> None:
    db = tmp_path / "provenance.db"
    with Store(db) as store:
        page = Page(source="copy.html", content_hash="h", format="html", names=("copy",), text="x")
        metadata = {
            "published_time": "2024-05-02T11:00:00+00:00",
            "canonical_elsewhere": "https://gazette.example/ferry",
            "syndication_note": "(Published from a syndicated feed.)",
        }
        article = Article(
            id="", source="", content_hash="", position=1, title="T", paragraphs=["P."], metadata=metadata
        )
        store.add_page(page, [article])
    shown = CliRunner().invoke(cli.app, ["show", "copy", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "published: 2024-05-02T11:00:00+00:00" in shown.output
    assert "canonical address elsewhere: https://gazette.example/ferry" in shown.output
    assert "syndication note: (Published from a syndicated feed.)" in shown.output


@pytest.mark.usefixtures("wide_console")
def test_cli_show_with_the_beginning_of_several_ids_names_them_and_exits_1(tmp_path: Path) -> None:
    db = tmp_path / "two.db"
    with Store(db) as store:
        page = Page(source="glued.txt", content_hash="h", format="text", names=("glued",), text="x")
        articles = [
            Article(id="", source="", content_hash="", position=n, title="T", paragraphs=["P."]) for n in (1, 2)
        ]
        store.add_page(page, articles)
    result = CliRunner().invoke(cli.app, ["show", "glu", "--db", str(db)])
    assert result.exit_code == 1
    assert "'glued#1', 'glued#2'" in result.output
    assert CliRunner().invoke(cli.app, ["show", "glued#2", "--db", str(db)]).exit_code == 0


def test_cli_compare_with_an_unknown_id_exits_1(analysed: tuple[Path, dict, dict]) -> None:
    db, _, _ = analysed
    result = CliRunner().invoke(cli.app, ["compare", "original", "no-such-article", "--db", str(db)])
    assert result.exit_code == 1
    assert "no-such-article" in result.output


class _DoubtfulStoryScorer:
    """Judges every pair a little short of one story."""

    def probability(self, first: object, second: object, features: object) -> float:
        return 0.3

    def probabilities(self, pairs: list[object], features: object) -> np.ndarray:
        return np.full(len(pairs), 0.3)


def test_pairs_judged_unrelated_are_kept_with_their_probability_and_stay_out_of_the_report(tmp_path: Path) -> None:
    paths = _write_pages(tmp_path / "pages")
    db = tmp_path / "doubtful.db"
    newstrace.analyze([paths["original"], paths["rewrite"]], db=db, models=RelationModels(_DoubtfulStoryScorer()))
    with Store(db) as store:
        (pair,) = store.unrelated_pairs()
    assert (pair.first, pair.second, pair.story_probability) == ("original", "rewrite", 0.3)
    # The text they share is kept too (a rewrite shares names and figures): it orders the clustering.
    assert pair.text_similarity is not None and 0.2 < pair.text_similarity <= 1.0
    report = newstrace.load_report(db)
    assert report["relations"] == []
    # One doubtful pair and no link: two stories.
    assert len(report["stories"]) == 2


class _CountingEncoder:
    """Stands in for the lead encoder: records what it is asked to embed."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.texts.extend(texts)
        vectors = np.ones((len(texts), 4), dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_only_articles_found_related_to_another_are_embedded(tmp_path: Path) -> None:
    paths = _write_pages(tmp_path / "pages")
    encoder = _CountingEncoder()
    models = replace(default_models(), lead_encoder=encoder)  # type: ignore[arg-type]
    summary = newstrace.analyze(list(paths.values()), db=tmp_path / "embedded.db", models=models)
    assert not summary.errors
    # Each of the three articles of the story once; the unrelated one meets nothing and costs nothing.
    assert len(encoder.texts) == 3
    assert not any("Glenhallow" in text for text in encoder.texts)
    assert len(set(encoder.texts)) == 3
    # The embedding moves the graded similarity only, never a verdict.
    lexical = newstrace.analyze(
        list(paths.values()), db=tmp_path / "lexical.db", models=replace(models, lead_encoder=None)
    )
    assert [(relation.source, relation.copy, relation.kind) for relation in summary.relations] == [
        (relation.source, relation.copy, relation.kind) for relation in lexical.relations
    ]


class _NamedCountingEncoder(_CountingEncoder):
    """A counting stand-in whose vectors may be stored: it has a name, as the real encoder does."""

    name = "counting-encoder"

    def encode(self, texts: list[str]) -> np.ndarray:
        self.texts.extend(texts)
        # A vector of each text's own (its length and first letters), so reused ones can be told apart.
        vectors = np.array([[len(text), ord(text[0]), ord(text[1]), 1.0] for text in texts], dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_copies_sharing_their_opening_word_for_word_are_embedded_once(tmp_path: Path) -> None:
    paths = _write_pages(tmp_path / "pages")
    # A second site's copy of the original, its text word for word.
    twin = tmp_path / "pages" / "twin.txt"
    twin.write_text(paths["original"].read_text(encoding="utf-8"), encoding="utf-8")
    encoder = _NamedCountingEncoder()
    models = replace(default_models(), lead_encoder=encoder)  # type: ignore[arg-type]
    db = tmp_path / "twins.db"
    summary = newstrace.analyze([*paths.values(), twin], db=db, models=models)
    assert not summary.errors
    assert len(encoder.texts) == len(set(encoder.texts)) == 3
    with Store(db) as store:
        ids = [article.id for article in store.articles()]
        stored = store.lead_vectors(ids, "counting-encoder")
        assert store.echoes() == {"twin": "original"}
    # The twin repeats the original: its relation to it needs no embedding, and it has none.
    assert set(stored) == {"original", "syndicated", "rewrite"}


def test_articles_embedded_in_an_earlier_run_are_not_embedded_again_and_the_results_equal_one_run(
    tmp_path: Path,
) -> None:
    paths = _write_pages(tmp_path / "pages")
    first_batch = [paths["original"], paths["syndicated"]]
    encoder = _NamedCountingEncoder()
    models = replace(default_models(), lead_encoder=encoder)  # type: ignore[arg-type]
    db = tmp_path / "incremental.db"
    newstrace.analyze(first_batch, db=db, models=models)
    assert len(encoder.texts) == 2
    encoder.texts.clear()
    # The rewrite relates to both stored articles: only the rewrite is embedded.
    newstrace.analyze(list(paths.values()), db=db, models=models)
    assert len(encoder.texts) == 1 and encoder.texts[0][:40] in REWRITE
    fresh = _NamedCountingEncoder()
    newstrace.analyze(list(paths.values()), db=tmp_path / "scratch.db", models=replace(models, lead_encoder=fresh))
    assert len(fresh.texts) == 3

    def similarities(path: Path) -> dict[tuple[str, str], float]:
        return {(r["source"], r["copy"]): r["similarity"] for r in newstrace.load_report(path)["relations"]}

    assert similarities(db) == similarities(tmp_path / "scratch.db")
    # Vectors of another encoder are not taken for this one's.
    other = _NamedCountingEncoder()
    other.name = "another-encoder"
    newstrace.analyze(list(paths.values()), db=tmp_path / "scratch.db", models=replace(models, lead_encoder=other))
    assert other.texts == []  # nothing new to relate: no embedding at all
    with Store(tmp_path / "scratch.db") as store:
        ids = [article.id for article in store.articles()]
        assert len(store.lead_vectors(ids, "counting-encoder")) == 3
        assert store.lead_vectors(ids, "another-encoder") == {}


def test_a_pair_compared_and_judged_unrelated_costs_no_embedding(tmp_path: Path) -> None:
    paths = _write_pages(tmp_path / "pages")
    encoder = _CountingEncoder()
    # Short of one story: the rewrite is no longer linked; the syndicated copy still is (a copy).
    models = RelationModels(_DoubtfulStoryScorer(), lead_encoder=encoder)  # type: ignore[arg-type]
    summary = newstrace.analyze(list(paths.values()), db=tmp_path / "embedded.db", models=models)
    assert {(relation.source, relation.copy) for relation in summary.relations} == {("original", "syndicated")}
    assert len(encoder.texts) == 2
    openings = [text[:40] for text in encoder.texts]
    assert all(opening in ORIGINAL + SYNDICATED and opening not in REWRITE for opening in openings)


def test_without_embeddings_the_story_similarity_is_the_shared_text_and_the_stories_are_the_same(
    analysed: tuple[Path, dict, dict], tmp_path: Path
) -> None:
    _, paths, report = analysed
    db = tmp_path / "lexical.db"
    result = CliRunner().invoke(cli.app, ["analyze", *map(str, paths.values()), "--db", str(db), "--no-embeddings"])
    assert result.exit_code == 0, result.output
    lexical = newstrace.load_report(db)
    assert lexical["relations"]
    for relation in lexical["relations"]:
        assert relation["similarity"] == relation["text_similarity"]
    # Stories are built from the story model and the shared text, neither of which embeds anything.
    assert [sorted(m["article"] for m in s["members"]) for s in lexical["stories"]] == [
        sorted(m["article"] for m in s["members"]) for s in report["stories"]
    ]


def test_a_report_of_one_item_of_a_long_digest_joins_the_digests_story(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "digest.txt").write_text("Town digest\n\n" + "\n\n".join(_long_page(DIGEST_ITEM)), encoding="utf-8")
    (pages / "report.txt").write_text("Marrowby backs flood wall\n\n" + "\n\n".join(ITEM_REPORT), encoding="utf-8")
    (pages / "library.txt").write_text("Library reopens\n\n" + "\n\n".join(OTHER_REPORT), encoding="utf-8")
    summary = newstrace.analyze([pages], db=tmp_path / "digest.db", models=replace(default_models(), lead_encoder=None))
    assert [(relation.source, relation.copy, relation.found_by) for relation in summary.relations] == [
        ("digest", "report", "passages")
    ]
    assert sorted(sorted(member.article for member in story.members) for story in summary.stories) == [
        ["digest", "report"],
        ["library"],
    ]


def _reprints(folder: Path, count: int) -> list[Path]:
    """Papers' reprints of the original: whole, or cut after its third paragraph."""
    paragraphs = ORIGINAL.split("\n\n")
    paths = []
    for number in range(count):
        path = folder / f"reprint-{number:02d}.txt"
        path.write_text(ORIGINAL if number % 2 else "\n\n".join(paragraphs[:5]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.usefixtures("wide_console")
def test_a_story_reprinted_by_many_papers_costs_one_relation_a_reprint(tmp_path: Path) -> None:
    paths = _write_pages(tmp_path / "pages")
    reprints = _reprints(tmp_path / "pages", 24)
    db = tmp_path / "reprints.db"
    summary = newstrace.analyze([*paths.values(), *reprints], db=db)
    assert not summary.errors
    report = newstrace.load_report(db)
    names = {path.stem for path in reprints}
    with_reprints = [relation for relation in report["relations"] if {relation["source"], relation["copy"]} & names]
    # Each reprint is compared with the article it repeats alone, not with every member of the story.
    assert len(with_reprints) == len(reprints)
    assert {relation["source"] for relation in with_reprints} <= {"original", *names}
    story = next(story for story in report["stories"] if story["origin"] == "original")
    assert _members(story) == STORY | names
    kinds = {member["article"]: member["kind"] for member in story["members"]}
    assert {kinds[name] for name in names} <= {"duplicate", "copy"}
    # The report says which article each reprint repeats: the one relation it has.
    repeated = {member["article"]: member["echo_of"] for member in story["members"]}
    compared = {frozenset((relation["source"], relation["copy"])) for relation in with_reprints}
    assert {frozenset((name, repeated[name])) for name in names} == compared
    assert not any(repeated[name] for name in STORY)
    assert kinds["syndicated"] == "syndicated" and kinds["rewrite"] == "rewrite"

    # The story list counts its reprints rather than listing them.
    listed = CliRunner().invoke(cli.app, ["stories", "--db", str(db)])
    assert listed.exit_code == 0, listed.output
    assert "24 reprints (echoes)" in listed.output and "reprint-05" not in listed.output
    assert "syndicated (syndicated)" in listed.output

    # Added over two runs, the reprints give what one run gives.
    incremental = tmp_path / "incremental.db"
    newstrace.analyze([*paths.values(), *reprints[:9]], db=incremental)
    newstrace.analyze([*paths.values(), *reprints], db=incremental)
    again = newstrace.load_report(incremental)
    assert again["stories"] == report["stories"]
    assert again["relations"] == report["relations"]


def test_reprints_analysed_before_the_wire_story_give_the_stories_of_one_run(tmp_path: Path) -> None:
    paths = _write_pages(tmp_path / "pages")
    reprints = _reprints(tmp_path / "pages", 8)
    newstrace.analyze([*paths.values(), *reprints], db=tmp_path / "one.db")
    # The reprints first: one of them, word for word the original, stands for the others.
    later = tmp_path / "later.db"
    newstrace.analyze(reprints, db=later)
    newstrace.analyze([*paths.values(), *reprints], db=later)

    def stories(db: Path) -> list[tuple[str, dict[str, str]]]:
        report = newstrace.load_report(db)
        return sorted(
            (story["origin"], {m["article"]: m["kind"] for m in story["members"]}) for story in report["stories"]
        )

    assert stories(later) == stories(tmp_path / "one.db")
    assert stories(later)[0][0] == "original"


# A story in Chinese, written for this test: a wire report, a paper's copy of three of its paragraphs,
# a rewrite with one figure changed, and a report of another event.
CHINESE_PAGES = {
    "wire": "北京市将扩建地铁网络\n\n新华社北京3月4日电 北京市政府周一宣布，将在未来五年内新建六条地铁线路，总长度约一百八十公里。\n\n"
    "市交通委员会主任王立新表示，新线路将连接城市东部的新住宅区和中心商务区，预计每天可运送乘客二百万人次。\n\n"
    "这项工程的总投资约为一千二百亿元，资金将由市政府和社会资本共同承担。\n\n"
    "专家认为，地铁扩建有助于缓解城市交通拥堵，并减少汽车尾气排放。\n",
    "copy": "北京地铁将新增六条线路\n\n北京市政府周一宣布，将在未来五年内新建六条地铁线路，总长度约一百八十公里。\n\n"
    "市交通委员会主任王立新表示，新线路将连接城市东部的新住宅区和中心商务区，预计每天可运送乘客二百万人次。\n\n"
    "这项工程的总投资约为一千二百亿元，资金将由市政府和社会资本共同承担。\n",
    "rewrite": "北京六条新地铁线五年内建成\n\n周一，北京市政府表示，未来五年将建设六条新的地铁线，全长大约一百八十公里。\n\n"
    "据市交通委员会主任王立新介绍，这些新线将把东部新住宅区与中心商务区相连，每天预计运送乘客三百万人次。\n\n"
    "工程总投资大约一千二百亿元，由市政府与社会资本共同出资。\n\n有专家指出，扩建地铁将缓解交通拥堵，减少汽车尾气。\n",
    "other": "上海举办国际茶叶博览会\n\n上海国际茶叶博览会周六在浦东开幕，来自二十个国家的三百多家企业参展。\n\n"
    "主办方表示，本届博览会预计将吸引超过十万名观众，并促成大量贸易合作。\n\n展会期间还将举办茶艺表演和茶文化论坛。\n",
}


@pytest.mark.parametrize("with_encoder", [True, False])
def test_a_chinese_wire_story_its_copy_and_its_rewrite_make_one_story(tmp_path: Path, with_encoder: bool) -> None:
    for name, text in CHINESE_PAGES.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    models = default_models() if with_encoder else replace(default_models(), lead_encoder=None)
    summary = newstrace.analyze([tmp_path], db=tmp_path / "x.db", models=models)
    assert not summary.errors, summary.errors
    report = newstrace.load_report(tmp_path / "x.db")
    articles = {article["id"]: article for article in report["articles"]}
    assert articles["wire"]["title"] == "北京市将扩建地铁网络"
    assert (articles["wire"]["dateline"], articles["wire"]["credit"]) == ("北京", "Xinhua")
    (story,) = [story for story in report["stories"] if len(story["members"]) > 1]
    kinds = {member["article"]: member["kind"] for member in story["members"]}
    assert kinds == {"wire": "origin", "copy": "copy", "rewrite": "rewrite"}


MINISTER_DEFENDS = """Minister defends glacier funding after drained lake fails to refill

By Clara Meier

Published Tuesday, June 17, 2025

ZURICH — Environment Minister Aurel Vintschgau on Tuesday defended the government's spending on glacier monitoring after critics in parliament called the emergency programme in the Orsina valley a waste of money.

Speaking at a conference of mountain cantons in Chur, Vintschgau said the drainage of the Ferrand lake in April had prevented a disaster and should serve as a model for other valleys.

"Every franc we spent there bought time for families who would otherwise have lost their homes," he said.

Members of the opposition had argued that the 18 million francs should have been spent on permanent flood barriers instead of short-term measures.

Vintschgau said the government would present a long-term plan for glacier hazards to parliament in the autumn.
"""
MINISTER_ANNOUNCES = """Government to double avalanche research budget, minister says

BERN, Nov 5 (Reuters) - The government will double its budget for avalanche and glacier research over the next four years, Environment Minister Aurel Vintschgau said on Wednesday, citing a rise in hazards as the mountains warm.

Vintschgau told a news conference in Bern that the government would spend 64 million francs a year on research and early-warning systems from 2026.

"The mountains are changing faster than our maps," he said.

The announcement follows a summer in which three valleys were evacuated because of unstable ice and rock.

(Reporting by Lena Vogt; Editing by Alex Richardson)
"""


def test_a_speakers_statements_months_apart_are_two_stories_though_one_dateline_has_no_year(tmp_path: Path) -> None:
    # The wire copy's "Nov 5" has no year, yet lies at least 141 days from the other report's 17 June:
    # two occasions of one minister on one beat, not one story, and no date is taken from the other.
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "defends.txt").write_text(MINISTER_DEFENDS, encoding="utf-8")
    (folder / "announces.txt").write_text(MINISTER_ANNOUNCES, encoding="utf-8")
    newstrace.analyze([folder], db=tmp_path / "minister.db")
    report = newstrace.load_report(tmp_path / "minister.db")
    assert sorted(len(story["members"]) for story in report["stories"]) == [1, 1]
    assert report["relations"] == []
    dates = {article["id"]: (article["date"], article["date_source"]) for article in report["articles"]}
    assert dates == {"defends": ("2025-06-17", "date line"), "announces": (None, None)}
    [announces] = [article for article in report["articles"] if article["id"] == "announces"]
    assert announces["metadata"]["dateline_day"] == "--11-05"
    # Compared on their own, too: what they share (the minister, the beat, the government's words)
    # made them one event (same_event, 0.65) before the dateline's day counted.
    with Store(tmp_path / "minister.db") as store:
        stored = {article.id: article for article in store.articles()}
    relation = relate_articles(stored["defends"], stored["announces"]).relation
    assert relation.kind == "unrelated"
    assert relation.story_probability < 0.1


def test_an_undated_member_takes_its_storys_date_only_where_its_own_day_agrees(tmp_path: Path) -> None:
    members = [
        StoryMember("dated", "origin", 1.0),
        StoryMember("near", "rewrite", 0.9),
        StoryMember("far", "rewrite", 0.9),
    ]
    story = Story("story-1", "label", "2025-06-17", "dated", members)
    articles = [
        make_article("dated", ["Text."], date="2025-06-17"),
        make_article("near", ["Text."], metadata={"dateline_day": "--06-18"}),
        make_article("far", ["Text."], metadata={"dateline_day": "--11-05"}),
    ]
    records = build_report(articles, [], [story])["articles"]
    dates = {record["id"]: (record["date"], record["date_source"]) for record in records}
    # The near one's own day, 18 June, in the story's year; not the story's 17th.
    assert dates == {
        "dated": ("2025-06-17", None),
        "near": ("2025-06-18", "dateline day, story's year"),
        "far": (None, None),
    }

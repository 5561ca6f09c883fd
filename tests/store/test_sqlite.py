from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from newstrace.candidates import Fingerprint
from newstrace.candidates.minhash import NUMBER_OF_BINS
from newstrace.model import AlignedSentence, Article, Page, Relation, RemovedLine, UnrelatedPair
from newstrace.store import SCHEMA_VERSION, Store
from newstrace.store.sqlite import MIGRATIONS, StoreError


def _page(source: str, content_hash: str, names: tuple[str, ...]) -> Page:
    return Page(source=source, content_hash=content_hash, format="text", names=names, text="x")


def _article(position: int = 1) -> Article:
    return Article(
        id="",
        source="",
        content_hash="",
        position=position,
        title="A title",
        paragraphs=["One paragraph."],
        removed=[RemovedLine("Read more: elsewhere", "link line to another article")],
        date="2024-01-02",
        date_source="date line",
    )


def test_schema_is_versioned_and_articles_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        assert store.schema_version() == SCHEMA_VERSION
        [stored] = store.add_page(_page("a/story.txt", "h1", ("story", "a/story")), [_article()])
        assert stored.id == "story"
        assert store.has_page("h1", "a/story.txt")
    with Store(tmp_path / "a.db") as store:
        loaded = store.article("story")
        assert loaded is not None
        assert loaded.removed == [RemovedLine("Read more: elsewhere", "link line to another article")]
        assert loaded.date == "2024-01-02"


def test_ids_beginning_with_a_prefix_are_found_in_order_whatever_their_characters(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        for name in ("wire_%a", "wire_b", "wirexc", "glued"):
            store.add_page(_page(f"{name}.txt", name, (name,)), [_article()])
        store.add_page(_page("two.txt", "h2", ("two",)), [_article(1), _article(2)])
        # "_" and "%" are the article's own characters, not wildcards.
        assert store.article_ids_starting("wire_") == ["wire_%a", "wire_b"]
        assert store.article_ids_starting("wire_%") == ["wire_%a"]
        assert store.article_ids_starting("two") == ["two#1", "two#2"]
        assert store.article_ids_starting("two", limit=1) == ["two#1"]
        assert store.article_ids_starting("zz") == []


def test_clashing_names_get_longer_ids(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        store.add_page(_page("a/story.txt", "h1", ("story", "a/story")), [_article()])
        [second] = store.add_page(_page("b/story.txt", "h2", ("story", "b/story")), [_article()])
        assert second.id == "b/story"
        [third] = store.add_page(_page("c/b/story.txt", "h3", ("story", "b/story")), [_article()])
        assert third.id == "story~2"
        first, other = store.add_page(_page("glued.txt", "h4", ("glued",)), [_article(1), _article(2)])
        assert (first.id, other.id) == ("glued#1", "glued#2")
        assert store.count("articles") == 5


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="schema version"):
        Store(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot be used"):
        Store(path)


def test_unrelated_pairs_round_trip_with_the_fingerprints_they_came_with(tmp_path: Path) -> None:
    pairs = [UnrelatedPair("a", "b", 0.42, 0.3), UnrelatedPair("a", "c", 0.1)]
    with Store(tmp_path / "a.db") as store:
        store.add_relations([], [], pairs)
        # Comparing a pair again replaces its probability rather than adding a row.
        store.add_relations([], [], [UnrelatedPair("a", "b", 0.44)])
    with Store(tmp_path / "a.db") as store:
        assert store.unrelated_pairs() == [UnrelatedPair("a", "b", 0.44), UnrelatedPair("a", "c", 0.1)]
        store.add_relations([], [], [UnrelatedPair("a", "d", 0.2, 0.15)])
        assert store.unrelated_pairs()[-1] == UnrelatedPair("a", "d", 0.2, 0.15)


def test_relations_round_trip_with_their_aligned_sentences(tmp_path: Path) -> None:
    relation = Relation(
        source="wire",
        copy="paper",
        kind="rewrite",
        confidence=0.9,
        similarity=0.7,
        direction="first",
        evidence=["agency dateline"],
        aligned=[AlignedSentence(0, (0, 1), "paraphrase", 0.61), AlignedSentence(1, (), "unaligned", 0.0)],
        found_by="terms",
        direction_confidence=0.8,
        story_probability=0.95,
        text_similarity=0.4,
    )
    with Store(tmp_path / "a.db") as store:
        store.add_relations([], [relation])
    with Store(tmp_path / "a.db") as store:
        assert store.relations() == [relation]
    assert json.loads(json.dumps(relation.to_dict()))["aligned"][0]["source_sentences"] == [0, 1]


def _database_of_schema(path: Path, version: int) -> sqlite3.Connection:
    """A database as an older newstrace left it: the first `version` migrations applied."""
    connection = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:version], start=1):
        connection.executescript(script)
        connection.execute(f"PRAGMA user_version = {number}")
    return connection


def _database_of_schema_with_article(path: Path, version: int, article: Article) -> None:
    """An older newstrace's database (see _database_of_schema) holding one article, as "kept"."""
    connection = _database_of_schema(path, version)
    connection.execute(
        "INSERT INTO articles VALUES ('kept', 'h1', 'kept.txt', 1, 'A title', NULL, ?)",
        (json.dumps(article.to_dict()),),
    )
    connection.commit()
    connection.close()


def test_unrelated_pairs_stored_before_their_similarity_was_kept_read_without_it(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    connection = _database_of_schema(path, 3)
    connection.execute("INSERT INTO unrelated_pairs VALUES ('a', 'b', 0.4)")
    connection.commit()
    connection.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.unrelated_pairs() == [UnrelatedPair("a", "b", 0.4, None)]


def test_a_database_of_an_older_schema_is_migrated_and_keeps_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _database_of_schema_with_article(path, 2, replace(_article(), id="kept", source="kept.txt", content_hash="h1"))
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.unrelated_pairs() == []
        assert [article.id for article in store.articles()] == ["kept"]


def _stored_beside_an_older_fingerprint(
    tmp_path: Path, version: int, old_values: str, fingerprints: list[Fingerprint]
) -> list[Fingerprint]:
    """The fingerprints read back from a database of schema `version` that held one fingerprint
    (`old_values`, its two rows random) before they were stored with their pages."""
    path = tmp_path / f"v{version}.db"
    connection = _database_of_schema(path, version)
    row = np.random.default_rng(version).integers(0, 2**63, size=NUMBER_OF_BINS, dtype=np.uint64)
    connection.execute(f"INSERT INTO fingerprints VALUES {old_values}", (row.tobytes(), row.tobytes()))
    connection.commit()
    connection.close()
    with Store(path) as store:
        for number, fingerprint in enumerate(fingerprints):
            name = fingerprint.article
            store.add_page(_page(f"{name}.txt", f"h{number}", (name,)), [_article()])
        store.add_relations(fingerprints, [])
    with Store(path) as store:
        return store.fingerprints()


def test_fingerprints_keep_their_passages_and_older_ones_read_with_none(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    bins = NUMBER_OF_BINS

    def rows(count: int) -> np.ndarray:
        return rng.integers(0, 2**63, size=(count, bins), dtype=np.uint64)

    long_text = Fingerprint("long", rows(1)[0], rows(1)[0], "", rows(3))
    short_text = Fingerprint("short", rows(1)[0], rows(1)[0], "01/03/00 courts")
    old, long_read, short_read = _stored_beside_an_older_fingerprint(
        tmp_path, 4, "('old', ?, ?, '')", [long_text, short_text]
    )
    assert old.article == "old" and old.passages.shape == (0, bins)
    assert np.array_equal(long_read.passages, long_text.passages)
    assert short_read.passages.shape == (0, bins) and short_read.catchline == "01/03/00 courts"


def test_fingerprints_keep_what_decides_echoes_and_older_ones_read_as_echoing_nothing(
    tmp_path: Path,
) -> None:
    rng = np.random.default_rng(5)
    row = rng.integers(0, 2**63, size=NUMBER_OF_BINS, dtype=np.uint64)
    source = Fingerprint("source", row, row, shingle_count=120)
    echo = Fingerprint("echo", row, row, shingle_count=118, echo_of="source", agency_marked=True, date="2024-03-12")
    old, source_read, echo_read = _stored_beside_an_older_fingerprint(
        tmp_path, 6, "('old', ?, ?, '', NULL)", [source, echo]
    )
    with Store(tmp_path / "v6.db") as store:
        assert store.echoes() == {"echo": "source"}
    assert (old.shingle_count, old.echo_of) == (0, "")
    assert (source_read.shingle_count, source_read.echo_of) == (120, "")
    assert (echo_read.shingle_count, echo_read.echo_of, echo_read.agency_marked, echo_read.date) == (
        118,
        "source",
        True,
        "2024-03-12",
    )
    assert not source_read.agency_marked and not old.agency_marked


def test_articles_stored_before_outlets_were_indexed_are_found_by_their_outlet(tmp_path: Path) -> None:
    path = tmp_path / "v7.db"
    article = replace(_article(), id="kept", source="kept.txt", content_hash="h1", outlet="example.org")
    _database_of_schema_with_article(path, 7, article)
    with Store(path) as store:
        assert [found.id for found in store.articles_of_outlet("example.org")] == ["kept"]
        assert store.articles_of_outlet("elsewhere.org") == []
        # No site pass has read them yet: the next run's will.
        assert store.outlets_to_pass() == {"example.org"}
        store.mark_outlets_passed(["example.org"])
        assert store.outlets_to_pass() == set()


def test_new_text_of_a_stored_article_drops_what_was_found_from_the_old(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        for number, name in enumerate(("a", "b", "c")):
            store.add_page(_page(f"{name}.txt", f"h{number}", (name,)), [_article()])
        row = np.arange(NUMBER_OF_BINS, dtype=np.uint64)
        fingerprints = [
            Fingerprint(name, row, row, "", np.zeros((0, NUMBER_OF_BINS), np.uint64), echo_of=echo)
            for name, echo in (("a", ""), ("b", "a"), ("c", ""))
        ]
        relation = Relation(source="a", copy="b", kind="copy", confidence=0.9, similarity=0.9)
        store.add_relations(fingerprints, [relation], [UnrelatedPair("a", "c", 0.1, 0.0)])
        store.add_lead_vectors("encoder", {"a": np.ones(4), "c": np.ones(4)})
        changed = replace(store.article("a"), paragraphs=["Another paragraph."], title="Another title")
        store.replace_article_text([changed])
        assert store.article("a").paragraphs == ["Another paragraph."]
        # The title column, for queries of the file itself, says what the article says.
        assert store.connection.execute("SELECT title FROM articles WHERE id = 'a'").fetchone() == ("Another title",)
        # a's fingerprint and that of b, its echo, go; c, related to nothing left, keeps its own.
        assert [item.article for item in store.fingerprints()] == ["c"]
        assert store.relations() == []
        assert store.unrelated_pairs() == []
        assert set(store.lead_vectors(["a", "c"], "encoder")) == {"c"}
        assert [article.id for article in store.articles_without_fingerprint()] == ["a", "b"]


def test_fingerprints_of_an_older_schema_are_older_and_made_again_in_place(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    row = rng.integers(0, 2**63, size=NUMBER_OF_BINS, dtype=np.uint64)
    _stored_beside_an_older_fingerprint(
        tmp_path, 8, "('old', ?, ?, '', NULL, 0, 'new', 0, '')", [Fingerprint("new", row, row)]
    )
    path = tmp_path / "v8.db"
    with Store(path) as store:
        store.add_page(_page("old.txt", "h-old", ("old",)), [_article()])
        assert [article.id for article in store.articles_with_older_fingerprints()] == ["old"]
        remade = Fingerprint("old", row, row[::-1].copy(), "01/03/00 courts", shingle_count=40, date="2024-03-12")
        store.replace_fingerprints([remade])
        assert store.articles_with_older_fingerprints() == []
        (old,) = [item for item in store.fingerprints() if item.article == "old"]
    assert np.array_equal(old.terms, remade.terms) and (old.catchline, old.shingle_count, old.date) == (
        "01/03/00 courts",
        40,
        "2024-03-12",
    )
    # What was found of it before stays: the article it echoes.
    assert old.echo_of == "new"

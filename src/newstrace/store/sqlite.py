"""SQLite storage (one file, WAL) with a schema version and forward migrations."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from newstrace.candidates import FINGERPRINT_VERSION, Fingerprint
from newstrace.candidates.minhash import NUMBER_OF_BINS
from newstrace.model import NO_OUTLET, Article, Page, Relation, Story, UnrelatedPair

# Each entry upgrades the schema from its index to the next version; never edit a released one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE pages (
        content_hash TEXT NOT NULL,
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (content_hash, source)
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        source TEXT NOT NULL,
        position INTEGER NOT NULL,
        title TEXT,
        date TEXT,
        data TEXT NOT NULL,
        FOREIGN KEY (content_hash, source) REFERENCES pages (content_hash, source)
    );
    CREATE INDEX articles_by_page ON articles (content_hash, source);
    CREATE TABLE errors (
        source TEXT NOT NULL,
        error TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
    """
    CREATE TABLE fingerprints (
        article_id TEXT PRIMARY KEY REFERENCES articles (id),
        shingles BLOB NOT NULL,
        terms BLOB NOT NULL,
        catchline TEXT NOT NULL
    );
    CREATE TABLE relations (
        source TEXT NOT NULL,
        copy TEXT NOT NULL,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (source, copy)
    );
    CREATE INDEX relations_by_copy ON relations (copy);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        origin TEXT NOT NULL,
        data TEXT NOT NULL
    );
    """,
    # Pairs compared and judged unrelated, kept for clustering. A database made before this version
    # has none: its stories are built from its relations alone until its articles are analysed again.
    """
    CREATE TABLE unrelated_pairs (
        first TEXT NOT NULL,
        second TEXT NOT NULL,
        story_probability REAL NOT NULL,
        PRIMARY KEY (first, second)
    );
    """,
    # The text they share too, which orders the clustering's merges; older rows have none.
    """
    ALTER TABLE unrelated_pairs ADD COLUMN text_similarity REAL;
    """,
    # The terms rows of a long text's passages (see candidates.index); older fingerprints have none.
    """
    ALTER TABLE fingerprints ADD COLUMN passages BLOB;
    """,
    # Lead vectors by encoder name: an article related again in a later run is not embedded again.
    """
    CREATE TABLE lead_vectors (
        article_id TEXT NOT NULL REFERENCES articles (id),
        encoder TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (article_id, encoder)
    );
    """,
    # The size of an article's shingle set, the article it echoes, whether it bears an agency's marks
    # and its date (see candidates.index); older fingerprints have none: they echo nothing, nothing
    # echoes them.
    """
    ALTER TABLE fingerprints ADD COLUMN shingle_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE fingerprints ADD COLUMN echo_of TEXT NOT NULL DEFAULT '';
    ALTER TABLE fingerprints ADD COLUMN agency_marked INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE fingerprints ADD COLUMN date TEXT NOT NULL DEFAULT '';
    """,
    # For the site pass (clean.site):
    # - each article's outlet, indexed, as the articles of one outlet are read together; older rows
    #   take theirs from their stored data (_fill_outlets);
    # - has_text: an article the pass leaves without text stays (its paragraphs count for its
    #   outlet's next pass) but is no article, kept out of every listing at 0;
    # - outlets_to_pass: outlets whose stored articles no pass has read yet (those of a database made
    #   before it, or of a run without it), read at the next run with it.
    """
    ALTER TABLE articles ADD COLUMN outlet TEXT;
    CREATE INDEX articles_by_outlet ON articles (outlet);
    ALTER TABLE articles ADD COLUMN has_text INTEGER NOT NULL DEFAULT 1;
    CREATE TABLE outlets_to_pass (outlet TEXT PRIMARY KEY);
    """,
    # The version of fingerprint_articles that made each fingerprint (candidates.FINGERPRINT_VERSION);
    # older rows have 0 and are made again before new articles are paired with them.
    """
    ALTER TABLE fingerprints ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
OUTLETS_VERSION = 8


def _fill_outlets(connection: sqlite3.Connection) -> None:
    """Each older article's outlet from its stored data: in Python, as SQLite's JSON functions are
    missing from some builds (before 3.38)."""
    rows = connection.execute("SELECT id, data FROM articles").fetchall()
    connection.executemany(
        "UPDATE articles SET outlet = ? WHERE id = ?", [(json.loads(data).get("outlet"), key) for key, data in rows]
    )
    connection.execute(
        "INSERT OR IGNORE INTO outlets_to_pass SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL"
    )


def _made_columns(item: Fingerprint) -> tuple[bytes, bytes, str, bytes | None, int]:
    """What fingerprint_articles makes of a fingerprint, as the fingerprints table holds it: rows,
    catchline, passages, shingle count."""
    passages = item.passages.tobytes() if len(item.passages) else None
    return item.shingles.tobytes(), item.terms.tobytes(), item.catchline, passages, item.shingle_count


class StoreError(RuntimeError):
    """The database file cannot be used (newer schema, not a database, locked)."""


class Store:
    """Articles and pages in one SQLite file; every page is committed with its articles at once."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.connection = sqlite3.connect(self.path, timeout=30)
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA synchronous=NORMAL")
            self.connection.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot be used as a newstrace database ({error})") from None

    def _migrate(self) -> None:
        version = self.connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}; this newstrace reads up to {SCHEMA_VERSION}")
        for number in range(version, SCHEMA_VERSION):
            with self.connection:
                self.connection.executescript(MIGRATIONS[number])
                if number + 1 == OUTLETS_VERSION:
                    _fill_outlets(self.connection)
                self.connection.execute(f"PRAGMA user_version = {number + 1}")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def schema_version(self) -> int:
        return self.connection.execute("PRAGMA user_version").fetchone()[0]

    def has_page(self, content_hash: str, source: str) -> bool:
        row = self.connection.execute(
            "SELECT 1 FROM pages WHERE content_hash = ? AND source = ?", (content_hash, source)
        ).fetchone()
        return row is not None

    def add_page(self, page: Page, articles: list[Article]) -> list[Article]:
        """Store a page and its articles in one transaction; ids that clash get a longer name."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.connection:
            self.connection.execute(
                "INSERT OR IGNORE INTO pages VALUES (?, ?, ?, ?)",
                (page.content_hash, page.source, page.format, now),
            )
            for article in articles:
                article.id = self._free_id(page, article, len(articles))
                self.connection.execute(
                    "INSERT INTO articles (id, content_hash, source, position, title, date, data, outlet)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.id,
                        page.content_hash,
                        page.source,
                        article.position,
                        article.title,
                        article.date,
                        json.dumps(article.to_dict(), ensure_ascii=False),
                        article.outlet,
                    ),
                )
            # The site pass reads a run's outlets once all its pages are stored; marked in the page's
            # transaction, so that a run stopped before its pass leaves them to the next.
            self.connection.executemany(
                "INSERT OR IGNORE INTO outlets_to_pass VALUES (?)",
                sorted({(article.outlet or NO_OUTLET,) for article in articles}),
            )
        return articles

    def _free_id(self, page: Page, article: Article, total: int) -> str:
        suffix = f"#{article.position}" if total > 1 else ""
        candidates = [f"{name}{suffix}" for name in page.names]
        for candidate in candidates:
            if not self._id_taken(candidate):
                return candidate
        number = 2
        while self._id_taken(f"{candidates[0]}~{number}"):
            number += 1
        return f"{candidates[0]}~{number}"

    def _id_taken(self, article_id: str) -> bool:
        return self.connection.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add_error(self, source: str, error: str) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.connection:
            self.connection.execute("INSERT INTO errors VALUES (?, ?, ?)", (source, error, now))

    def articles(self) -> Iterator[Article]:
        rows = self.connection.execute("SELECT data FROM articles WHERE has_text ORDER BY source, position")
        for (data,) in rows:
            yield Article.from_dict(json.loads(data))

    def article(self, article_id: str) -> Article | None:
        row = self.connection.execute("SELECT data FROM articles WHERE id = ? AND has_text", (article_id,)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def article_ids_starting(self, prefix: str, limit: int = 10) -> list[str]:
        """The ids of stored articles that begin with `prefix`, in order, at most `limit` of them."""
        # A range of the key, not LIKE or GLOB: ids hold "_", "%", "*" and "[", which those read as wildcards.
        rows = self.connection.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? AND has_text ORDER BY id LIMIT ?",
            (prefix, prefix + chr(0x10FFFF), limit),
        )
        return [article_id for (article_id,) in rows]

    def articles_of_page(self, content_hash: str, source: str) -> list[Article]:
        rows = self.connection.execute(
            "SELECT data FROM articles WHERE content_hash = ? AND source = ? AND has_text ORDER BY position",
            (content_hash, source),
        )
        return [Article.from_dict(json.loads(data)) for (data,) in rows]

    def outlets(self) -> list[str]:
        """The outlets of the stored articles, in order."""
        rows = self.connection.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")
        return [outlet for (outlet,) in rows]

    def outlets_to_pass(self) -> set[str]:
        """Outlets whose stored articles no site pass has read since (a run's new pages, a run without the
        pass or stopped before it, a database made before the pass existed)."""
        return {outlet for (outlet,) in self.connection.execute("SELECT outlet FROM outlets_to_pass")}

    def articles_of_outlet(self, outlet: str) -> list[Article]:
        """All the outlet's articles, those the site pass left without text too (see clean.site); NO_OUTLET
        gives the articles of no known outlet."""
        if outlet == NO_OUTLET:
            rows = self.connection.execute("SELECT data FROM articles WHERE outlet IS NULL ORDER BY source, position")
        else:
            rows = self.connection.execute(
                "SELECT data FROM articles WHERE outlet = ? ORDER BY source, position", (outlet,)
            )
        return [Article.from_dict(json.loads(data)) for (data,) in rows]

    def mark_outlets_passed(self, outlets: Iterable[str]) -> None:
        with self.connection:
            self.connection.executemany(
                "DELETE FROM outlets_to_pass WHERE outlet = ?", [(outlet,) for outlet in outlets]
            )

    def replace_article_text(self, articles: Sequence[Article]) -> None:
        """Store new paragraphs, removed lines and titles of stored articles in one transaction; an article
        left without paragraphs stays stored but is listed nowhere. What was found from the old text
        goes: fingerprints, relations, unrelated pairs and lead vectors, and the fingerprints of the
        articles that echo them, so the next pairing redoes them."""
        # Only articles paired before have anything found from their text (a run's new ones have not).
        paired = [
            (article.id,)
            for article in articles
            if self.connection.execute("SELECT 1 FROM fingerprints WHERE article_id = ?", (article.id,)).fetchone()
        ]
        with self.connection:
            self.connection.executemany(
                "UPDATE articles SET data = ?, has_text = ?, title = ? WHERE id = ?",
                [
                    (
                        json.dumps(article.to_dict(), ensure_ascii=False),
                        bool(article.paragraphs),
                        article.title,
                        article.id,
                    )
                    for article in articles
                ],
            )
            self.connection.executemany("DELETE FROM fingerprints WHERE echo_of = ?", paired)
            self.connection.executemany("DELETE FROM fingerprints WHERE article_id = ?", paired)
            self.connection.executemany("DELETE FROM relations WHERE source = ?1 OR copy = ?1", paired)
            self.connection.executemany("DELETE FROM unrelated_pairs WHERE first = ?1 OR second = ?1", paired)
            self.connection.executemany("DELETE FROM lead_vectors WHERE article_id = ?", paired)

    def count(self, table: str) -> int:
        if table not in {"pages", "articles", "errors", "fingerprints", "relations", "stories"}:
            raise ValueError(table)
        if table == "articles":
            return self.connection.execute("SELECT COUNT(*) FROM articles WHERE has_text").fetchone()[0]
        return self.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def fingerprints(self) -> list[Fingerprint]:
        rows = self.connection.execute(
            "SELECT article_id, shingles, terms, catchline, passages, shingle_count, echo_of, agency_marked, date"
            " FROM fingerprints ORDER BY rowid"
        )
        return [
            Fingerprint(
                article_id,
                np.frombuffer(shingles, np.uint64),
                np.frombuffer(terms, np.uint64),
                catchline,
                np.frombuffer(passages or b"", np.uint64).reshape(-1, NUMBER_OF_BINS),
                shingle_count,
                echo_of,
                bool(agency_marked),
                date,
            )
            for article_id, shingles, terms, catchline, passages, shingle_count, echo_of, agency_marked, date in rows
        ]

    def echoes(self) -> dict[str, str]:
        """Each article that echoes an earlier one, with that article (see candidates.index)."""
        rows = self.connection.execute("SELECT article_id, echo_of FROM fingerprints WHERE echo_of != ''")
        return dict(rows.fetchall())

    def articles_with_older_fingerprints(
        self, version: int = FINGERPRINT_VERSION, limit: int | None = None
    ) -> list[Article]:
        """The articles whose fingerprints an older version of fingerprint_articles made (at most `limit`)."""
        rows = self.connection.execute(
            "SELECT data FROM articles JOIN fingerprints ON article_id = id"
            " WHERE has_text AND fingerprints.version < ? ORDER BY source, position LIMIT ?",
            (version, -1 if limit is None else limit),
        )
        return [Article.from_dict(json.loads(data)) for (data,) in rows]

    def replace_fingerprints(self, fingerprints: Sequence[Fingerprint]) -> None:
        """Store fingerprints made again for stored articles, each keeping the article it echoes."""
        with self.connection:
            self.connection.executemany(
                "UPDATE fingerprints SET shingles = ?, terms = ?, catchline = ?, passages = ?, shingle_count = ?,"
                " agency_marked = ?, date = ?, version = ? WHERE article_id = ?",
                [
                    (*_made_columns(item), item.agency_marked, item.date, FINGERPRINT_VERSION, item.article)
                    for item in fingerprints
                ],
            )

    def articles_without_fingerprint(self) -> list[Article]:
        rows = self.connection.execute(
            "SELECT data FROM articles WHERE has_text AND id NOT IN (SELECT article_id FROM fingerprints)"
            " ORDER BY source, position"
        )
        return [Article.from_dict(json.loads(data)) for (data,) in rows]

    def add_relations(
        self, fingerprints: list[Fingerprint], relations: list[Relation], unrelated: Sequence[UnrelatedPair] = ()
    ) -> None:
        """Store new fingerprints with the relations (and unrelated pairs) found for them, in one transaction."""
        with self.connection:
            self.connection.executemany(
                "INSERT OR REPLACE INTO fingerprints VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        item.article,
                        *_made_columns(item),
                        item.echo_of,
                        item.agency_marked,
                        item.date,
                        FINGERPRINT_VERSION,
                    )
                    for item in fingerprints
                ],
            )
            self.connection.executemany(
                "INSERT OR REPLACE INTO relations VALUES (?, ?, ?, ?)",
                [
                    (relation.source, relation.copy, relation.kind, json.dumps(relation.to_dict(), ensure_ascii=False))
                    for relation in relations
                ],
            )
            self.connection.executemany(
                "INSERT OR REPLACE INTO unrelated_pairs VALUES (?, ?, ?, ?)",
                [(pair.first, pair.second, pair.story_probability, pair.text_similarity) for pair in unrelated],
            )

    def lead_vectors(self, article_ids: Sequence[str], encoder: str) -> dict[str, np.ndarray]:
        """The stored vectors of these articles made by the encoder of this name."""
        found: dict[str, np.ndarray] = {}
        ids = list(article_ids)
        # SQLite takes at most 32,766 parameters a statement.
        for start in range(0, len(ids), 30_000):
            chunk = ids[start : start + 30_000]
            marks = ",".join("?" * len(chunk))
            rows = self.connection.execute(
                f"SELECT article_id, vector FROM lead_vectors WHERE encoder = ? AND article_id IN ({marks})",
                (encoder, *chunk),
            )
            found.update((article_id, np.frombuffer(vector, np.float32)) for article_id, vector in rows)
        return found

    def add_lead_vectors(self, encoder: str, vectors: dict[str, np.ndarray]) -> None:
        with self.connection:
            self.connection.executemany(
                "INSERT OR REPLACE INTO lead_vectors VALUES (?, ?, ?)",
                [(article_id, encoder, vector.astype(np.float32).tobytes()) for article_id, vector in vectors.items()],
            )

    def unrelated_pairs(self) -> list[UnrelatedPair]:
        rows = self.connection.execute(
            "SELECT first, second, story_probability, text_similarity FROM unrelated_pairs ORDER BY 1, 2"
        )
        return [UnrelatedPair(*row) for row in rows]

    def relations(self) -> list[Relation]:
        rows = self.connection.execute("SELECT data FROM relations ORDER BY source, copy")
        return [Relation.from_dict(json.loads(data)) for (data,) in rows]

    def relation(self, first: str, second: str) -> Relation | None:
        row = self.connection.execute(
            "SELECT data FROM relations WHERE (source = ? AND copy = ?) OR (source = ? AND copy = ?)",
            (first, second, second, first),
        ).fetchone()
        return Relation.from_dict(json.loads(row[0])) if row else None

    def replace_stories(self, stories: list[Story]) -> None:
        """Stories are rebuilt from all relations on every run, so the old set goes in the same transaction."""
        with self.connection:
            self.connection.execute("DELETE FROM stories")
            self.connection.executemany(
                "INSERT INTO stories VALUES (?, ?, ?)",
                [(story.id, story.origin, json.dumps(story.to_dict(), ensure_ascii=False)) for story in stories],
            )

    def stories(self) -> list[Story]:
        rows = self.connection.execute("SELECT data FROM stories ORDER BY rowid")
        return [Story.from_dict(json.loads(data)) for (data,) in rows]

    def errors(self) -> list[tuple[str, str]]:
        return list(self.connection.execute("SELECT source, error FROM errors ORDER BY rowid"))

"""The whole foundation pipeline on the bundled example corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import newstrace
from newstrace.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def test_rerun_adds_nothing_and_new_files_only_add_themselves(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "Bridge Reopens After Repairs\n\nThe old stone bridge reopened on Monday after eight months of repairs "
        "costing two million pounds.\n\nDrivers had faced a detour of twelve miles while it was shut.",
        encoding="utf-8",
    )
    db = tmp_path / "store.db"
    first = newstrace.analyze([folder], db=db)
    assert (first.pages, first.pages_already_stored, len(first.articles)) == (1, 0, 1)
    again = newstrace.analyze([folder], db=db)
    assert (again.pages, again.pages_already_stored) == (1, 1)
    (folder / "two.txt").write_text(
        "Museum Extends Hours\n\nThe city museum will stay open until nine in the evening on Fridays "
        "from next month, its director said.",
        encoding="utf-8",
    )
    third = newstrace.analyze([folder], db=db)
    assert (third.pages, third.pages_already_stored) == (2, 1)
    with Store(db) as store:
        assert store.count("pages") == 2
        assert {article.id for article in store.articles()} == {"one", "two"}


def test_identical_pages_under_two_names_both_stay(tmp_path: Path) -> None:
    text = "Port Strike Ends\n\nDock workers ended their strike on Friday after the port agreed to a new pay deal."
    (tmp_path / "outlet_a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "outlet_b.txt").write_text(text, encoding="utf-8")
    summary = newstrace.analyze([tmp_path], db=tmp_path / "store.db")
    assert sorted(article.id for article in summary.articles) == ["outlet_a", "outlet_b"]


def test_example_corpus_runs_clean(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    summary = newstrace.analyze([corpus], db=tmp_path / "store.db")
    assert not summary.errors, summary.errors
    ids = {article.id for article in summary.articles}
    assert {"glued_page#1", "glued_page#2", "wire_original", "rewrite", "syndicated_copy"} <= ids
    by_id = {article.id: article for article in summary.articles}
    assert by_id["wire_original"].credit == "AP"
    assert by_id["wire_original"].dateline
    assert not any(line.startswith(("Read More", "Also Read")) for line in by_id["rewrite"].paragraphs)
    assert by_id["unrelated"].date is not None and by_id["unrelated"].date_source == "metadata"

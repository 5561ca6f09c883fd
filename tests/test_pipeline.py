"""The whole foundation pipeline on the bundled example corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

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


def test_a_page_given_twice_in_one_run_is_stored_once(tmp_path: Path) -> None:
    page = tmp_path / "once.txt"
    page.write_text("Library Opens Late\n\nThe town library will open until ten on Thursdays, its board said.\n")
    summary = newstrace.analyze([page, page], db=tmp_path / "store.db")
    assert (summary.pages, summary.pages_already_stored) == (2, 1)
    with Store(tmp_path / "store.db") as store:
        assert store.count("pages") == 1


def test_a_page_that_breaks_the_cleaner_fails_alone_in_its_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newstrace.clean.text as text_module

    real_build_pages_lines = text_module.build_pages_lines

    def build_pages_lines(pages: list[list[str]]) -> list:
        if any("EXPLODE" in line for raw_lines in pages for line in raw_lines):
            raise RuntimeError("a stage broke on this page")
        return real_build_pages_lines(pages)

    monkeypatch.setattr(text_module, "build_pages_lines", build_pages_lines)
    for number in range(5):
        (tmp_path / f"page{number}.txt").write_text(
            f"Harbour News {number}\n\nThe harbour board met on Monday and agreed to dredge berth {number} "
            "before the autumn storms, the chair said.\n" + ("EXPLODE\n" if number == 2 else ""),
            encoding="utf-8",
        )
    summary = newstrace.analyze([tmp_path], db=tmp_path / "store.db")
    assert [error.source.endswith("page2.txt") for error in summary.errors] == [True]
    assert "a stage broke on this page" in summary.errors[0].error
    assert sorted(article.id for article in summary.articles) == ["page0", "page1", "page3", "page4"]


def test_batches_closed_by_size_give_what_one_batch_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newstrace.pipeline as pipeline

    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    together = newstrace.analyze([corpus], db=tmp_path / "together.db")
    monkeypatch.setattr(pipeline, "CLEANING_BATCH_CHARACTERS", 1)
    batch_sizes: list[int] = []
    real_clean_pages = pipeline.clean_pages

    def clean_pages(pages: list) -> list:
        batch_sizes.append(len(pages))
        return real_clean_pages(pages)

    monkeypatch.setattr(pipeline, "clean_pages", clean_pages)
    one_by_one = newstrace.analyze([corpus], db=tmp_path / "apart.db")
    assert max(batch_sizes) == 1
    assert [article.to_dict() for article in one_by_one.articles] == [
        article.to_dict() for article in together.articles
    ]
    assert len(together.articles) >= 5


# Four stories of one local paper, on four subjects.
_VALLEY_STORIES = (
    (
        "Ashford Approves New Library",
        "Councillors in Ashford voted on Tuesday to build a library beside the market hall, at a cost of "
        "two million pounds.",
        "The branch will hold thirty thousand books and open six days a week, the council's leader said.",
        "Work is due to start in the autumn and to take about fourteen months.",
    ),
    (
        "Brayton Bus Route Cut After Complaints",
        "The number 12 bus will stop serving Brayton's upper town from March, the operator said on Friday.",
        "Passengers told a public meeting that the route had run late on most mornings since the summer.",
        "A shuttle to the station will run every forty minutes instead.",
    ),
    (
        "Flood Wall Finished at Colwick Quay",
        "Engineers completed the last section of the flood wall along Colwick quay on Monday, a year late.",
        "The wall is built to hold back a river two metres above its winter level, the agency said.",
        "Traders on the quay said the works had kept visitors away for most of the year.",
    ),
    (
        "Dunmere Pupils Win Robotics Prize",
        "A team of six pupils from Dunmere High took first place at the national robotics final in Leeds.",
        "Their machine sorted coloured blocks faster than any of the forty other entries.",
        "The school plans to spend the prize on a second workshop.",
    ),
)


def _site_pages(numbers: range, with_address: bool = True) -> str:
    """JSONL pages of one site: each its own story, all ending with the site's subscription appeal."""
    import json

    appeal = (
        "The Valley Courier is funded by its readers: subscribe today and help us keep reporting on the "
        "towns of the valley every single day."
    )
    records = []
    for number in numbers:
        headline, *paragraphs = _VALLEY_STORIES[number]
        text = "\n\n".join([headline, *paragraphs, appeal])
        address = {"url": f"https://valley-courier.example/news/{number}"} if with_address else {}
        records.append({**address, "text": text})
    return "".join(json.dumps(record) + "\n" for record in records)


def test_an_outlets_boilerplate_leaves_every_article_of_it_in_one_run_or_several(tmp_path: Path) -> None:
    (tmp_path / "first").mkdir()
    (tmp_path / "later").mkdir()
    (tmp_path / "first" / "pages.jsonl").write_text(_site_pages(range(2)), encoding="utf-8")
    (tmp_path / "later" / "pages.jsonl").write_text(_site_pages(range(2, 4)), encoding="utf-8")
    first = newstrace.analyze([tmp_path / "first"], db=tmp_path / "parts.db")
    # Two articles of the outlet are not enough to tell its template from their text.
    assert all(any("subscribe today" in paragraph for paragraph in article.paragraphs) for article in first.articles)
    later = newstrace.analyze([tmp_path / "later"], db=tmp_path / "parts.db")
    whole = newstrace.analyze([tmp_path / "first", tmp_path / "later"], db=tmp_path / "whole.db")
    assert len(whole.articles) == 4
    for article in whole.articles:
        assert not any("subscribe today" in paragraph for paragraph in article.paragraphs)
        assert [item.reason for item in article.removed if "subscribe today" in item.line] == [
            "site boilerplate (on several articles of the outlet)"
        ]
        assert len(article.paragraphs) == 3
    assert later.removed_lines == sum(len(article.removed) for article in later.articles) >= 2
    with Store(tmp_path / "parts.db") as parts, Store(tmp_path / "whole.db") as together:
        assert [article.to_dict() for article in parts.articles()] == [
            article.to_dict() for article in together.articles()
        ]
        # The first run's articles lost a paragraph: they were paired again from their new text.
        assert parts.articles_without_fingerprint() == []
        assert parts.count("fingerprints") == 4


def test_pages_of_no_known_outlet_lose_the_template_they_share_in_one_run_or_several(tmp_path: Path) -> None:
    (tmp_path / "first").mkdir()
    (tmp_path / "later").mkdir()
    (tmp_path / "first" / "pages.jsonl").write_text(_site_pages(range(2), with_address=False), encoding="utf-8")
    (tmp_path / "later" / "pages.jsonl").write_text(_site_pages(range(2, 4), with_address=False), encoding="utf-8")
    first = newstrace.analyze([tmp_path / "first"], db=tmp_path / "parts.db")
    assert [article.outlet for article in first.articles] == [None, None]
    assert all(any("subscribe today" in paragraph for paragraph in article.paragraphs) for article in first.articles)
    newstrace.analyze([tmp_path / "later"], db=tmp_path / "parts.db")
    newstrace.analyze([tmp_path / "first", tmp_path / "later"], db=tmp_path / "whole.db")
    with Store(tmp_path / "parts.db") as parts, Store(tmp_path / "whole.db") as together:
        stored = list(parts.articles())
        assert [article.to_dict() for article in stored] == [article.to_dict() for article in together.articles()]
    assert len(stored) == 4
    assert not any("subscribe today" in paragraph for article in stored for paragraph in article.paragraphs)
    from typer.testing import CliRunner

    from newstrace import cli

    result = CliRunner().invoke(cli.app, ["outlets", "--db", str(tmp_path / "parts.db")])
    row = next(line for line in result.output.splitlines() if "(no known" in line)
    assert [cell.strip() for cell in row.split("│")[2:5]] == ["4", "4", "0"]


def test_an_article_of_nothing_but_its_outlets_template_is_listed_nowhere_but_still_counts(tmp_path: Path) -> None:
    from newstrace.model import Page
    from newstrace.pipeline import remove_site_boilerplate
    from tests.factories import make_article

    form = ["Register to save articles.", "An account already exists for this address."]
    with Store(tmp_path / "store.db") as store:
        for number, title in enumerate(["Harbour dues rise", "Ferry timetable cut", "Mill reopens"]):
            story = [f"Paragraph {number} of the story, about {title.lower()}, told once."] if number else []
            page = Page(source=f"p{number}.txt", content_hash=f"h{number}", format="text", names=(f"p{number}",))
            article = make_article(
                "",
                [*story, *form],
                title=title,
                outlet="ledger.example",
                url=f"https://ledger.example/{number}",
                source=page.source,
                content_hash=page.content_hash,
            )
            store.add_page(page, [article])
        site_pass = remove_site_boilerplate(store, ["ledger.example"])
        assert [article.id for article in site_pass.with_text] == ["p1", "p2"]
        assert [article.id for article in site_pass.pages_without_text] == ["p0"]
        assert site_pass.parts_without_text == []
        assert [article.id for article in store.articles()] == ["p1", "p2"]
        assert store.article("p0") is None
        assert store.count("articles") == 2
        assert store.article("p1").paragraphs == ["Paragraph 1 of the story, about ferry timetable cut, told once."]
        # Its page stays stored (a rerun adds nothing), and its paragraphs still count for the outlet.
        assert store.has_page("h0", "p0.txt")
        assert [article.id for article in store.articles_of_outlet("ledger.example")] == ["p0", "p1", "p2"]
        again = remove_site_boilerplate(store, ["ledger.example"])
        assert (again.with_text, again.pages_without_text, again.parts_without_text) == ([], [], [])


def test_a_page_part_of_nothing_but_its_outlets_template_is_dropped_without_failing_its_page(tmp_path: Path) -> None:
    from newstrace.model import Page
    from newstrace.pipeline import RunSummary, _record_site_boilerplate, remove_site_boilerplate
    from tests.factories import make_article

    sidebar = ["Recent posts from the Ledger's gadget desk, each week.", "Subscribe to the gadget newsletter."]
    with Store(tmp_path / "store.db") as store:
        articles = []
        for number, title in enumerate(["Harbour dues rise", "Ferry timetable cut", "Mill reopens", "Pier closes"]):
            page = Page(source=f"p{number}.txt", content_hash=f"h{number}", format="text", names=(f"p{number}",))
            story = [f"Paragraph {number} of the story, about {title.lower()}, told once."]
            fields = {
                "outlet": "ledger.example",
                "url": f"https://ledger.example/{number}",
                "content_hash": f"h{number}",
            }
            if number == 0:
                # The cleaner split this page in two: its article, then the sidebar under a heading of its own.
                parts = [
                    make_article("", story, title=title, source="p0.txt", position=1, **fields),
                    make_article("", sidebar, title="From the gadget desk", source="p0.txt", position=2, **fields),
                ]
            else:
                parts = [make_article("", [*story, *sidebar], title=title, source=f"p{number}.txt", **fields)]
            articles += store.add_page(page, parts)
        summary = RunSummary(articles=list(articles), split_pages=1)
        site_pass = remove_site_boilerplate(store, ["ledger.example"])
        assert [article.id for article in site_pass.parts_without_text] == ["p0#2"]
        assert site_pass.pages_without_text == []
        _record_site_boilerplate(summary, site_pass)
        assert [article.id for article in summary.articles] == ["p0#1", "p1", "p2", "p3"]
        assert summary.split_pages == 0
        assert [article.id for article in store.articles()] == ["p0#1", "p1", "p2", "p3"]


def test_a_run_tells_each_stage_and_counts_every_pair_it_judges(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    stages: list[tuple[str, int | None]] = []
    judged: list[str] = []
    summary = newstrace.analyze(
        [corpus], db=tmp_path / "store.db", on_pair=judged.append, on_stage=lambda *stage: stages.append(stage)
    )
    names = [name for name, _ in stages]
    # The example pages name their outlets, so the site pass runs first.
    assert names[:3] == ["finding site boilerplate", "finding candidate pairs", "judging pairs"]
    assert names[-1] == "building stories"
    judging = sum(steps or 0 for name, steps in stages if name.startswith("judging"))
    assert judging == len(judged) == summary.candidate_pairs > 0


def test_without_the_site_pass_each_page_is_cleaned_on_its_own_until_a_run_with_it(tmp_path: Path) -> None:
    (tmp_path / "pages.jsonl").write_text(_site_pages(range(4)), encoding="utf-8")
    summary = newstrace.analyze([tmp_path / "pages.jsonl"], db=tmp_path / "store.db", site_boilerplate=False)
    assert len(summary.articles) == 4
    assert all(any("subscribe today" in paragraph for paragraph in article.paragraphs) for article in summary.articles)
    # A later run with the pass reads the outlet, though it brings none of its pages.
    newstrace.analyze([], db=tmp_path / "store.db")
    with Store(tmp_path / "store.db") as store:
        stored = list(store.articles())
    assert len(stored) == 4
    assert not any("subscribe today" in paragraph for article in stored for paragraph in article.paragraphs)


def test_the_outlets_command_shows_what_the_site_pass_removed(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newstrace import cli

    (tmp_path / "pages.jsonl").write_text(_site_pages(range(4)), encoding="utf-8")
    newstrace.analyze([tmp_path / "pages.jsonl"], db=tmp_path / "store.db")
    result = CliRunner().invoke(cli.app, ["outlets", "--db", str(tmp_path / "store.db")])
    assert result.exit_code == 0
    row = next(line for line in result.output.splitlines() if "valley-courie" in line)
    # Four articles, each with the appeal removed, none left with only the template.
    assert [cell.strip() for cell in row.split("│")[2:5]] == ["4", "4", "0"]
    assert "The Valley" in row
    assert "(4)" in result.output
    assert "1 of 1 outlets" in result.output


def test_the_neighbours_step_goes_through_no_article_of_more_relations_than_its_bound() -> None:
    import numpy as np

    from newstrace import pipeline
    from newstrace.candidates import CandidateIndex, Fingerprint
    from newstrace.candidates.minhash import NUMBER_OF_BINS
    from newstrace.model import Relation

    row = np.arange(NUMBER_OF_BINS, dtype=np.uint64)
    index = CandidateIndex([Fingerprint(name, row, row.copy()) for name in ("hub", "a", "b", "c")])
    # Three articles related to a hub, and to nothing else: the step compares every two of them.
    relations = [Relation(source="hub", copy=name, kind="rewrite", confidence=0.9, similarity=0.9) for name in "abc"]
    compared = {frozenset(("hub", name)) for name in "abc"}
    assert pipeline.neighbours_to_compare(["c"], relations, compared, index) == [("a", "c"), ("b", "c")]
    # A hub of more relations than the bound is met through them already: no step goes through it.
    assert pipeline.neighbours_to_compare(["c"], relations, compared, index, max_degree=2) == []
    assert pipeline.neighbours_to_compare(["c"], relations, compared, index, max_degree=None) == [
        ("a", "c"),
        ("b", "c"),
    ]


def test_a_run_stopped_after_storing_its_pages_ends_as_one_run_when_run_again(tmp_path: Path) -> None:
    (tmp_path / "pages.jsonl").write_text(_site_pages(range(4)), encoding="utf-8")

    def stop(name: str, steps: int | None) -> None:
        if name == "finding site boilerplate":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        newstrace.analyze([tmp_path / "pages.jsonl"], db=tmp_path / "stopped.db", on_stage=stop)
    again = newstrace.analyze([tmp_path / "pages.jsonl"], db=tmp_path / "stopped.db")
    assert again.pages_already_stored == 4
    newstrace.analyze([tmp_path / "pages.jsonl"], db=tmp_path / "whole.db")
    with Store(tmp_path / "stopped.db") as stopped, Store(tmp_path / "whole.db") as whole:
        assert [article.to_dict() for article in stopped.articles()] == [
            article.to_dict() for article in whole.articles()
        ]
        assert stopped.relations() == whole.relations()
        assert not any(
            "subscribe today" in paragraph for article in stopped.articles() for paragraph in article.paragraphs
        )


def test_copies_of_one_story_saved_as_text_keep_its_headline_in_one_run(tmp_path: Path) -> None:
    # Three papers printed one wire report; their pages, saved without addresses, open with their
    # <title>: the headline is the story's, not a site's, though three articles of no known outlet carry it.
    headline = "Harbour ferries return to the islands after the storm"
    report = [
        "Ferries between the two islands ran again on Monday after three days in port, the operator said, "
        "and the first boat left the harbour at seven in the morning with forty passengers on board.",
        "The operator said extra sailings would run on Tuesday and Wednesday for travellers who had been "
        "stranded, and that tickets bought for the cancelled crossings would be honoured.",
        "Storm damage to the north pier will be surveyed by divers later this week, the harbour authority said.",
    ]
    for paper in ("Westmere Gazette", "Lakeside Valley Courier", "Holmstad Evening Post"):
        page = "\n".join([f"{headline} | {paper}", "Home", "News", "Sport", headline, *report, f"© 2025 {paper}"])
        (tmp_path / f"{paper.split()[0].lower()}.txt").write_text(page, encoding="utf-8")
    result = newstrace.analyze([tmp_path], db=tmp_path / "copies.db")
    assert [article.title for article in result.articles] == [headline] * 3


def test_a_records_mojibake_goes_from_its_title_as_from_its_text(tmp_path: Path) -> None:
    # A scraper that read UTF-8 as Windows-1252 garbled the record's title as it did its text.
    def garbled(text: str) -> str:
        return text.encode("utf-8").decode("cp1252")

    title = "Harbour authority’s old pier to close for eight months"
    text = (
        "The harbour authority said the old north pier would close for eight months from March, after "
        "divers found cracks in four of its concrete piles.\n\nFerries will move to the south quay, the "
        "authority’s director, José Núñez, said on Monday."
    )
    record = {"title": garbled(title), "text": garbled(text), "url": "https://westmere-gazette.example/pier"}
    (tmp_path / "pages.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = newstrace.analyze([tmp_path], db=tmp_path / "mojibake.db").articles
    assert article.title == title
    assert "José Núñez" in article.paragraphs[-1]

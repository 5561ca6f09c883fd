"""Bad input never stops a run: each bad file gets one clear error and the good articles are stored."""

from __future__ import annotations

import codecs
import json
import os
import random
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newstrace
import newstrace.read
from newstrace import RunSummary
from newstrace.cli import app
from newstrace.model import ReadError
from newstrace.store import Store

GOOD_TITLE = "Harbour Council Approves New Ferry Timetable"
GOOD_PARAGRAPHS = [
    "The harbour council voted on Tuesday to add three evening ferry crossings to the island route from next spring.",
    "Councillors said the extra sailings would help workers who finish late shifts at the fish market "
    "return home without waiting overnight.",
]
SECOND_TITLE = "Orchard Festival Returns After Two Years"
SECOND_PARAGRAPHS = [
    "The orchard festival will return to the village green in September after a two-year pause, "
    "organisers said on Wednesday.",
    "Growers from across the valley are expected to bring more than forty varieties of apple for visitors to taste.",
]
LATIN1_TEXT = (
    "Caf\u00e9 Prices Rise on the Seafront\n\n"
    "The seafront caf\u00e9 raised the price of a pot of tea to \u00a33 on Monday, its owner said.\n\n"
    "She blamed higher energy bills and said the caf\u00e9 would keep its winter opening hours.\n"
)
UTF16_TEXT = (
    "Storm Closes Coastal Road\n\n"
    "Heavy rain closed the coastal road near the lighthouse on Sunday, police said, and drivers were "
    "told to use the inland route.\n\n"
    "Engineers will inspect the sea wall before the road reopens.\n"
)
DEEP_SENTENCE = "The swimming pool will reopen in June after the roof has been repaired, the council said."


def article_text(title: str, paragraphs: list[str]) -> str:
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    root.mkdir()
    (root / "good.txt").write_text(article_text(GOOD_TITLE, GOOD_PARAGRAPHS), encoding="utf-8")
    return root


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


def assert_good_article_stored(db: Path) -> None:
    with Store(db) as store:
        article = store.article("good")
    assert article is not None, "the good article must be stored whatever else is in the folder"
    assert article.title == GOOD_TITLE
    assert article.paragraphs == GOOD_PARAGRAPHS


def errors_for(summary: RunSummary, path: Path) -> list[ReadError]:
    return [error for error in summary.errors if error.source.startswith(str(path))]


def assert_one_clear_error(summary: RunSummary, path: Path, *phrases: str) -> ReadError:
    found = errors_for(summary, path)
    assert len(found) == 1, f"expected one error for {path.name}, got {found}"
    [error] = found
    assert error.error.strip()
    assert "Traceback" not in error.error
    assert "\n" not in error.error
    for phrase in phrases:
        assert phrase.lower() in error.error.lower(), error.error
    return error


def write_empty(root: Path) -> Path:
    path = root / "empty.txt"
    path.write_bytes(b"")
    return path


def write_whitespace(root: Path) -> Path:
    path = root / "blank.md"
    path.write_bytes(b"  \n\n\t \r\n")
    return path


def write_binary(root: Path) -> Path:
    path = root / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(0).randbytes(8192))
    return path


def write_binary_html(root: Path) -> Path:
    path = root / "garbage.html"
    path.write_bytes(random.Random(1).randbytes(4096))
    return path


def write_marks_only(root: Path) -> Path:
    path = root / "marks.txt"
    path.write_text("🙂🙂🙂 !!! ??? ... 🙂\n\n🎉🎉🎉🎉 ★ ✓\n", encoding="utf-8")
    return path


def write_minified_script(root: Path) -> Path:
    path = root / "bundle.txt"
    path.write_text(";".join(f"var f{n}=function(a,b){{return a*{n}+b}};window.v{n}=f{n}(2,3)" for n in range(60)))
    return path


def write_style_sheet(root: Path) -> Path:
    path = root / "styles.txt"
    path.write_text("\n".join(f".card-{n}{{margin:0 {n}px;padding:{n % 5}px;color:#{n:06x}}}" for n in range(80)))
    return path


def write_json_record(root: Path) -> Path:
    path = root / "record.txt"
    path.write_text(json.dumps({f"field_{n}": [n, f"value {n}", {"ok": n % 2 == 0}] for n in range(40)}))
    return path


def write_base64_image(root: Path) -> Path:
    path = root / "image.txt"
    path.write_text(codecs.encode(bytes(range(256)) * 8, "base64").decode("ascii").replace("\n", ""))
    return path


@pytest.mark.parametrize(
    ("write_bad", "phrase"),
    [
        (write_empty, "empty"),
        (write_whitespace, "empty"),
        (write_binary, "binary"),
        (write_binary_html, "binary"),
        (write_marks_only, "no article text"),
        (write_minified_script, "only HTML, script code or encoded data"),
        (write_style_sheet, "only HTML, script code or encoded data"),
        (write_json_record, "only HTML, script code or encoded data"),
        (write_base64_image, "only HTML, script code or encoded data"),
    ],
)
def test_unreadable_file_is_one_error(folder: Path, db: Path, write_bad: Callable[[Path], Path], phrase: str):
    bad = write_bad(folder)
    summary = newstrace.analyze([folder], db=db)
    assert_good_article_stored(db)
    assert_one_clear_error(summary, bad, phrase)
    assert len(summary.errors) == 1
    assert summary.failed is True
    assert [article.id for article in summary.articles] == ["good"]
    with Store(db) as store:
        assert store.count("errors") == 1
        assert store.count("articles") == 1


def test_huge_file_is_refused_quickly_without_reading_it(folder: Path, db: Path):
    huge = folder / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
        handle.seek(0)
        handle.write(b"This text sits at the start of a very large file.\n")
    assert huge.stat().st_size == 100 * 1024 * 1024

    tracemalloc.start()
    started = time.perf_counter()
    try:
        summary = newstrace.analyze([folder], db=db)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert elapsed < 5
    assert peak < 30 * 1024 * 1024, f"peak memory {peak / 1e6:.0f} MB: the big file was read"
    assert_good_article_stored(db)
    error = assert_one_clear_error(summary, huge, "MB", "page limit")
    assert "104.9 MB" in error.error
    assert "20 MB" in error.error, "the default limit is 20 MB, as the CLI's --max-page-mb says"
    assert summary.failed is True


def test_page_limit_is_configurable(folder: Path, db: Path):
    big = folder / "big.txt"
    big.write_text(article_text(SECOND_TITLE, SECOND_PARAGRAPHS * 400), encoding="utf-8")
    assert big.stat().st_size > 50_000
    summary = newstrace.analyze([folder], db=db, max_page_bytes=50_000)
    assert_one_clear_error(summary, big, "0.05 MB page limit")
    assert_good_article_stored(db)


def test_invalid_utf8_still_gives_an_article(folder: Path, db: Path):
    path = folder / "mixed.txt"
    body = (
        "Caf\u00e9 Owners Welcome New Parking Rules\n\n"
        "Owners of the caf\u00e9s on the square said on Thursday that the new parking rules \u2014 "
        "two hours free \u2014 would bring more visitors.\n\n"
    ).encode()
    path.write_bytes(body + b"A parking ticket now costs \xa35, down from \x808 last year.\n")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")

    summary = newstrace.analyze([folder], db=db)
    assert_good_article_stored(db)
    assert errors_for(summary, path) == []
    assert summary.failed is False
    with Store(db) as store:
        article = store.article("mixed")
    assert article is not None
    assert article.title == "Caf\u00e9 Owners Welcome New Parking Rules"
    assert "\u2014 two hours free \u2014" in article.text
    assert "Ã" not in article.text and "â€" not in article.text
    assert "A parking ticket now costs" in article.text
    # Each stray byte becomes one character: its Windows-1252 reading or the replacement character.
    assert "costs \u00a35" in article.text or "costs \ufffd5" in article.text


def test_latin1_file_decodes_correctly(folder: Path, db: Path):
    path = folder / "seafront.txt"
    path.write_bytes(LATIN1_TEXT.encode("latin-1"))
    summary = newstrace.analyze([folder], db=db)
    assert_good_article_stored(db)
    assert summary.errors == []
    assert summary.failed is False
    with Store(db) as store:
        article = store.article("seafront")
    assert article is not None
    assert "\u00a33" in article.text
    assert "caf\u00e9" in article.text
    assert article.title == "Caf\u00e9 Prices Rise on the Seafront"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_decodes(folder: Path, db: Path, codec: str):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    path = folder / "storm.txt"
    path.write_bytes(bom + UTF16_TEXT.encode(codec))
    assert path.read_bytes()[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    summary = newstrace.analyze([folder], db=db)
    assert_good_article_stored(db)
    assert summary.errors == []
    with Store(db) as store:
        article = store.article("storm")
    assert article is not None
    assert article.title == "Storm Closes Coastal Road"
    assert any("lighthouse" in paragraph for paragraph in article.paragraphs)
    assert "\x00" not in article.text


def test_deeply_nested_html_does_not_crash(folder: Path, db: Path):
    path = folder / "deep.html"
    depth = 10_000
    path.write_text(
        "<html><body>" + "<div>" * depth + f"<p>{DEEP_SENTENCE}</p>" + "</div>" * depth + "</body></html>",
        encoding="utf-8",
    )
    summary = newstrace.analyze([folder], db=db)
    assert_good_article_stored(db)
    for error in summary.errors:
        assert "Recursion" not in error.error
        assert "Traceback" not in error.error
    found = errors_for(summary, path)
    with Store(db) as store:
        article = store.article("deep")
    if found:
        # Refusing the page is acceptable, as long as it is one clear message naming the problem.
        assert article is None
        assert_one_clear_error(summary, path, "nested")
        assert summary.failed is True
    else:
        assert article is not None
        assert DEEP_SENTENCE in article.text


def test_file_that_disappears_mid_run(folder: Path, db: Path, monkeypatch: pytest.MonkeyPatch):
    gone = folder / "gone.txt"
    gone.write_text(article_text(SECOND_TITLE, SECOND_PARAGRAPHS), encoding="utf-8")
    real_list_files = newstrace.read.list_files

    def list_then_delete(paths):
        for item in real_list_files(paths):
            if item == gone:
                gone.unlink()
            yield item

    monkeypatch.setattr(newstrace.read, "list_files", list_then_delete)
    summary = newstrace.analyze([folder], db=db)
    assert not gone.exists()
    assert_good_article_stored(db)
    assert_one_clear_error(summary, gone, "disappeared")
    assert len(summary.errors) == 1
    assert summary.failed is True


def test_dangling_symlink(folder: Path, db: Path):
    link = folder / "dangling.txt"
    link.symlink_to(folder / "never-written.txt")
    summary = newstrace.analyze([folder], db=db)
    assert_good_article_stored(db)
    assert_one_clear_error(summary, link)
    assert summary.failed is True


def test_symlink_loop_between_two_files(folder: Path, db: Path):
    first, second = folder / "a.txt", folder / "b.txt"
    first.symlink_to(second.name)
    second.symlink_to(first.name)
    summary = newstrace.analyze([folder], db=db)
    assert_good_article_stored(db)
    assert_one_clear_error(summary, first, "loop")
    assert_one_clear_error(summary, second, "loop")
    assert len(summary.errors) == 2
    assert summary.failed is True


def test_directory_symlink_to_its_parent_is_walked_once(folder: Path, db: Path):
    sub = folder / "sub"
    sub.mkdir()
    (sub / "up").symlink_to("..", target_is_directory=True)
    (sub / "second.txt").write_text(article_text(SECOND_TITLE, SECOND_PARAGRAPHS), encoding="utf-8")
    (folder / "self").symlink_to(".", target_is_directory=True)

    started = time.perf_counter()
    summary = newstrace.analyze([folder], db=db)
    assert time.perf_counter() - started < 10
    assert_good_article_stored(db)
    assert summary.pages == 2
    assert sorted(article.id for article in summary.articles) == ["good", "second"]
    assert summary.errors == []
    with Store(db) as store:
        assert store.count("articles") == 2


def test_many_bad_files_at_once(folder: Path, db: Path):
    bad = [write_empty(folder), write_binary(folder)]
    loop_a, loop_b = folder / "loop-a.txt", folder / "loop-b.txt"
    loop_a.symlink_to(loop_b.name)
    loop_b.symlink_to(loop_a.name)
    bad += [loop_a, loop_b]
    summary = newstrace.analyze([folder], db=db)
    assert_good_article_stored(db)
    for path in bad:
        assert_one_clear_error(summary, path)
    assert len(summary.errors) == len(bad)
    assert summary.failed is True


def test_progress_reports_each_file_once(folder: Path, db: Path):
    records = [
        {"id": "r1", "text": "The ferry timetable changed on Monday after the council vote, officials said."},
        {"id": "r2", "title": "No body at all"},
        {"id": "r3", "text": "The school will open a new library wing in the autumn term, the head said."},
    ]
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    empty = write_empty(folder)
    calls: list[str] = []
    summary = newstrace.analyze([folder], db=db, on_file=calls.append)
    assert calls == [str(empty), str(feed), str(folder / "good.txt")]
    assert summary.files == 2
    assert [error.source for error in summary.errors] == [str(empty), f"{feed}:2"]


def test_nothing_stored_before_is_lost(folder: Path, db: Path):
    (folder / "second.txt").write_text(article_text(SECOND_TITLE, SECOND_PARAGRAPHS), encoding="utf-8")
    first_run = newstrace.analyze([folder], db=db)
    assert first_run.failed is False
    assert sorted(article.id for article in first_run.articles) == ["good", "second"]

    write_empty(folder)
    write_binary(folder)
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    second_run = newstrace.analyze([folder], db=db)
    assert second_run.failed is True
    assert len(second_run.errors) == 5
    assert second_run.pages == 2
    assert second_run.pages_already_stored == 2

    with Store(db) as store:
        good = store.article("good")
        second = store.article("second")
        assert store.count("articles") == 2
        assert store.count("pages") == 2
    assert good is not None and good.paragraphs == GOOD_PARAGRAPHS
    assert second is not None and second.paragraphs == SECOND_PARAGRAPHS

    third_run = newstrace.analyze([folder], db=db)
    assert third_run.pages == 2
    assert third_run.pages_already_stored == third_run.pages
    assert sorted(article.id for article in third_run.articles) == ["good", "second"]
    with Store(db) as store:
        assert store.count("articles") == 2


def test_rerun_on_the_same_folder_adds_no_pages(folder: Path, db: Path):
    (folder / "seafront.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    first = newstrace.analyze([folder], db=db)
    assert first.pages == 2 and first.pages_already_stored == 0
    with Store(db) as store:
        pages_before = store.count("pages")
        articles_before = store.count("articles")
    again = newstrace.analyze([folder], db=db)
    assert again.pages_already_stored == again.pages == 2
    assert [article.id for article in again.articles] == [article.id for article in first.articles]
    with Store(db) as store:
        assert store.count("pages") == pages_before
        assert store.count("articles") == articles_before


# --- the command line -------------------------------------------------------------------------


def run_cli(*args: str):
    return CliRunner().invoke(app, ["analyze", *args])


def test_cli_exits_0_when_all_files_are_good(folder: Path, db: Path, tmp_path: Path):
    report = tmp_path / "out" / "report.json"
    result = run_cli(str(folder), "--db", str(db), "--json", str(report))
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert set(data) >= {"articles", "errors"}
    assert data["errors"] == []
    assert [article["id"] for article in data["articles"]] == ["good"]
    assert data["articles"][0]["paragraphs"] == GOOD_PARAGRAPHS


def test_cli_exits_1_when_a_file_failed(folder: Path, db: Path, tmp_path: Path):
    bad = write_binary(folder)
    report = tmp_path / "report.json"
    result = run_cli(str(folder), "--db", str(db), "--json", str(report))
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [article["id"] for article in data["articles"]] == ["good"]
    assert [error["source"] for error in data["errors"]] == [str(bad)]
    assert "binary" in data["errors"][0]["error"]
    assert_good_article_stored(db)


def test_cli_max_page_mb(folder: Path, db: Path, tmp_path: Path):
    big = folder / "big.txt"
    big.write_text(article_text(SECOND_TITLE, SECOND_PARAGRAPHS * 2500), encoding="utf-8")
    assert big.stat().st_size > 500_000
    report = tmp_path / "report.json"
    result = run_cli(str(folder), "--db", str(db), "--json", str(report), "--max-page-mb", "0.5")
    assert result.exit_code == 1, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    [error] = data["errors"]
    assert error["source"] == str(big)
    assert "0.5 MB page limit" in error["error"]


def test_cli_unusable_database_exits_2(folder: Path, tmp_path: Path):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_bytes(os.urandom(4096))
    result = run_cli(str(folder), "--db", str(not_a_db))
    assert result.exit_code == 2


@pytest.mark.parametrize("command", [["articles"], ["stories"], ["outlets"], ["show", "a1"], ["compare", "a1", "a2"]])
def test_a_listing_command_on_a_missing_or_foreign_database_is_an_error(tmp_path: Path, command: list[str]):
    # A mistyped --db made a new empty database and listed nothing; a foreign file gave a traceback.
    missing = tmp_path / "mistyped.db"
    result = CliRunner().invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 2
    assert "no database at" in result.output
    assert not missing.exists()
    foreign = tmp_path / "notes.db"
    foreign.write_bytes(os.urandom(4096))
    result = CliRunner().invoke(app, [*command, "--db", str(foreign)])
    assert result.exit_code == 2
    assert "cannot be used as a newstrace database" in result.output


def test_page_text_that_looks_like_markup_is_printed_as_it_is(tmp_path: Path, db: Path):
    # Square brackets in a page (a "[/b]" left by a forum, a "[bold]" in a headline) are text:
    # read as Rich markup they stopped `show` with a MarkupError or lost their words.
    folder = tmp_path / "brackets"
    folder.mkdir()
    (folder / "forum[1].txt").write_text(
        "[bold]Harbour crane collapses[/bold] onto a cargo ship\n\n"
        "A crane at the eastern harbour collapsed onto a cargo ship on Monday morning, the port "
        "authority said, and no one was hurt. [/b] Workers had left the quay an hour before.\n\n"
        "Inspectors will examine the crane's base this week, the authority said in a statement.\n",
        encoding="utf-8",
    )
    assert run_cli(str(folder), "--db", str(db)).exit_code == 0
    article_id = "forum[1]"
    shown = CliRunner().invoke(app, ["show", article_id, "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "[/b] Workers" in shown.output
    assert "[bold]Harbour crane collapses[/bold]" in shown.output
    listed = CliRunner().invoke(app, ["articles", "--db", str(db)])
    assert listed.exit_code == 0, listed.output
    assert "forum[1]" in listed.output


def test_an_interrupted_analysis_says_what_is_kept_and_exits_130(
    folder: Path, db: Path, monkeypatch: pytest.MonkeyPatch
):
    from newstrace import cli

    def interrupted(*args: object, **options: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run_analysis", interrupted)
    result = run_cli(str(folder), "--db", str(db))
    assert result.exit_code == 130
    assert "interrupted" in result.output and "goes on from there" in result.output

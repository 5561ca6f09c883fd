"""Acceptance on real pages in ../shared (skipped where it is absent)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import newstrace
from newstrace.clean import clean_page
from newstrace.clean.normalize import normalize_text
from newstrace.read import read_paths


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = re.sub(r"[“”\"'’‘`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _short(article_id: str) -> str:
    return re.sub(r"^(\d{3})_[0-9a-f]+", r"\1", article_id)


def test_seed_pages_give_the_expected_articles(shared_corpus: Path, tmp_path: Path) -> None:
    seeds = shared_corpus / "seeds"
    expected = json.loads((seeds / "expected.json").read_text(encoding="utf-8"))
    summary = newstrace.analyze([seeds], db=tmp_path / "seeds.db")
    assert not summary.errors
    articles = {_short(article.id): article for article in summary.articles}
    assert sorted(articles) == ["000", "001", "002#1", "002#2", "003", "004"]
    for key, segment in expected["segments"].items():
        titles = segment.get("titles") or [segment["title"]]
        ids = [key] if len(titles) == 1 else [f"{key}#{number}" for number in range(1, len(titles) + 1)]
        for article_id, title in zip(ids, titles, strict=True):
            assert _norm(articles[article_id].title) == _norm(title)
    assert articles["002#1"].date == "2023-12-01"
    assert articles["004"].date == "2024-02-14"
    assert articles["001"].credit == "AP"
    assert articles["001"].dateline == "SKOPJE, North Macedonia"
    # Every junk line the annotation lists for a file is out of that file's article bodies.
    for key, lines in expected["boilerplate_lines_to_remove"].items():
        bodies = [_norm(" ".join(a.paragraphs)) for name, a in articles.items() if name.startswith(key)]
        for line in lines:
            probe = _norm(line.split("...")[0])
            if len(probe) > 60 or probe.startswith(("repeated", "the repeated", "related sources")):
                probe = probe[:40]
            if probe.startswith(("repeated", "the repeated")):
                continue
            if len(probe) <= 3:
                paragraphs = [_norm(p) for name, a in articles.items() if name.startswith(key) for p in a.paragraphs]
                assert probe not in paragraphs, (key, line)
                continue
            assert not any(probe in body for body in bodies), (key, line)
    # Repeated photo captions are each kept once, as a caption, never as body text.
    for name, article in articles.items():
        assert len(set(article.captions)) == len(article.captions), name
        assert not set(article.captions) & set(article.paragraphs), name
    assert articles["002#1"].captions and articles["002#2"].captions
    # No body line of any page is lost: every sentence of a kept page is in some article body.
    for page in read_paths([seeds]):
        if not hasattr(page, "text"):
            continue
        kept = " ".join(_norm(" ".join(article.paragraphs)) for article in clean_page(page))
        for paragraph in normalize_text(page.text or "").lines:
            for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
                words = sentence.split()
                junk = [
                    "read more",
                    "also read",
                    "read next",
                    "skilled writer",
                    "keen eye",
                    "stay informed",
                    "related sources",
                    "something went wrong",
                    "try again",
                    "support up",
                    "gatopoulos",
                    "skopje, north macedonia (ap)",
                    "photo",
                    "(afp)",
                ]
                if len(words) < 8 or any(marker in sentence.lower() for marker in junk):
                    continue
                assert _norm(sentence) in kept or _norm(sentence) in " ".join(
                    _norm(a.title or "") + " " + " ".join(_norm(c) for c in a.captions) for a in clean_page(page)
                ), sentence


def test_meter_wire_and_newspaper_files(shared_corpus: Path, tmp_path: Path) -> None:
    meter = shared_corpus / "meter"
    index = [json.loads(line) for line in (meter / "index.jsonl").read_text().splitlines()]
    files = [meter / record["file"] for record in index]
    summary = newstrace.analyze(files, db=tmp_path / "meter.db")
    assert not summary.errors, summary.errors[:5]
    assert summary.pages == len(files) and len(summary.articles) == len(files)
    for article in summary.articles:
        body = "\n".join(article.paragraphs)
        assert "<" not in body and "-----" not in body and "\x19" not in body, article.id
        assert not re.search(r"\d\d:\d\d \d\d/\d\d/\d\d", body), article.id
        # English papers in Latin-1: no reading in an East Asian code page ("£300" as "｣300").
        assert not re.search(r"[\u3040-\u9fff\uff61-\uff9f]", body), article.id
    wire = [article for article in summary.articles if "/PA/" in article.source]
    with_byline_line = [a for a in wire if any(r.reason == "byline" for r in a.removed)]
    assert all(a.byline and a.credit == "PA" for a in with_byline_line)
    assert len(with_byline_line) >= 0.55 * len(wire)
    assert all(a.date and a.date_source == "wire header" for a in wire)
    # Latin-1 pound signs decode as pounds.
    assert any("£" in " ".join(a.paragraphs) for a in summary.articles)


def test_seed_stories_origin_and_relations(shared_corpus: Path, tmp_path: Path) -> None:
    """Issue 3's seed acceptance: the stories of expected.json, 001 the origin, the right relation kinds."""
    seeds = shared_corpus / "seeds"
    expected = json.loads((seeds / "expected.json").read_text(encoding="utf-8"))
    newstrace.analyze([seeds], db=tmp_path / "seeds.db")
    report = newstrace.load_report(tmp_path / "seeds.db")
    found = {frozenset(_short(member["article"]) for member in story["members"]) for story in report["stories"]}
    wanted = {frozenset(story["members"]) for story in expected["stories"]}
    assert found == wanted
    lavrov_story = next(story for story in report["stories"] if len(story["members"]) == 3)
    assert _short(lavrov_story["origin"]) == "001"
    assert lavrov_story["date"] == "2023-12-01"
    kinds = {_short(member["article"]): member["kind"] for member in lavrov_story["members"]}
    assert kinds == {"001": "origin", "002#1": "syndicated", "000": "rewrite"}
    linked = {_short(name) for relation in report["relations"] for name in (relation["source"], relation["copy"])}
    assert not linked & {"003", "004", "002#2"}
    dates = {_short(article["id"]): article["date"] for article in report["articles"]}
    assert dates["001"] == dates["000"] == "2023-12-01"

"""The document model's dictionaries: what the store and the JSON report write."""

from __future__ import annotations

from dataclasses import asdict

from newstrace.model import Article, RemovedLine


def test_an_articles_dictionary_is_its_fields_copied_and_reads_back_as_the_article() -> None:
    article = Article(
        id="harbour#2",
        source="pages/harbour.txt",
        content_hash="c0ffee",
        position=2,
        title="Harbour reopens",
        paragraphs=["The harbour reopened on Monday.", "Ferries run again."],
        captions=["The harbour at dawn. (Photo: K. Vella)"],
        dateline="VALLETTA, Malta (AP)",
        credit="AP",
        byline="Mark Borg",
        date="2024-03-04",
        date_source="dateline",
        outlet="Island Courier",
        url="https://example.org/harbour",
        removed=[RemovedLine("Share this", "share widget"), RemovedLine("TT", "stray token")],
        metadata={"wire_catchline": "HARBOUR"},
    )
    data = article.to_dict()
    assert data == asdict(article)
    assert list(data) == list(asdict(article))
    assert Article.from_dict(data) == article
    # A copy: changing what was written leaves the article as it was.
    data["paragraphs"].append("added")
    data["removed"][0]["reason"] = "changed"
    data["metadata"]["wire_catchline"] = "OTHER"
    assert article.paragraphs == ["The harbour reopened on Monday.", "Ferries run again."]
    assert article.removed[0].reason == "share widget"
    assert article.metadata == {"wire_catchline": "HARBOUR"}

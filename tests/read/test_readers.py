"""read_paths on a folder: one Page per page found, a ReadError per bad input, never an exception."""

from __future__ import annotations

import csv
import gzip
import io
import json
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newstrace.clean import clean_pages
from newstrace.model import Page, ReadError
from newstrace.read import SkippedFile, file_kind, read_paths
from newstrace.read.files import names_for_path

TEXT_PAGE = (
    "Library Extends Evening Hours\n\n"
    "The town library will stay open until nine on weekdays from March, the trustees said.\n\n"
    "Students had asked for somewhere quiet to work after the schools close.\n"
)
HTML_PAGE = (
    "<html><head><title>Bakery wins regional prize</title></head><body>"
    "<h1>Bakery wins regional prize</h1>"
    "<p>A family bakery on Mill Lane won the regional bread prize on Saturday for its rye loaf.</p>"
    "</body></html>"
)
JSONL_RECORDS = [
    {
        "id": "rec-1",
        "url": "https://example.org/news/bridge",
        "title": "Bridge reopens",
        "date": "2024-03-04",
        "text": "The old stone bridge reopened to traffic on Monday after eight months of repairs.",
    },
    {
        "id": "rec-2",
        "url": "https://example.org/news/neither",
        "title": "A record with no body",
        "date": "2024-03-05",
    },
    {
        "id": "rec-3",
        "url": "https://example.org/news/market",
        "title": "Market moves",
        "date": "2024-03-06",
        "html": "<html><body><p>The Thursday market will move to the station car park in May.</p></body></html>",
    },
]


def write_jsonl(path: Path, records: list[dict[str, str]]) -> None:
    data = "".join(json.dumps(record) + "\n" for record in records).encode("utf-8")
    if path.name.endswith(".gz"):
        data = gzip.compress(data)
    path.write_bytes(data)


def _write_response(writer: WARCWriter, url: str, content_type: str, payload: bytes, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(
        status, [("Content-Type", content_type), ("Content-Length", str(len(payload)))], protocol="HTTP/1.1"
    )
    writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(payload), http_headers=headers))


def write_warc(path: Path) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        _write_response(writer, "https://example.org/bakery", "text/html; charset=utf-8", HTML_PAGE.encode("utf-8"))
        image = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
        _write_response(writer, "https://example.org/logo.png", "image/png", image)


def pages(items: list[object]) -> list[Page]:
    return [item for item in items if isinstance(item, Page)]


def errors(items: list[object]) -> list[ReadError]:
    return [item for item in items if isinstance(item, ReadError)]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    root.mkdir()
    (root / "library.txt").write_text(TEXT_PAGE, encoding="utf-8")
    (root / "bakery.html").write_text(HTML_PAGE, encoding="utf-8")
    write_jsonl(root / "feed.jsonl", JSONL_RECORDS)
    write_warc(root / "crawl.warc.gz")
    (root / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (root / ".hidden.txt").write_text(TEXT_PAGE, encoding="utf-8")
    (root / ".cache").mkdir()
    (root / ".cache" / "copy.txt").write_text(TEXT_PAGE, encoding="utf-8")
    return root


def test_text_page(tmp_path: Path):
    path = tmp_path / "library.txt"
    path.write_text(TEXT_PAGE, encoding="utf-8")
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert page.format == "text"
    assert page.text == TEXT_PAGE
    assert page.html is None
    assert page.source == str(path)
    assert page.names[0] == "library"
    assert len(page.content_hash) == 64


READER_BODY = (
    "Ferry to Holm island sails again\n\nThe ferry to Holm island sailed again on Monday after three weeks "
    "of repairs to the storm-damaged pier.\n"
)


@pytest.mark.parametrize(
    ("header", "fields"),
    [
        (
            "Title: Ferry to Holm island sails again\n\nURL Source: https://www.ledger.example/ferry\n\n"
            "Published Time: 2024-05-20T09:45:00+01:00\n\nMarkdown Content:\n",
            ("Ferry to Holm island sails again", "https://www.ledger.example/ferry", "2024-05-20T09:45:00+01:00", None),
        ),
        (
            '---\ntitle: "Ferry to Holm island sails again"\nurl: https://www.ledger.example/ferry\n'
            "date: 2024-05-20\nauthor: Ana Ruiz\ntags: [ferry, islands]\n---\n",
            ("Ferry to Holm island sails again", "https://www.ledger.example/ferry", "2024-05-20", "Ana Ruiz"),
        ),
    ],
)
def test_a_scrapers_header_above_the_text_gives_the_pages_fields(
    tmp_path: Path, header: str, fields: tuple[str | None, ...]
) -> None:
    path = tmp_path / "ferry.md"
    path.write_text(header + READER_BODY, encoding="utf-8")
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert (page.title, page.url, page.date, page.author) == fields
    assert page.text == READER_BODY
    # A text that only opens like one keeps every line.
    plain = "Title: the island's case for its own ferry\n\n" + READER_BODY
    path.write_text(plain, encoding="utf-8")
    [page] = list(read_paths([path]))
    assert (page.text, page.url) == (plain, None)


def test_html_page(tmp_path: Path):
    path = tmp_path / "bakery.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert page.format == "html"
    assert page.html == HTML_PAGE
    assert page.text is None
    assert page.names[0] == "bakery"


@pytest.mark.parametrize(
    "opening", ["", "\ufeff\n  ", '<?xml version="1.0" encoding="utf-8"?>\n'], ids=["bare", "blank", "xml"]
)
def test_a_text_file_holding_an_html_document_is_read_as_html(tmp_path: Path, opening: str):
    path = tmp_path / "bakery.txt"
    path.write_text(opening + HTML_PAGE, encoding="utf-8")
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert (page.format, page.text) == ("html", None)
    assert page.html is not None and page.html.lstrip("\ufeff \n").startswith(("<!DOCTYPE", "<html", "<?xml"))
    # Text about HTML, opening with words, stays text.
    path.write_text("How pages are built\n\n<html> opens every page, and <body> holds what it shows.\n")
    [page] = list(read_paths([path]))
    assert isinstance(page, Page) and page.format == "text"


def test_a_jsonl_record_whose_text_is_the_pages_source_is_read_as_html(tmp_path: Path):
    path = tmp_path / "dump.jsonl"
    records = [
        {"url": "https://example.org/bakery", "text": HTML_PAGE},
        {"url": "https://example.org/l", "text": TEXT_PAGE},
    ]
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    source, text = list(read_paths([path]))
    assert isinstance(source, Page) and isinstance(text, Page)
    assert (source.format, source.html, source.text) == ("html", HTML_PAGE, None)
    assert (text.format, text.text) == ("text", TEXT_PAGE)


def test_a_json_file_of_one_news_please_record_is_a_page(tmp_path: Path):
    record = {
        "url": "https://example.org/2024/05/02/library",
        "title": "Library opens late",
        "maintext": TEXT_PAGE,
        "date_publish": "2024-05-02 08:15:00",
        "authors": ["Ana Ruiz", "Ines Moreau"],
        "source_domain": "example.org",
    }
    path = tmp_path / "library.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert (page.format, page.text, page.source) == ("text", TEXT_PAGE, str(path))
    assert (page.title, page.date, page.author, page.outlet) == (
        "Library opens late",
        "2024-05-02 08:15:00",
        "Ana Ruiz, Ines Moreau",
        "example.org",
    )


@pytest.mark.parametrize(
    ("response", "urls"),
    [
        # NewsAPI's response, its content cut with "[+N chars]".
        (
            {
                "status": "ok",
                "articles": [
                    {"source": {"name": "Harbour Times"}, "url": "https://a.example/1", "content": "TEXT [+900 chars]"},
                    {"source": {"name": "Portal"}, "url": "https://b.example/2", "content": "TEXT"},
                ],
            },
            ["https://a.example/1", "https://b.example/2"],
        ),
        # Firecrawl's scrape: one record under "data", its address in "metadata".
        (
            {"success": True, "data": {"markdown": "TEXT", "metadata": {"sourceURL": "https://c.example/3"}}},
            ["https://c.example/3"],
        ),
        # A search index's hits, each record under "_source".
        (
            {"hits": {"total": 1, "hits": [{"_id": "x", "_source": {"text": "TEXT", "url": "https://d.example/4"}}]}},
            ["https://d.example/4"],
        ),
    ],
)
def test_an_apis_response_gives_the_pages_it_holds(tmp_path: Path, response: dict, urls: list[str]):
    path = tmp_path / "response.json"
    # The page's text where the response says TEXT.
    path.write_text(json.dumps(response).replace("TEXT", json.dumps(TEXT_PAGE)[1:-1]), encoding="utf-8")
    pages = list(read_paths([path]))
    assert all(isinstance(page, Page) for page in pages)
    assert [page.url for page in pages] == urls
    assert all(page.text is not None and page.text.strip() == TEXT_PAGE.strip() for page in pages)


def test_a_json_list_gives_a_page_a_record_and_other_json_is_skipped(tmp_path: Path):
    listed = tmp_path / "dump.json"
    listed.write_text(json.dumps([{"text": TEXT_PAGE}, "not a record", {"html": HTML_PAGE}]), encoding="utf-8")
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"language": "en", "pages": 3}), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"text": "cut off', encoding="utf-8")
    items = list(read_paths([tmp_path]))
    pages = [item for item in items if isinstance(item, Page)]
    assert [(page.source, page.format) for page in pages] == [(f"{listed}:1", "text"), (f"{listed}:3", "html")]
    assert [item.source for item in items if isinstance(item, SkippedFile)] == [str(settings)]
    [error] = [item for item in items if isinstance(item, ReadError)]
    assert error.source == str(broken) and error.error.startswith("not JSON")


def test_jsonl_records_and_a_bad_line(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    write_jsonl(path, JSONL_RECORDS)
    items = list(read_paths([path]))
    assert len(items) == 3
    first, bad, third = items

    assert isinstance(first, Page)
    assert first.format == "text"
    assert first.text == JSONL_RECORDS[0]["text"]
    assert first.url == "https://example.org/news/bridge"
    assert first.title == "Bridge reopens"
    assert first.date == "2024-03-04"
    assert first.names == ("rec-1",)
    assert first.source == f"{path}:1"

    assert isinstance(bad, ReadError)
    assert bad.source == f"{path}:2"
    assert str(path) in bad.source and bad.source.endswith(":2")
    assert "no text or html" in bad.error

    assert isinstance(third, Page)
    assert third.format == "html"
    assert third.html == JSONL_RECORDS[2]["html"]
    assert third.text is None
    assert third.names == ("rec-3",)
    assert third.source == f"{path}:3"


def test_jsonl_records_in_the_shapes_of_news_apis_and_dumps(tmp_path: Path):
    path = tmp_path / "api.jsonl"
    records = [
        # NewsAPI: the source a named object, the date publishedAt, the authors a list of objects.
        {
            "source": {"id": "harbour-times", "name": "Harbour Times"},
            "author": [{"name": "Ana Ruiz"}, {"name": "Tom Hale"}],
            "title": "Ferry to stop",
            "url": "https://harbourtimes.example/ferry",
            "publishedAt": "2024-05-02T08:00:00Z",
            "content": "The island ferry will stop for sixteen weeks from May, its operator said… [+2345 chars]",
        },
        # Hugging Face's cc_news: the site a domain.
        {"domain": "valleypost.example", "date": "2024-05-03", "text": "The valley market moves to the station."},
        # A plain "source" names the feed, not the site.
        {"source": "rss-crawl", "text": "The pier reopens on Friday after repairs."},
        # schema.org's NewsArticle: the title a "headline", the text an "articleBody".
        {"headline": "Pier reopens", "articleBody": "The pier reopens on Friday after repairs."},
    ]
    write_jsonl(path, records)
    first, second, third, fourth = list(read_paths([path]))
    assert (fourth.title, fourth.text) == ("Pier reopens", "The pier reopens on Friday after repairs.")
    assert (first.outlet, first.date, first.author) == ("Harbour Times", "2024-05-02T08:00:00Z", "Ana Ruiz, Tom Hale")
    # NewsAPI's note of how much it cut is no text.
    assert first.text == "The island ferry will stop for sixteen weeks from May, its operator said…"
    assert (second.outlet, second.date) == ("valleypost.example", "2024-05-03")
    assert third.outlet is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1733212800, "2024-12-03T08:00:00+00:00"),
        (1733212800123, "2024-12-03T08:00:00.123000+00:00"),
        (1733212800.5, "2024-12-03T08:00:00.500000+00:00"),
        # A number that is no time since 1970 (an id, a year alone) dates nothing.
        (2024, None),
        ("2024-12-03", "2024-12-03"),
    ],
)
def test_a_jsonl_records_time_in_seconds_or_milliseconds_since_1970_is_its_date(
    tmp_path: Path, value: object, expected: str | None
) -> None:
    path = tmp_path / "feed.jsonl"
    write_jsonl(path, [{"date": value, "text": "The pier reopens on Friday after repairs."}])
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert page.date == expected


def test_jsonl_records_without_id_or_url_are_named_by_file_and_line(tmp_path: Path):
    path = tmp_path / "wire.jsonl"
    write_jsonl(path, [{"text": "Snow closed the mountain pass overnight, police said."}])
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert page.names[0] == "wire:1"


def test_jsonl_gz(tmp_path: Path):
    path = tmp_path / "feed.jsonl.gz"
    write_jsonl(path, JSONL_RECORDS)
    items = list(read_paths([path]))
    assert [type(item) for item in items] == [Page, ReadError, Page]
    assert [page.names for page in pages(items)] == [("rec-1",), ("rec-3",)]
    assert items[1].source == f"{path}:2"
    assert pages(items)[0].text == JSONL_RECORDS[0]["text"]


def test_truncated_jsonl_gz_is_an_error_not_a_crash(tmp_path: Path):
    path = tmp_path / "cut.jsonl.gz"
    records = [
        {"id": f"r{number}", "text": "The harbour crane was repaired after a storm. " * 40} for number in range(200)
    ]
    write_jsonl(path, records)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    items = list(read_paths([path]))
    assert pages(items), "records before the damage are still read"
    assert isinstance(items[-1], ReadError)
    assert items[-1].source == str(path)
    assert "truncated" in items[-1].error


def test_warc_only_html_responses_become_pages(tmp_path: Path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    items = list(read_paths([path]))
    assert len(items) == 1
    [page] = items
    assert isinstance(page, Page)
    assert page.format == "html"
    assert page.url == "https://example.org/bakery"
    assert page.names == ("https://example.org/bakery",)
    assert page.source == f"{path}#https://example.org/bakery"
    assert "Mill Lane" in page.html


def test_warc_record_errors_name_the_file_and_the_url(tmp_path: Path):
    path = tmp_path / "broken.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        payload = b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/not-html", "response", payload=BytesIO(payload), http_headers=headers
            )
        )
    [item] = list(read_paths([path]))
    assert isinstance(item, ReadError)
    assert item.source == f"{path}#https://example.org/not-html"
    assert "binary" in item.error


def test_file_that_is_not_a_warc(tmp_path: Path):
    path = tmp_path / "fake.warc"
    path.write_text("this is not a web archive\n", encoding="utf-8")
    [item] = list(read_paths([path]))
    assert isinstance(item, ReadError)
    assert item.source == str(path)
    assert "WARC" in item.error


def test_a_warc_record_that_breaks_the_warc_library_is_an_error_for_its_file(tmp_path: Path):
    # A response record without a target URI: warcio fails inside its parser (AttributeError).
    path = tmp_path / "damaged.warc"
    good = tmp_path / "good.warc.gz"
    write_warc(good)
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html>")
    items = list(read_paths([path, good]))
    assert [type(item) for item in items] == [ReadError, Page]
    assert items[0].source == str(path)
    assert "damaged WARC record" in items[0].error


def test_warc_text_conversion_records_become_text_pages(tmp_path: Path):
    # Common Crawl's WET files: a conversion record per page, holding the page's visible text.
    path = tmp_path / "crawl.warc.wet.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.wet.gz", {"software": "test"}))
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/library",
                "conversion",
                payload=BytesIO(TEXT_PAGE.encode("utf-8")),
                warc_headers_dict={"Content-Type": "text/plain"},
            )
        )
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert (page.format, page.url, page.names) == (
        "text",
        "https://example.org/library",
        ("https://example.org/library",),
    )
    assert page.text == TEXT_PAGE


def test_warc_html_resource_records_become_pages(tmp_path: Path):
    # wget and Browsertrix keep some pages as resource records, with no HTTP headers.
    path = tmp_path / "saved.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/bakery",
                "resource",
                payload=BytesIO(HTML_PAGE.encode("utf-8")),
                warc_headers_dict={"Content-Type": "text/html"},
            )
        )
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert page.format == "html" and "Mill Lane" in page.html


def test_warc_redirects_and_error_pages_are_no_pages(tmp_path: Path):
    path = tmp_path / "statuses.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        page = HTML_PAGE.encode("utf-8")
        _write_response(writer, "https://example.org/old", "text/html", b"<a>moved</a>", "301 Moved Permanently")
        _write_response(writer, "https://example.org/gone", "text/html", page, "404 Not Found")
        _write_response(writer, "https://example.org/bakery", "text/html", page)
    [page] = list(read_paths([path]))
    assert isinstance(page, Page) and page.url == "https://example.org/bakery"


def test_a_warc_of_no_page_says_what_it_held(tmp_path: Path):
    path = tmp_path / "redirects.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for number in range(2):
            _write_response(writer, f"https://example.org/{number}", "text/html", b"", "302 Found")
        _write_response(writer, "https://example.org/logo.png", "image/png", b"\x89PNG")
    [error] = list(read_paths([path]))
    assert isinstance(error, ReadError)
    assert "no HTML or text page" in error.error
    assert "2 HTTP 3xx" in error.error and "image/png" in error.error


@pytest.mark.parametrize(
    ("text", "encoding", "content_type"),
    [
        # Cyrillic in KOI8-R: from the bytes alone it is read as another code page.
        (
            "<html><body><p>Мост открыли в понедельник.</p></body></html>",
            "koi8_r",
            "text/html; charset=koi8-r",
        ),
        # A server that declares Latin-1 for UTF-8 is not believed.
        (
            "<html><body><p>The café on Mill Lane reopened — with a new oven.</p></body></html>",
            "utf-8",
            "text/html; charset=ISO-8859-1",
        ),
    ],
)
def test_a_warc_page_is_read_in_the_charset_its_server_declared_where_its_bytes_fit(
    tmp_path: Path, text: str, encoding: str, content_type: str
):
    path = tmp_path / "declared.warc.gz"
    with path.open("wb") as handle:
        _write_response(WARCWriter(handle, gzip=True), "https://example.org/page", content_type, text.encode(encoding))
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert page.html == text


def test_an_arc_file_is_read_as_a_web_archive(tmp_path: Path):
    # The Internet Archive's older format: a header line per record, then the HTTP response.
    response = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + HTML_PAGE.encode("utf-8")
    version = b"1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n"
    data = b"filedesc://old.arc 0.0.0.0 20240101000000 text/plain %d\n" % len(version) + version + b"\n"
    data += b"https://example.org/bakery 192.0.2.1 20240101000000 text/html %d\n" % len(response) + response + b"\n"
    path = tmp_path / "old.arc"
    path.write_bytes(data)
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert page.url == "https://example.org/bakery" and "Mill Lane" in page.html


def _write_table(path: Path, rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8") -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    data = buffer.getvalue().encode(encoding)
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)


TABLE = [
    ["id", "title", "publication", "date", "url", "content"],
    [
        "7",
        "Bridge reopens",
        "Harbour Times",
        "2024-03-04",
        "https://example.org/bridge",
        "The old stone bridge reopened on Monday.\n\nDrivers had faced a detour.",
    ],
    ["8", "No body here", "Harbour Times", "2024-03-05", "", ""],
    [
        "9",
        "Market moves",
        "Valley Post",
        "2024-03-06",
        "",
        "The Thursday market will move to the station car park in May, the council said.",
    ],
]


@pytest.mark.parametrize("name", ["articles.csv", "articles.csv.gz"])
def test_a_csv_table_gives_a_page_per_row_with_its_fields(tmp_path: Path, name: str):
    path = tmp_path / name
    _write_table(path, TABLE)
    items = list(read_paths([path]))
    assert [type(item) for item in items] == [Page, ReadError, Page]
    first, error, second = items
    assert (first.names, first.title, first.date, first.outlet, first.url) == (
        ("7",),
        "Bridge reopens",
        "2024-03-04",
        "Harbour Times",
        "https://example.org/bridge",
    )
    assert first.text == "The old stone bridge reopened on Monday.\n\nDrivers had faced a detour."
    assert error.source == f"{path}:3" and "no text" in error.error
    assert second.names == ("9",) and second.source == f"{path}:4"


def test_a_tsv_table_in_a_legacy_encoding_with_long_fields(tmp_path: Path):
    long_text = "The café on Quay Street reopened after the floods. " * 4000  # past csv's 128 KB field limit
    path = tmp_path / "wire.tsv"
    _write_table(path, [["title", "text"], ["Café reopens", long_text]], delimiter="\t", encoding="cp1252")
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert page.title == "Café reopens" and page.text == long_text
    assert page.names[0] == "wire:2"


def test_a_table_of_a_header_only_or_broken_midway_says_so(tmp_path: Path):
    empty = tmp_path / "empty.csv"
    _write_table(empty, [["title", "text"]])
    [error] = list(read_paths([empty]))
    assert isinstance(error, ReadError) and error.error == "a header row and no rows"
    # A field over the page limit: the rows before it are read, and csv's own limit is set back.
    broken = tmp_path / "broken.csv"
    rows = [[f"Ferry {n}", "The ferry sailed at noon, an hour late."] for n in range(2000)]
    _write_table(broken, [["title", "text"], *rows, ["Pier", "The pier was closed. " * 5000]])
    limit = csv.field_size_limit()
    items = list(read_paths([broken], max_page_bytes=50_000))
    assert csv.field_size_limit() == limit
    assert [type(item) for item in items] == [Page] * 2000 + [ReadError]
    assert items[-1].source == f"{broken}:2002"


def test_a_table_of_semicolons_as_spreadsheets_write_it_where_the_comma_marks_decimals(tmp_path: Path):
    path = tmp_path / "articles.csv"
    path.write_text(
        'title;text\nFerry;"The ferry sailed at noon, 2,5 hours late; the operator apologised."\n', encoding="utf-8"
    )
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert (page.title, page.text) == ("Ferry", "The ferry sailed at noon, 2,5 hours late; the operator apologised.")


def test_a_table_without_a_text_column_is_one_error(tmp_path: Path):
    path = tmp_path / "labels.csv"
    _write_table(path, [["pair", "score"], ["a-b", "0.5"]])
    [error] = list(read_paths([path]))
    assert isinstance(error, ReadError) and "no text or html column" in error.error


def test_a_jsonl_text_with_half_a_character_is_read_with_a_replacement_character(tmp_path: Path):
    # A scraper cut an emoji in two; JSON escapes the half that is left.
    path = tmp_path / "cut.jsonl"
    path.write_text('{"id": "cut", "text": "The ferry left at noon \\ud83d and came back full."}\n', encoding="utf-8")
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert page.text == "The ferry left at noon \ufffd and came back full."
    page.text.encode("utf-8")


def test_a_named_pipe_is_an_error_not_a_wait(tmp_path: Path):
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(tmp_path / "feed.txt")
    (tmp_path / "later.txt").write_text("The tide mill turned again after forty years.\n", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert [type(item) for item in items] == [ReadError, Page]
    assert "not a regular file" in items[0].error


def test_a_file_name_that_is_not_utf8_is_kept_as_escapes(tmp_path: Path):
    import os

    try:
        with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as handle:
            handle.write(b"The cafe by the harbour reopened on Friday after the storm.\n")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    [page] = list(read_paths([tmp_path]))
    assert isinstance(page, Page)
    assert page.source == str(tmp_path / "caf\\xe9.txt")
    assert page.names[0] == "caf\\xe9"
    page.source.encode("utf-8")


def test_json_nested_too_deeply_is_an_error_for_its_record(tmp_path: Path):
    path = tmp_path / "deep.jsonl"
    fine = json.dumps({"text": "The harbour crane was repaired after the storm."})
    path.write_text(f"{fine}\n{'[' * 100_000}{']' * 100_000}\n{fine.replace('crane', 'bridge')}\n", encoding="utf-8")
    items = list(read_paths([path]))
    assert [type(item) for item in items] == [Page, ReadError, Page]
    assert items[1].source == f"{path}:2"
    assert "nested too deeply" in items[1].error


def test_unsupported_file_is_skipped_not_an_error(tmp_path: Path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    [item] = list(read_paths([path]))
    assert isinstance(item, SkippedFile)
    assert item.source == str(path)
    assert "not a supported type" in item.reason


def test_folder(folder: Path):
    items = list(read_paths([folder]))
    sources = [item.source for item in items]
    assert not any(".hidden" in source or ".cache" in source for source in sources), "hidden files ignored"
    assert len(items) == 7

    assert [item.source for item in items if isinstance(item, SkippedFile)] == [str(folder / "report.pdf")]
    [bad] = errors(items)
    assert bad.source == f"{folder / 'feed.jsonl'}:2"

    by_name = {page.names[0]: page for page in pages(items)}
    assert set(by_name) == {"bakery", "library", "rec-1", "rec-3", "https://example.org/bakery"}
    assert by_name["library"].format == "text"
    assert by_name["bakery"].format == "html"
    assert by_name["https://example.org/bakery"].source.startswith(str(folder / "crawl.warc.gz"))


def test_folder_order_is_sorted_and_stable(folder: Path):
    first = [item.source for item in read_paths([folder])]
    second = [item.source for item in read_paths([folder])]
    assert first == second
    files = [source.split(":")[0].split("#")[0] for source in first]
    assert files == sorted(files)
    assert files[0].endswith("bakery.html")
    assert files[-1].endswith("report.pdf")


def test_subfolders_are_walked_in_name_order(tmp_path: Path):
    for relative in ["b/z.txt", "a/y.txt", "a/x.txt", "c.txt"]:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXT_PAGE, encoding="utf-8")
    sources = [Path(item.source).relative_to(tmp_path).as_posix() for item in read_paths([tmp_path])]
    assert sources == ["a/x.txt", "a/y.txt", "b/z.txt", "c.txt"]


def test_missing_path_is_an_error(tmp_path: Path):
    [item] = list(read_paths([tmp_path / "nowhere.txt"]))
    assert isinstance(item, ReadError)
    assert "no such file" in item.error


def test_page_names_stem_first(tmp_path: Path):
    path = tmp_path / "2024" / "march" / "wire" / "ferry-story.txt"
    path.parent.mkdir(parents=True)
    path.write_text(TEXT_PAGE, encoding="utf-8")
    [page] = list(read_paths([path]))
    assert page.names == (
        "ferry-story",
        "wire/ferry-story",
        "march/wire/ferry-story",
        "2024/march/wire/ferry-story",
    )


def test_names_for_path_shapes():
    assert names_for_path(Path("story.txt")) == ("story",)
    assert names_for_path(Path("desk/story.md")) == ("story", "desk/story")
    assert names_for_path(Path("/srv/a/b/c/d/story.html")) == ("story", "d/story", "c/d/story", "b/c/d/story")
    assert names_for_path(Path("/data/dump.jsonl.gz"), suffix_length=len(".jsonl.gz")) == (
        "dump",
        "data/dump",
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", ".txt"),
        ("A.HTML", ".html"),
        ("feed.jsonl.gz", ".jsonl.gz"),
        ("crawl.warc.gz", ".warc.gz"),
        ("crawl.warc", ".warc"),
        ("notes.gz", None),
        ("report.pdf", None),
    ],
)
def test_file_kind(name: str, kind: str | None):
    assert file_kind(Path(name)) == kind


def test_a_record_of_a_markdown_scraper_is_a_page_read_as_its_text(tmp_path: Path):
    markdown = (
        "# Library opens late\n\nThe [Glenhallow library](https://example.org/library) will stay open until "
        "nine on weekdays, the council said.\n\nThe change follows a [petition](https://example.org/p) signed by "
        "3,000 people."
    )
    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps({"url": "https://example.org/late", "markdown": markdown}) + "\n", encoding="utf-8")
    [page] = list(read_paths([path]))
    assert isinstance(page, Page) and (page.format, page.text) == ("text", markdown)
    [article] = clean_pages([page])[0]
    assert article.title == "Library opens late"
    assert article.paragraphs[0].startswith("The Glenhallow library will stay open")


def test_a_firecrawl_record_gives_its_metadatas_title_address_date_and_site(tmp_path: Path):
    record = {
        "markdown": TEXT_PAGE,
        "metadata": {
            "title": "Library opens late",
            "sourceURL": "https://example.org/late",
            "publishedTime": "2024-05-02T08:15:00Z",
            "ogSiteName": "The Glenhallow Post",
            # Not the record's text: a record's text and html are its own fields alone.
            "content": "A summary for search engines.",
        },
    }
    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [page] = list(read_paths([path]))
    assert isinstance(page, Page)
    assert (page.text, page.title, page.url, page.date, page.outlet) == (
        TEXT_PAGE,
        "Library opens late",
        "https://example.org/late",
        "2024-05-02T08:15:00Z",
        "The Glenhallow Post",
    )
    # A page with html alone does not take the metadata's text for its own.
    path.write_text(json.dumps({"html": HTML_PAGE, "metadata": record["metadata"]}) + "\n", encoding="utf-8")
    [page] = list(read_paths([path]))
    assert isinstance(page, Page) and page.format == "html"

"""decode_bytes: byte-order marks, UTF-8, UTF-16, legacy Western code pages, and what is not text."""

from __future__ import annotations

import codecs
import random

import pytest

from newstrace.read.decode import DecodeError, decode_bytes

SENTENCE = "The new café on Quay Street charges £3 for a pot of tea, its owner said on Friday."
CURLY = "\u201cWe will rebuild the pier,\u201d the mayor said. \u2018It\u2019s a promise \u2014 not a hope.\u2019"
MOJIBAKE_MARKERS = ("Ã", "Â", "â€", "√", "‚Ä", "Ł")


def assert_no_mojibake(text: str) -> None:
    for marker in MOJIBAKE_MARKERS:
        assert marker not in text, f"mojibake {marker!r} in {text[:120]!r}"


def test_utf8():
    text, encoding = decode_bytes(SENTENCE.encode("utf-8"))
    assert text == SENTENCE
    assert encoding == "utf-8"


def test_utf8_with_bom_drops_the_bom():
    text, encoding = decode_bytes(codecs.BOM_UTF8 + SENTENCE.encode("utf-8"))
    assert text == SENTENCE
    assert not text.startswith("\ufeff")
    assert encoding == "utf-8"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_utf16_with_bom(bom, codec):
    text, encoding = decode_bytes(bom + SENTENCE.encode(codec))
    assert text == SENTENCE
    assert encoding == codec


def test_utf16_from_python_codec_with_native_bom():
    text, _ = decode_bytes(SENTENCE.encode("utf-16"))
    assert text == SENTENCE


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec):
    text, encoding = decode_bytes(SENTENCE.encode(codec))
    assert text == SENTENCE
    assert encoding == codec


@pytest.mark.parametrize(
    "sentence",
    [
        SENTENCE,
        "The résumé listed a salary of £40,000.",
        "Tickets for the village fête cost £4, organisers said.",
    ],
)
def test_latin1_pound_and_e_acute(sentence):
    text, encoding = decode_bytes(sentence.encode("latin-1"))
    assert text == sentence
    assert "£" in text and ("é" in text or "ê" in text)
    assert encoding in {"cp1252", "latin-1", "iso8859_1", "latin_1"}
    assert_no_mojibake(text)


def test_a_long_english_page_with_one_pound_sign_is_not_read_as_shift_jis() -> None:
    # On mostly-ASCII text a multi-byte code page reads one "£" with no chaos at all ("｣300" in
    # Shift-JIS), where every Western one looks a little chaotic: the Western reading wins.
    body = (
        "The council said the new ferry timetable would start in the spring, after a long consultation "
        "with islanders and the harbour board. "
    ) * 12
    text = body + "Tickets will cost £300 a year for residents. " + body
    decoded, encoding = decode_bytes(text.encode("latin-1"))
    assert decoded == text
    assert encoding == "cp1252"


@pytest.mark.parametrize("sentence", [CURLY, "She said: \u201cIt\u2019s fine.\u201d"])
def test_windows_1252_curly_quotes(sentence):
    data = sentence.encode("cp1252")
    assert b"\x93" in data or b"\x91" in data  # really the Windows-1252 bytes, not UTF-8
    text, _ = decode_bytes(data)
    assert text == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Il est allé à la gare où il a acheté un billet pour Genève.",
        "¿Qué pasó? El precio del billete subió a 5€ según el diario.",
    ],
)
def test_other_western_languages_in_windows_1252(sentence):
    text, encoding = decode_bytes(sentence.encode("cp1252"))
    assert text == sentence
    assert encoding == "cp1252"


@pytest.mark.parametrize(
    "sentence",
    [
        "Władze miasta ogłosiły, że nowy most zostanie otwarty w przyszłym tygodniu.",
        "Městská rada schválila nový rozpočet na příští rok.",
    ],
)
def test_central_european_text_is_not_forced_to_windows_1252(sentence):
    text, encoding = decode_bytes(sentence.encode("cp1250"))
    assert text == sentence
    assert encoding == "cp1250"


def test_invalid_utf8_in_mostly_utf8_text_keeps_the_utf8():
    good = "The café reopened on Monday \u2014 the owner called it \u201ca relief\u201d. " * 10
    data = good.encode("utf-8") + b"Prices rose to \xa35 a cup. Bad byte \x81 here. " + good.encode("utf-8")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, _ = decode_bytes(data)
    assert text.startswith(good)
    assert text.endswith(good)
    assert text.count("café") == 20
    assert text.count("\u2014") == 20
    assert_no_mojibake(text)
    middle = text[len(good) : -len(good)]
    assert middle.startswith("Prices rose to ")
    # The stray bytes become one character each: a legacy reading or the replacement character.
    assert middle[len("Prices rose to ")] in {"£", "\ufffd"}
    assert "Bad byte" in middle and "here." in middle
    assert len(middle) == len("Prices rose to X5 a cup. Bad byte X here. ")


def test_single_stray_byte_in_ascii_text():
    data = b"The council met on Monday. " * 20 + b"The caf\xe9 stayed open. " + b"Nothing else changed. " * 20
    text, _ = decode_bytes(data)
    assert "The café stayed open." in text
    assert text.startswith("The council met on Monday.")


@pytest.mark.parametrize("data", [b"", b" ", b"   \n\t\r\n  "])
def test_empty_and_whitespace_only(data):
    with pytest.raises(DecodeError, match="empty"):
        decode_bytes(data)


def test_binary_png():
    data = b"\x89PNG\r\n\x1a\n" + random.Random(0).randbytes(4096)
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(data)


def test_binary_without_nul_bytes():
    rng = random.Random(0)
    data = bytes(byte for byte in rng.randbytes(8192) if byte != 0)
    assert b"\x00" not in data
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(data)


def test_decode_error_is_a_value_error():
    assert issubclass(DecodeError, ValueError)


def test_an_html_page_is_read_in_the_charset_its_meta_element_declares():
    # KOI8-R Cyrillic: from its bytes alone a detector reads it as another code page.
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head>'
        "<body><p>Мост открыли в понедельник.</p></body></html>"
    )
    text, encoding = decode_bytes(page.encode("koi8_r"))
    assert (text, encoding) == (page, "koi8-r")


def test_a_declared_charset_the_bytes_do_not_fit_gives_way_to_utf8():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Café — “open”.</p></body></html>'
    assert decode_bytes(page.encode("utf-8")) == (page, "utf-8")


def test_an_unknown_declared_charset_is_ignored():
    page = '<html><head><meta charset="no-such-code"></head><body><p>Caf\xe9 open.</p></body></html>'
    text, _ = decode_bytes(page.encode("cp1252"))
    assert text == page

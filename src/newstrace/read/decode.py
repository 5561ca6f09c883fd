"""Turn raw bytes into text: byte-order marks, UTF-8, then a detected legacy encoding."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

# Encodings charset-normalizer often proposes for Western European bytes; for news text these are
# nearly always Windows-1252 or Latin-1, so read them as Windows-1252 (a superset of Latin-1's
# printable range) rather than trusting a close call between look-alike code pages.
_WESTERN = {"latin_1", "iso8859_1", "cp1252", "iso8859_15", "mac_roman", "cp850", "cp437", "ascii"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF_BYTES = 65536
# Where a page's <meta> charset is looked for: browsers look in the first 1,024 bytes (WHATWG); pages
# with long scripts or comments in their head put it later.
_MARKUP_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_HIGH_BYTES = bytes(range(0x80, 0x100))
# Below this share of non-ASCII bytes the text is ASCII with a few signs and accented letters (a
# "£", a "ï"): a Western page, whichever code page reads those few bytes with fewer signs of chaos.
# Other code pages then win only with fewer implausible characters (METER's English papers were
# read as Shift-JIS, "£300" as "｣300", and as Baltic, "Anaïs" as "Ana’s"). Central European and
# Baltic text has far more (Polish about 6%, Czech 8% of its bytes).
_FEW_NON_ASCII = 0.02
# Control characters other than whitespace; wire copy uses a few (0x19 at line starts), binary
# files are full of them.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes to text and return it with the encoding used; raise DecodeError for binary.

    A `declared` charset (a server's Content-Type, else the page's own <meta>) is taken when the
    bytes are not (mostly) UTF-8 and decode by it: pages often declare Latin-1 for UTF-8, and UTF-8
    is seldom valid by chance."""
    if not data.strip():
        raise DecodeError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise DecodeError(f"invalid {encoding} after its byte-order mark: {error.reason}") from None
    sample = data[:_SNIFF_BYTES]
    declared = declared or _charset_in_markup(sample)
    if b"\x00" in sample:
        utf16 = _guess_utf16_without_bom(sample)
        if utf16:
            try:
                return data.decode(utf16), utf16
            except UnicodeDecodeError:
                pass
        raise DecodeError("binary file (contains NUL bytes), not text")
    control_share = _count_of(sample, _CONTROL) / len(sample)
    if control_share > 0.05:
        raise DecodeError(f"binary file ({control_share:.0%} control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed, "utf-8"
    if (by_declared := _decoded_as_declared(data, declared)) is not None:
        return by_declared
    encoding = _detect_legacy(sample)
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        # Windows-1252 leaves five bytes undefined; Latin-1 maps every byte.
        return data.decode("latin-1"), "latin-1"


def _charset_in_markup(sample: bytes) -> str | None:
    """The charset an HTML page declares in its head (`<meta charset>` or its http-equiv form)."""
    found = _META_CHARSET.search(sample[:_MARKUP_PRESCAN_BYTES])
    return found.group(1).decode("ascii") if found else None


def _decoded_as_declared(data: bytes, declared: str | None) -> tuple[str, str] | None:
    """The bytes decoded by the declared charset, or None when none is declared or it does not fit."""
    if not declared:
        return None
    try:
        encoding = codecs.lookup(declared).name
    except LookupError:
        return None
    # A UTF-16 or UTF-32 text would have shown its NUL bytes; a server's "utf-8" did not decode.
    if encoding.startswith(("utf-16", "utf-32", "utf-8")):
        return None
    # As browsers do (WHATWG Encoding): a page declared Latin-1 or ASCII is read as Windows-1252.
    if encoding in ("latin-1", "ascii"):
        encoding = "cp1252"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _detect_legacy(sample: bytes) -> str:
    """The legacy code page of the sample, Windows-1252 whenever a Western one is a close call.

    On short text charset-normalizer often cannot tell look-alike code pages apart (it ranks
    Windows-1250 first for English with a "£"), so among its near-best candidates the reading with
    the fewest implausible characters wins, then the less chaotic, the more coherent, Windows-1252.
    """
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return "cp1252"
    few_non_ascii = _count_of(sample, _HIGH_BYTES) < _FEW_NON_ASCII * len(sample)
    ratings: dict[str, tuple[float, float]] = {}
    for match in matches:
        western = {match.encoding, *match.could_be_from_charset} & _WESTERN
        if match.chaos > best.chaos + _CLOSE_CALL and not (few_non_ascii and western):
            continue
        encoding = "cp1252" if western else match.encoding
        rating = (match.chaos, -match.coherence)
        ratings[encoding] = min(rating, ratings.get(encoding, rating))
    scored = []
    for encoding, (chaos, coherence) in ratings.items():
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        # (implausible characters, then Western or not first when the text is nearly all ASCII).
        order = (encoding != "cp1252", chaos, coherence) if few_non_ascii else (chaos, coherence, encoding != "cp1252")
        scored.append((_implausible(text), *order, encoding))
    if not scored:
        return "cp1252" if best.encoding in _WESTERN else best.encoding
    return min(scored)[-1]


def _count_of(data: bytes, byte_values: bytes) -> int:
    """How many of the bytes are among these values: the bytes left when they are deleted, in one
    pass instead of one count per value."""
    return len(data) - len(data.translate(None, byte_values))


def _implausible(text: str) -> int:
    """Characters a wrong code page tends to produce: "Ł3" for "£3", "og³osi³y" for "ogłosiły"."""
    count = 0
    for match in _NON_ASCII.finditer(text):
        index = match.start()
        char = match.group()
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char.isalpha():
            count += before.isdigit() or after.isdigit()
        elif unicodedata.category(char) in {"No", "So", "Sc", "Sm", "Sk"}:
            count += before.isalpha() and after.isalpha()
    return count


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray legacy bytes: keep the UTF-8, read each stray byte as Windows-1252.

    None when the invalid bytes are not outnumbered by valid non-ASCII UTF-8 characters, i.e. the
    file is more likely wholly in a legacy encoding.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    stray = len(_STRAY.findall(text))
    valid = len(_VALID_NON_ASCII.findall(text))
    if valid <= stray:
        return None
    return _STRAY.sub(lambda match: _legacy_byte(ord(match.group()) - 0xDC00), text)


def _legacy_byte(value: int) -> str:
    try:
        return bytes([value]).decode("cp1252")
    except UnicodeDecodeError:
        return "\ufffd"


_NON_ASCII = re.compile("[^\x00-\x7f]")
# Candidates whose chaos is within this of the best one are weighed against each other.
_CLOSE_CALL = 0.05
_STRAY = re.compile("[\udc80-\udcff]")
_VALID_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


def _guess_utf16_without_bom(sample: bytes) -> str | None:
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = max(len(sample) // 2, 1)
    if odd_zeros / half > 0.3 and even_zeros / half < 0.05:
        return "utf-16-le"
    if even_zeros / half > 0.3 and odd_zeros / half < 0.05:
        return "utf-16-be"
    return None

"""Batch tokens, hashes and heaviest terms: the same as the per-article regex, xxhash and term_profile."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest
import xxhash

from newstrace.candidates import fingerprint_articles, profiles
from newstrace.candidates.hashing import SHINGLE_SIZE, shingle_hashes
from newstrace.candidates.index import TOP_TERMS
from newstrace.candidates.minhash import signatures
from newstrace.candidates.profiles import TermTable, heaviest_terms
from newstrace.candidates.tokens import tokenise, xxh3_of_spans
from newstrace.model import Article
from newstrace.sentences import Lexicon, default_lexicon, term_profile
from newstrace.sentences.words import spaced_pairs
from tests.factories import make_article

# Letters, digits, punctuation and spaces of several scripts, a combining mark (not a word
# character), a non-breaking space, an emoji, and "İ", whose lower case grows a combining dot.
ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789_ .,;:!?-\n'\"éüßçøŁİ“”—–…€中文字한국어😀\u0307\u00a0"


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pieces = [rng.choice(ALPHABET) for _ in range(rng.randint(0, 300))]
        # Some long words, past the 16 bytes hashed with array arithmetic.
        pieces += [" " + "w" * rng.randint(12, 30) for _ in range(rng.randint(0, 3))]
        rng.shuffle(pieces)
        texts.append("".join(pieces))
    return [*texts, "", "...", "a", "İstanbul 4567890123456789012 x_y"]


def test_tokens_are_the_regex_tokens_of_the_lower_cased_text_in_order() -> None:
    texts = _random_texts(1, 200)
    tokens = tokenise(texts)
    expected = [re.findall(r"\w+", text.lower()) for text in texts]
    assert [tokens.text(index) for index in range(len(tokens.hashes))] == [word for words in expected for word in words]
    assert tokens.owners.tolist() == [number for number, words in enumerate(expected) for _ in words]


def test_token_hashes_are_xxh3_of_the_utf8_bytes() -> None:
    texts = _random_texts(2, 200)
    tokens = tokenise(texts)
    words = [word for text in texts for word in re.findall(r"\w+", text.lower())]
    expected = np.array([xxhash.xxh3_64_intdigest(word.encode()) for word in words], dtype=np.uint64)
    assert np.array_equal(tokens.hashes, expected)


@pytest.mark.parametrize("length", range(0, 41))
def test_xxh3_of_every_length_matches_the_library(length: int) -> None:
    rng = np.random.default_rng(length)
    spans = [rng.integers(0, 256, size=length, dtype=np.uint8).tobytes() for _ in range(50)]
    data = b"".join(spans) + bytes(16)
    starts = np.arange(50) * length
    hashes = xxh3_of_spans(data, starts, starts + length)
    assert hashes.tolist() == [xxhash.xxh3_64_intdigest(span) for span in spans]


# Unknown capitalised names all weigh the same, so which ones make a text's top 40 is decided by
# their spelling: the ranking must break ties exactly as term_profile does.
NAMES = " ".join(f"Q{letter}{other}zix" for letter in "abcdefgh" for other in "klmnop")
TIED_TEXT = f"{NAMES}. The council met 12 times, 12 more than 1999999 and 1999998 said Quimbly Quimbly."


@pytest.mark.parametrize("lexicon", [default_lexicon(), Lexicon({})], ids=["english", "empty"])
def test_heaviest_terms_are_term_profile_top_terms(lexicon: Lexicon) -> None:
    texts = [*_random_texts(3, 60), TIED_TEXT, TIED_TEXT.lower(), "the the the", ""]
    # One table for the three batches: the later ones find their tokens already learned.
    table = TermTable(lexicon)
    for batch in (texts, texts[::-1], texts[:7]):
        # As fingerprint_articles reads them: Chinese and the like as pairs of characters.
        tokens = tokenise([spaced_pairs(text) for text in batch])
        hashes, owners = heaviest_terms(tokens, len(batch), table, TOP_TERMS)
        for number, text in enumerate(batch):
            expected = {xxhash.xxh3_64_intdigest(term.encode()) for term in term_profile(text, lexicon).top(TOP_TERMS)}
            assert set(hashes[owners == number].tolist()) == expected
            assert (owners == number).sum() == len(expected)


def _reference_fingerprint(text: str, lexicon: Lexicon) -> tuple[np.ndarray, np.ndarray]:
    """The signatures as the per-article implementation made them (regex, xxhash, term_profile)."""
    words = re.findall(r"\w+", spaced_pairs(text).lower())
    token_hashes = np.array([xxhash.xxh3_64_intdigest(word.encode()) for word in words], dtype=np.uint64)
    shingles = shingle_hashes(token_hashes, SHINGLE_SIZE)
    # Each text's terms are weighed by its language's word list, as fingerprint_articles weighs them.
    top = term_profile(text, lexicon.for_text(text)).top(TOP_TERMS)
    terms = np.array([xxhash.xxh3_64_intdigest(term.encode()) for term in top], dtype=np.uint64)
    return signatures([shingles])[0], signatures([terms])[0]


def test_fingerprints_equal_the_per_article_implementation() -> None:
    lexicon = default_lexicon()
    texts = [*_random_texts(4, 40), TIED_TEXT, "one two three", "one two three four five six"]
    articles: list[Article] = [make_article(f"a{number}", [text]) for number, text in enumerate(texts)]
    for fingerprint, article in zip(fingerprint_articles(articles, lexicon), articles, strict=True):
        shingles, terms = _reference_fingerprint(article.text, lexicon)
        assert np.array_equal(fingerprint.shingles, shingles)
        assert np.array_equal(fingerprint.terms, terms)


def test_the_term_table_grows_and_probes_without_losing_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    # A table of four slots must probe past taken slots and double many times over these texts.
    monkeypatch.setattr(profiles, "INITIAL_SLOTS", 4)
    lexicon = Lexicon({})
    table = profiles.TermTable(lexicon)
    texts = _random_texts(5, 30)
    for batch in (texts[:10], texts[10:], texts):
        tokens = tokenise(batch)
        entries = table.learn(tokens)
        words = [word for text in batch for word in re.findall(r"\w+", text.lower())]
        assert [
            table.terms[table.token_terms[entry]] if table.token_terms[entry] >= 0 else "" for entry in entries
        ] == [lexicon.term(word)[0] if lexicon.term(word)[1] else "" for word in words]
    assert len(table.slots) >= 2 * len(table.token_hashes)
    assert len(set(table.token_hashes.tolist())) == len(table.token_hashes)

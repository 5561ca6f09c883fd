"""Synthetic news articles with planted copies, syndications and rewrites, for the candidate stage.

The language is invented: ~70 English function words, 300,000 pseudo-words with English's
word frequency by rank (frequent words short), a topic of 30 mid-to-rare words per 20 articles,
and per-article names (capitalised pseudo-words) and numbers, so that articles differ the way
news does while staying deterministic for a seed. `Corpus.zipf` gives the language's own word
frequencies on the Zipf scale (newstrace's `Lexicon` format): the English word list knows none
of the pseudo-words and would weigh every one of them like a name.

Planted, each for ~10% of the articles, from distinct original articles:
  copy        the source's first 60-100% of paragraphs, verbatim;
  syndicated  the whole source with ~10% of its words substituted and a paragraph added;
  rewrite     every sentence paraphrased: 50-60% of its words replaced (function words, names
              and numbers kept, sentence order kept).
Near-boilerplate: ~1% of articles are short notices built around one of two shared boilerplate
paragraphs (lightly varied), and ~3% of originals end with a shared footer sentence, so LSH
buckets overflow at scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

FUNCTION_WORDS = (  # noqa: SIM905 (a word list reads best as text)
    "the of and to a in that is was for on with as by at from it he she they said has have had be been will "
    "would an this which who their its but not or were are after over into more than about also up out his "
    "her we there when if all one new last other some could can may such while under before between where "
    "during our because since both"
).split()
CONTENT_WORDS = 300_000
# English word frequency by rank (Zipf scale), read off wordfreq's "best" list: the long tail of
# rare words is what makes an article's heaviest terms its own.
_ENGLISH_RANKS = np.array([1, 10, 110, 1_111, 7_223, 29_269, 95_992, 321_180])
_ENGLISH_ZIPF = np.array([7.7, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0])
NAME_POOL = 200_000
NUMBER_POOL = 100_000
ARTICLES_PER_TOPIC = 20  # news grows by adding events, not by piling articles onto a few subjects
TOPIC_WORDS = 30
# Token kinds: function word, content word, name, number.
KIND_SHARE = np.array([0.36, 0.54, 0.06, 0.04])
TOPIC_SHARE = 0.2  # of content words, drawn from the article's topic
KINDS = ("copy", "syndicated", "rewrite")
PLANTED_SHARE = 0.10  # of the corpus, for each kind
BOILERPLATE_SHARE = 0.01
FOOTER_SHARE = 0.03

_ONSETS = ("b c d f g h j k l m n p r s t v w z " * 2 + "br dr fr gr kr pr tr st pl bl kl sl ch sh th").split()
_VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "ie"]
_CODAS = [""] * 10 + ["n", "r", "s", "l", "m", "t", "k", "nd", "rt", "st", "ns"]


def _syllables(rng: np.random.Generator, count: int) -> np.ndarray:
    onsets = np.array(_ONSETS, dtype=object)[rng.integers(0, len(_ONSETS), count)]
    vowels = np.array(_VOWELS, dtype=object)[rng.integers(0, len(_VOWELS), count)]
    codas = np.array(_CODAS, dtype=object)[rng.integers(0, len(_CODAS), count)]
    return onsets + vowels + codas


def _pseudo_words(rng: np.random.Generator, count: int, syllable_counts: np.ndarray, taken: set[str]) -> list[str]:
    """`count` distinct pseudo-words, the i-th of about syllable_counts[i] syllables."""
    words: list[str] = []
    seen = set(taken)
    index = 0
    while len(words) < count:
        batch = count - len(words)
        lengths = syllable_counts[index : index + batch]
        if len(lengths) < batch:
            lengths = np.concatenate([lengths, rng.integers(2, 4, batch - len(lengths))])
        parts = _syllables(rng, int(lengths.sum()))
        ends = np.cumsum(lengths)
        for position, end in enumerate(ends):
            word = "".join(parts[end - lengths[position] : end])
            if len(word) >= 2 and word not in seen:
                seen.add(word)
                words.append(word)
        index += batch
    return words[:count]


def _sampler(weights: np.ndarray) -> np.ndarray:
    cumulative = np.cumsum(weights / weights.sum())
    cumulative[-1] = 1.0
    return cumulative


def _draw(rng: np.random.Generator, cumulative: np.ndarray, count: int) -> np.ndarray:
    return np.searchsorted(cumulative, rng.random(count), side="right")


@dataclass
class Language:
    """Every word as one id space: function words, content words, names, numbers (in that order)."""

    words: np.ndarray  # object array of display forms
    capitalised: np.ndarray
    dotted: np.ndarray
    function_cdf: np.ndarray
    content_cdf: np.ndarray
    topics: np.ndarray  # (topics, TOPIC_WORDS) ids of content words
    zipf: dict[str, float]
    content_base: int
    name_base: int
    number_base: int

    def kinds(self, ids: np.ndarray) -> np.ndarray:
        bounds = np.array([self.content_base, self.name_base, self.number_base])
        return np.searchsorted(bounds, ids, side="right")


def english_zipf(ranks: np.ndarray) -> np.ndarray:
    """The Zipf value of the word of each frequency rank in English (wordfreq "best" list, piecewise)."""
    return np.interp(np.log10(ranks), np.log10(_ENGLISH_RANKS), _ENGLISH_ZIPF)


def make_language(seed: int, topic_count: int = 400) -> Language:
    rng = np.random.default_rng([seed, 1])
    function_count = len(FUNCTION_WORDS)
    # Content words take the English frequency ranks after the function words; frequent words are short.
    ranks = np.arange(function_count + 1, function_count + CONTENT_WORDS + 1)
    syllables = np.clip(np.round(np.log10(ranks) * 0.55 + rng.normal(0, 0.5, CONTENT_WORDS)), 1, 4).astype(np.int64)
    content = _pseudo_words(rng, CONTENT_WORDS, syllables, set(FUNCTION_WORDS))
    names = [
        word.capitalize()
        for word in _pseudo_words(rng, NAME_POOL, rng.integers(2, 4, NAME_POOL), {*FUNCTION_WORDS, *content})
    ]
    names = [name if len(name) >= 4 else name + "son" for name in names]
    numbers = [str(value) for value in range(NUMBER_POOL)]
    function_weights = 1.0 / (np.arange(function_count) + 1.7)
    content_weights = 10.0 ** english_zipf(ranks)
    # Topic words mark a subject: mid-frequency to rare (log-uniform ranks 300 to 50,000).
    topic_ranks = np.exp(rng.uniform(math.log(300), math.log(50_000), (topic_count, TOPIC_WORDS))).astype(np.int64)
    topics = topic_ranks + function_count
    words = np.array([*FUNCTION_WORDS, *content, *names, *numbers], dtype=object)
    capitalised = np.array([word[:1].upper() + word[1:] for word in words.tolist()], dtype=object)
    dotted = words + "."
    # Zipf scale = log10(share of running words) + 9, as in newstrace's Lexicon; topical bursts
    # are left out, as a general word list knows nothing of them.
    function_share = function_weights / function_weights.sum() * KIND_SHARE[0]
    content_share = content_weights / content_weights.sum() * KIND_SHARE[1]
    zipf = dict(zip(FUNCTION_WORDS, (np.log10(function_share) + 9).tolist(), strict=True))
    zipf.update(zip(content, (np.log10(content_share) + 9).tolist(), strict=True))
    return Language(
        words,
        capitalised,
        dotted,
        _sampler(function_weights),
        _sampler(content_weights),
        topics,
        zipf,
        content_base=function_count,
        name_base=function_count + CONTENT_WORDS,
        number_base=function_count + CONTENT_WORDS + NAME_POOL,
    )


@dataclass
class Draft:
    """An article as word ids: sentence ends (token offsets) and paragraph ends (sentence counts)."""

    ids: np.ndarray
    sentence_ends: np.ndarray
    paragraph_ends: np.ndarray
    names: np.ndarray
    numbers: np.ndarray
    topic: int

    def render(self, language: Language) -> list[str]:
        words = language.words[self.ids]
        starts = np.concatenate([[0], self.sentence_ends[:-1]])
        words[starts] = language.capitalised[self.ids[starts]]
        words[self.sentence_ends - 1] = language.dotted[self.ids[self.sentence_ends - 1]]
        token_ends = self.sentence_ends[self.paragraph_ends - 1]
        token_starts = np.concatenate([[0], token_ends[:-1]])
        return [" ".join(words[start:end].tolist()) for start, end in zip(token_starts, token_ends, strict=True)]


@dataclass
class Corpus:
    articles: list[tuple[str, list[str]]]
    planted: dict[str, list[tuple[int, int]]]  # kind -> (source index, derived index)
    zipf: dict[str, float]
    counts: dict[str, int] = field(default_factory=dict)
    # Per article: its topic, or -1 / -2 for the notices around boilerplate paragraph 1 / 2.
    topics: list[int] = field(default_factory=list)


class Generator:
    def __init__(self, language: Language, seed: int) -> None:
        self.language = language
        self.rng = np.random.default_rng([seed, 2])

    def _content(self, count: int, topic: int | np.ndarray) -> np.ndarray:
        """Content words: from the whole vocabulary, or from the topic (one, or one per word)."""
        rng, language = self.rng, self.language
        ids = _draw(rng, language.content_cdf, count) + language.content_base
        from_topic = rng.random(count) < TOPIC_SHARE
        topic_of = topic[from_topic] if isinstance(topic, np.ndarray) else topic
        ids[from_topic] = language.topics[topic_of, rng.integers(0, TOPIC_WORDS, int(from_topic.sum()))]
        return ids

    def _function(self, count: int) -> np.ndarray:
        return _draw(self.rng, self.language.function_cdf, count)

    def tokens(self, count: int, names: np.ndarray, numbers: np.ndarray, topic: int) -> np.ndarray:
        return self.batch_tokens(np.array([count]), [names], [numbers], np.array([topic]))

    def batch_tokens(
        self, counts: np.ndarray, names: list[np.ndarray], numbers: list[np.ndarray], topics: np.ndarray
    ) -> np.ndarray:
        """The word ids of many texts at once (concatenated), each with its own names, numbers and topic."""
        rng = self.rng
        total = int(counts.sum())
        owner = np.repeat(np.arange(len(counts)), counts)
        kinds = np.searchsorted(np.cumsum(KIND_SHARE)[:-1], rng.random(total), side="right")
        ids = np.empty(total, dtype=np.int64)
        where = kinds == 0
        ids[where] = self._function(int(where.sum()))
        where = np.flatnonzero(kinds == 1)
        ids[where] = self._content(len(where), topics[owner[where]])
        # The first names of an article recur most.
        where = np.flatnonzero(kinds == 2)
        name_counts = np.array([len(group) for group in names])
        name_offsets = np.concatenate([[0], np.cumsum(name_counts)[:-1]])
        pick = np.minimum(rng.geometric(0.45, len(where)) - 1, name_counts[owner[where]] - 1)
        ids[where] = np.concatenate(names)[name_offsets[owner[where]] + pick]
        where = np.flatnonzero(kinds == 3)
        number_counts = np.array([len(group) for group in numbers])
        number_offsets = np.concatenate([[0], np.cumsum(number_counts)[:-1]])
        pick = (rng.random(len(where)) * number_counts[owner[where]]).astype(np.int64)
        ids[where] = np.where(
            rng.random(len(where)) < 0.8,
            np.concatenate(numbers)[number_offsets[owner[where]] + pick],
            self._numbers(len(where)),
        )
        return ids

    def _numbers(self, count: int) -> np.ndarray:
        values = np.exp(self.rng.uniform(math.log(2), math.log(NUMBER_POOL - 1), count)).astype(np.int64)
        return values + self.language.number_base

    def _sentences(self, count: int) -> np.ndarray:
        lengths = self.rng.integers(10, 31, count // 10 + 2)
        ends = np.cumsum(lengths)
        ends = ends[ends < count - 5]
        return np.append(ends, count)

    def drafts(self, number: int, low: int = 300, high: int = 600) -> list[Draft]:
        rng = self.rng
        counts = rng.integers(low, high + 1, number)
        name_counts = rng.integers(3, 9, number)
        names = np.split(
            rng.integers(0, NAME_POOL, int(name_counts.sum())) + self.language.name_base, np.cumsum(name_counts)[:-1]
        )
        number_counts = rng.integers(2, 8, number)
        numbers = np.split(self._numbers(int(number_counts.sum())), np.cumsum(number_counts)[:-1])
        topics = rng.integers(0, len(self.language.topics), number)
        ids = np.split(self.batch_tokens(counts, names, numbers, topics), np.cumsum(counts)[:-1])
        result = []
        for index in range(number):
            sentence_ends = self._sentences(int(counts[index]))
            paragraph_ends = np.cumsum(rng.integers(1, 4, len(sentence_ends)))
            paragraph_ends = np.append(paragraph_ends[paragraph_ends < len(sentence_ends)], len(sentence_ends))
            result.append(
                Draft(ids[index], sentence_ends, paragraph_ends, names[index], numbers[index], int(topics[index]))
            )
        return result

    def draft(self, low: int = 300, high: int = 600) -> Draft:
        return self.drafts(1, low, high)[0]

    def paragraph(self, draft: Draft, low: int, high: int) -> tuple[np.ndarray, np.ndarray]:
        count = int(self.rng.integers(low, high + 1))
        return self.tokens(count, draft.names, draft.numbers, draft.topic), self._sentences(count)

    def copy(self, source: Draft) -> Draft:
        paragraphs = len(source.paragraph_ends)
        keep = max(1, math.ceil(paragraphs * self.rng.uniform(0.6, 1.0)))
        sentences = int(source.paragraph_ends[keep - 1])
        tokens = int(source.sentence_ends[sentences - 1])
        return Draft(
            source.ids[:tokens].copy(),
            source.sentence_ends[:sentences].copy(),
            source.paragraph_ends[:keep].copy(),
            source.names,
            source.numbers,
            source.topic,
        )

    def syndicate(self, source: Draft) -> Draft:
        rng = self.rng
        ids = source.ids.copy()
        kinds = self.language.kinds(ids)
        substitute = (rng.random(len(ids)) < 0.1) & (kinds <= 1)
        for kind, make in ((0, self._function), (1, lambda n: self._content(n, source.topic))):
            where = substitute & (kinds == kind)
            ids[where] = make(int(where.sum()))
        extra, extra_ends = self.paragraph(source, 30, 70)
        sentence_count = len(source.sentence_ends)
        if rng.random() < 0.5:  # the added paragraph closes the article
            ids = np.concatenate([ids, extra])
            sentence_ends = np.concatenate([source.sentence_ends, extra_ends + len(source.ids)])
            paragraph_ends = np.append(source.paragraph_ends, sentence_count + len(extra_ends))
        else:  # or opens it (a local intro)
            ids = np.concatenate([extra, ids])
            sentence_ends = np.concatenate([extra_ends, source.sentence_ends + len(extra)])
            paragraph_ends = np.concatenate([[len(extra_ends)], source.paragraph_ends + len(extra_ends)])
        return Draft(ids, sentence_ends, paragraph_ends, source.names, source.numbers, source.topic)

    def rewrite(self, source: Draft) -> Draft:
        rng = self.rng
        ids = source.ids.copy()
        lengths = np.diff(source.sentence_ends, prepend=0)
        sentence = np.repeat(np.arange(len(lengths)), lengths)
        content = np.flatnonzero(self.language.kinds(ids) == 1)
        # In each sentence, replace 50-60% of its words, taken among its content words at random.
        wanted = np.round(rng.uniform(0.5, 0.6, len(lengths)) * lengths).astype(np.int64)
        order = np.lexsort((rng.random(len(content)), sentence[content]))
        content, owners = content[order], sentence[content[order]]
        first = np.searchsorted(owners, owners, side="left")
        replace = content[np.arange(len(content)) - first < wanted[owners]]
        ids[replace] = self._content(len(replace), source.topic)
        return Draft(ids, source.sentence_ends, source.paragraph_ends, source.names, source.numbers, source.topic)

    def with_paragraph(self, draft: Draft, extra: np.ndarray, extra_ends: np.ndarray) -> Draft:
        return Draft(
            np.concatenate([draft.ids, extra]),
            np.concatenate([draft.sentence_ends, extra_ends + len(draft.ids)]),
            np.append(draft.paragraph_ends, len(draft.sentence_ends) + len(extra_ends)),
            draft.names,
            draft.numbers,
            draft.topic,
        )


def generate(count: int, seed: int = 0) -> Corpus:
    """`count` articles in a shuffled order, with the planted pairs recorded by kind."""
    language = make_language(seed, max(50, count // ARTICLES_PER_TOPIC))
    generator = Generator(language, seed)
    rng = generator.rng
    planted_each = round(count * PLANTED_SHARE)
    notices = max(2, round(count * BOILERPLATE_SHARE))
    originals = count - 3 * planted_each - notices
    drafts = generator.drafts(originals)
    # Shared boilerplate: a footer sentence on some originals, two long notices.
    footer_source = generator.draft(300, 300)
    footer = (footer_source.ids[:18], np.array([18]))
    for index in rng.choice(originals, round(originals * FOOTER_SHARE), replace=False).tolist():
        drafts[index] = generator.with_paragraph(drafts[index], *footer)
    templates = [generator.paragraph(generator.draft(), 90, 130) for _ in range(2)]
    for number, notice in enumerate(generator.drafts(notices, 25, 45)):
        ids, ends = templates[number % 2]
        ids = ids.copy()
        vary = rng.random(len(ids)) < 0.03
        ids[vary] = generator._content(int(vary.sum()), notice.topic)
        drafts.append(generator.with_paragraph(notice, ids, ends))
        drafts[-1].topic = -1 - number % 2
    sources = rng.choice(originals, 3 * planted_each, replace=False).tolist()
    links: list[tuple[str, int, int]] = []
    for position, kind in enumerate(KINDS):
        make = {"copy": generator.copy, "syndicated": generator.syndicate, "rewrite": generator.rewrite}[kind]
        for source in sources[position * planted_each : (position + 1) * planted_each]:
            links.append((kind, source, len(drafts)))
            drafts.append(make(drafts[source]))
    order = rng.permutation(len(drafts))  # order[new position] = old index
    where = np.empty_like(order)
    where[order] = np.arange(len(order))
    articles = [(f"a{position:06d}", drafts[old].render(language)) for position, old in enumerate(order.tolist())]
    planted: dict[str, list[tuple[int, int]]] = {kind: [] for kind in KINDS}
    for kind, source, derived in links:
        planted[kind].append((int(where[source]), int(where[derived])))
    counts = {"originals": originals, "notices": notices, **{kind: planted_each for kind in KINDS}}
    topics = [drafts[old].topic for old in order.tolist()]
    return Corpus(articles, planted, language.zipf, counts, topics)


if __name__ == "__main__":
    import sys
    import time

    start = time.perf_counter()
    corpus = generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
    words = sum(len(" ".join(paragraphs).split()) for _, paragraphs in corpus.articles)
    print(
        f"{len(corpus.articles)} articles, {words / len(corpus.articles):.0f} words each, "
        f"{time.perf_counter() - start:.1f} s; {corpus.counts}"
    )
    print("\n\n".join(corpus.articles[0][1][:3]))

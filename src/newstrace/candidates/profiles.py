"""Each article's heaviest content terms, for a whole batch at once: `term_profile(text).top(count)` vectorised.

Looking every token up in the lexicon and ranking terms article by article cost ~550 microseconds
per 450-word article (measured); here a lexicon lookup happens once per distinct token of a batch
(kept in a hash table of token hashes that the caller holds) and counting and ranking are array
operations.
"""

from __future__ import annotations

import math

import numpy as np
import xxhash

from newstrace.candidates.tokens import Tokens
from newstrace.sentences import Lexicon

EMPTY_SLOT = -1
# The table doubles whenever it is half full, so a lookup probes about two slots.
INITIAL_SLOTS = 1 << 16
# Scores fall in bands an eighth of an octave wide; scores are below 2**8 (weights below 8 times
# 1 + log of a count), and lower bands only gather the lightest terms.
SCORE_BANDS_PER_OCTAVE = 8
SCORE_BANDS = 64


class TermTable:
    """What the lexicon says of each token seen (its term and weight), found by token hash in arrays.

    An open-addressing hash table searched with array operations: a lookup costs a few gathers per
    token instead of a Python dictionary call. Two tokens with one 64-bit hash would share a term,
    the same chance the shingle hashes already take.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.slots = np.full(INITIAL_SLOTS, EMPTY_SLOT, dtype=np.int64)
        self.token_hashes = np.empty(0, dtype=np.uint64)
        self.token_terms = np.empty(0, dtype=np.int64)
        self.token_weights = np.empty(0, dtype=np.float64)
        self.term_numbers: dict[str, int] = {}
        self.terms: list[str] = []
        self.term_hashes = np.empty(0, dtype=np.uint64)

    def lookup(self, hashes: np.ndarray) -> np.ndarray:
        """The entry of each token hash, or EMPTY_SLOT for hashes not seen yet."""
        if len(self.token_hashes) == 0:
            return np.full(len(hashes), EMPTY_SLOT, dtype=np.int64)
        mask = len(self.slots) - 1
        slots = (hashes & np.uint64(mask)).astype(np.int64)
        result = self.slots[slots].astype(np.int64)
        # An empty slot (-1) reads the last token's hash, which cannot match: a stored hash's probe
        # run has no empty slot. Most tokens are settled here, with no boolean indexing (10 -> 4 µs an article).
        pending = np.flatnonzero((self.token_hashes[result] != hashes) & (result != EMPTY_SLOT))
        result[pending] = EMPTY_SLOT
        slots = slots[pending]
        while len(pending):
            slots = (slots + 1) & mask
            entries = self.slots[slots]
            matched = self.token_hashes[entries] == hashes[pending]
            result[pending[matched]] = entries[matched]
            probing = ~matched & (entries != EMPTY_SLOT)
            pending, slots = pending[probing], slots[probing]
        return result

    def learn(self, tokens: Tokens) -> np.ndarray:
        """The entry of each token, looking tokens not seen yet up in the lexicon."""
        entries = self.lookup(tokens.hashes)
        missing = np.flatnonzero(entries == EMPTY_SLOT)
        if len(missing) == 0:
            return entries
        self._reserve(len(self.token_hashes) + len(missing))
        new_entries, winners = self._claim(tokens.hashes[missing])
        entries[missing] = new_entries
        representatives = missing[winners]
        keys, weights = self.lexicon.terms(_words(tokens, representatives))
        weighted = np.flatnonzero(weights > 0)
        weighted_keys = list(map(keys.__getitem__, weighted.tolist()))
        # Numbers are handed out in order of first use, by dict.fromkeys and map calls: a generator
        # calling setdefault a word took 4% of fingerprinting at 10,000 generated articles.
        new_terms = [key for key in dict.fromkeys(weighted_keys) if key not in self.term_numbers]
        first_number = len(self.terms)
        self.term_numbers.update(zip(new_terms, range(first_number, first_number + len(new_terms)), strict=True))
        numbers = np.fromiter(map(self.term_numbers.__getitem__, weighted_keys), dtype=np.int64, count=len(weighted))
        self.terms += new_terms
        terms = np.full(len(keys), -1, dtype=np.int64)
        terms[weighted] = numbers
        new_term_hashes = np.fromiter(
            map(xxhash.xxh3_64_intdigest, map(str.encode, new_terms)), dtype=np.uint64, count=len(new_terms)
        )
        self.term_hashes = np.concatenate([self.term_hashes, new_term_hashes])
        self.token_terms = np.concatenate([self.token_terms, terms])
        self.token_weights = np.concatenate([self.token_weights, weights])
        return entries

    def _reserve(self, entries: int) -> None:
        """Grow the table (doubling) until this many entries would fill at most half of it."""
        if 2 * entries > len(self.slots):
            size = len(self.slots)
            while 2 * entries > size:
                size *= 2
            self.slots = np.full(size, EMPTY_SLOT, dtype=np.int64)
            self._insert(np.arange(len(self.token_hashes)))

    def _claim(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """New entries for hashes absent from the table (one per distinct hash, in the order they
        take a slot): each hash's entry, and the position of the hash that made each entry.

        Finding the distinct hashes while placing them replaces np.unique's sort of them and a
        separate insertion (6.2 -> 3.5 µs an article at 10,000 generated articles).
        """
        mask = len(self.slots) - 1
        result = np.empty(len(hashes), dtype=np.int64)
        pending = np.arange(len(hashes))
        slots = (hashes & np.uint64(mask)).astype(np.int64)
        winners: list[np.ndarray] = []
        while len(pending):
            held = self.slots[slots]
            free = held == EMPTY_SLOT
            claimants, claimed = pending[free], slots[free]
            # Several hashes may claim one slot: one write lands (which is unspecified), and reading
            # the slot back tells whose. Marks are below EMPTY_SLOT, so no entry is mistaken for one.
            self.slots[claimed] = EMPTY_SLOT - 1 - claimants
            won = self.slots[claimed] == EMPTY_SLOT - 1 - claimants
            new_entries = len(self.token_hashes) + np.arange(int(won.sum()))
            self.slots[claimed[won]] = new_entries
            self.token_hashes = np.concatenate([self.token_hashes, hashes[claimants[won]]])
            result[claimants[won]] = new_entries
            winners.append(claimants[won])
            # The others held by an entry compare its hash and probe on when it differs; the losers of
            # a claim look at the same slot again, which now holds a hash (perhaps their own).
            occupied = ~free
            checked, checked_slots, checked_entries = pending[occupied], slots[occupied], held[occupied]
            matched = self.token_hashes[checked_entries] == hashes[checked]
            result[checked[matched]] = checked_entries[matched]
            pending = np.concatenate([checked[~matched], claimants[~won]])
            slots = np.concatenate([(checked_slots[~matched] + 1) & mask, claimed[~won]])
        return result, np.concatenate(winners)

    def _insert(self, entries: np.ndarray) -> None:
        """Place entries (absent from the table) in free slots, one claimant per slot and round."""
        mask = len(self.slots) - 1
        slots = (self.token_hashes[entries] & np.uint64(mask)).astype(np.int64)
        while len(entries):
            free = self.slots[slots] == EMPTY_SLOT
            claimed, first = np.unique(slots[free], return_index=True)
            self.slots[claimed] = entries[free][first]
            placed = np.zeros(len(entries), dtype=bool)
            placed[np.flatnonzero(free)[first]] = True
            entries, slots = entries[~placed], (slots[~placed] + 1) & mask


def _words(tokens: Tokens, chosen: np.ndarray) -> list[str]:
    """The text of the chosen tokens, gathered into one buffer and decoded once (newlines are no word)."""
    starts, lengths = tokens.starts[chosen], tokens.ends[chosen] - tokens.starts[chosen]
    # Each word followed by the byte after it, which is then overwritten by a newline.
    sizes = lengths + 1
    offsets = np.cumsum(sizes) - sizes
    buffer = np.frombuffer(tokens.data, dtype=np.uint8)[
        np.repeat(starts - offsets, sizes) + np.arange(int(sizes.sum()))
    ]
    buffer[offsets + lengths] = ord("\n")
    return buffer.tobytes().decode().split("\n")[:-1]


def heaviest_terms(tokens: Tokens, texts: int, table: TermTable, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The hashes of each text's `count` heaviest terms and the text each belongs to.

    The same choice as `term_profile(text, table.lexicon).top(count)`: a term weighs its last
    word's weight times 1 + log of its count, ties go to the alphabetically first term. The table
    keeps what it learns, so the chunks of one batch look each distinct token up once.
    """
    entries = table.learn(tokens)
    terms = table.token_terms[entries]
    content = np.flatnonzero(terms >= 0)
    if len(content) == 0:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    owners, terms = tokens.owners[content], terms[content]
    # One sort groups the tokens by (text, term) and keeps their order inside each group.
    position_bits = max(1, (len(content) - 1).bit_length())
    key = (owners * len(table.terms) + terms) << position_bits | np.arange(len(content))
    key = np.sort(key)
    group_key = key >> position_bits
    group_start = np.flatnonzero(np.concatenate([[True], group_key[1:] != group_key[:-1]]))
    group_end = np.append(group_start[1:], len(key))
    last = key[group_end - 1] & ((1 << position_bits) - 1)
    occurrences = group_end - group_start
    logarithms = np.array([0.0] + [math.log(number) for number in range(1, int(occurrences.max()) + 1)])
    # The same float operations as sentences.terms.document_weights, so ties stay ties.
    scores = table.token_weights[entries[content[last]]] * (1.0 + logarithms[occurrences])
    group_owner, group_term = np.divmod(group_key[group_start], len(table.terms))
    near_top = _near_top(scores, group_owner, texts, count)
    chosen = _top_per_text(scores[near_top], group_owner[near_top], group_term[near_top], texts, count, table.terms)
    return table.term_hashes[group_term[near_top][chosen]], group_owner[near_top][chosen]


def _near_top(scores: np.ndarray, owners: np.ndarray, texts: int, count: int) -> np.ndarray:
    """The terms in or above the score band that holds their text's count-th best score.

    Only those can be chosen; dropping the rest before ranking (a text has ~200 terms) made the
    ranking 1.7 times faster.
    """
    band = np.clip(np.floor(np.log2(scores) * SCORE_BANDS_PER_OCTAVE).astype(np.int64), 0, SCORE_BANDS - 1)
    per_band = np.bincount(owners * SCORE_BANDS + band, minlength=texts * SCORE_BANDS).reshape(texts, SCORE_BANDS)
    from_top = np.cumsum(per_band[:, ::-1], axis=1)
    lowest_band = SCORE_BANDS - 1 - np.minimum(np.argmax(from_top >= count, axis=1), SCORE_BANDS - 1)
    lowest_band[from_top[:, -1] < count] = 0
    # One band of margin: a rounding of log2 must not move a chosen term below the cut.
    return np.flatnonzero(band >= lowest_band[owners] - 1)


def _top_per_text(
    scores: np.ndarray, owners: np.ndarray, terms: np.ndarray, texts: int, count: int, names: list[str]
) -> np.ndarray:
    """Which terms are among their text's `count` heaviest, ties at the cut going to the first names."""
    # Heaviest first inside each text: by score, then (stable) by text; ties are settled below.
    order = np.argsort(-scores)
    # Texts are numbered within a chunk: 16-bit numbers get numpy's radix sort.
    owner_numbers = owners[order].astype(np.int16 if texts < 2**15 else np.int64)
    order = order[np.argsort(owner_numbers, kind="stable")]
    sorted_owners, sorted_terms, sorted_scores = owners[order], terms[order], scores[order]
    text_start = np.searchsorted(sorted_owners, np.arange(texts + 1))
    rank = np.arange(len(order)) - text_start[sorted_owners]
    chosen = rank < count
    # Where the last place is shared with the next, the alphabetically first of the tied terms win.
    crowded = np.flatnonzero(np.diff(text_start) > count)
    boundary = text_start[crowded] + count - 1
    tied = crowded[sorted_scores[boundary] == sorted_scores[boundary + 1]]
    if len(tied):
        # The tied places of all such texts at once (scores fall inside a text, so the places
        # ahead of the tie come first); only the ordering by name is left to Python.
        cutoffs = np.full(texts, np.nan)
        cutoffs[tied] = sorted_scores[text_start[tied] + count - 1]
        sharing = np.flatnonzero(sorted_scores == cutoffs[sorted_owners])
        run_bounds = np.searchsorted(sorted_owners[sharing], np.append(tied, texts))
        open_places = count - (sharing[run_bounds[:-1]] - text_start[tied])
        places, sharing_names = sharing.tolist(), [names[term] for term in sorted_terms[sharing].tolist()]
        winners: list[int] = []
        for first, last, open_count in zip(
            run_bounds[:-1].tolist(), run_bounds[1:].tolist(), open_places.tolist(), strict=True
        ):
            by_name = sorted(range(first, last), key=sharing_names.__getitem__)
            winners += [places[index] for index in by_name[:open_count]]
        chosen[sharing] = False
        chosen[winners] = True
    # Back to the order the terms came in.
    result = np.empty(len(order), dtype=bool)
    result[order] = chosen
    return result

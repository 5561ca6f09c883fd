"""Sentences and the terms that carry a story: names, numbers and rare content words."""

from newstrace.sentences.split import split_sentences
from newstrace.sentences.terms import Lexicon, TermProfile, default_lexicon, term_profile

__all__ = ["Lexicon", "TermProfile", "default_lexicon", "split_sentences", "term_profile"]

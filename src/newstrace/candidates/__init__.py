"""Candidate pairs from cheap indexes (never all pairs): MinHash LSH on shingles and on rare terms."""

from newstrace.candidates.index import (
    FINGERPRINT_VERSION,
    CandidateIndex,
    CandidatePair,
    Fingerprint,
    fingerprint_articles,
)

__all__ = ["FINGERPRINT_VERSION", "CandidateIndex", "CandidatePair", "Fingerprint", "fingerprint_articles"]

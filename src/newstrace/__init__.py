"""newstrace: trace how a news story travels, from scraped pages to stories with their origin."""

from newstrace.api import compare_texts, load_report
from newstrace.model import AlignedSentence, Article, Page, ReadError, Relation, RemovedLine, Story, StoryMember
from newstrace.pipeline import RunSummary, analyze

__all__ = [
    "AlignedSentence",
    "Article",
    "Page",
    "ReadError",
    "Relation",
    "RemovedLine",
    "RunSummary",
    "Story",
    "StoryMember",
    "analyze",
    "compare_texts",
    "load_report",
]
__version__ = "0.2.0"

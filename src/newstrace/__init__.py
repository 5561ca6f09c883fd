"""newstrace: trace how a news story travels, from scraped pages to clean, dated, credited articles."""

from newstrace.model import Article, Page, ReadError, RemovedLine
from newstrace.pipeline import RunSummary, analyze

__all__ = ["Article", "Page", "ReadError", "RemovedLine", "RunSummary", "analyze"]
__version__ = "0.1.0"

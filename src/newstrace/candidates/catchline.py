"""Wire catchlines: agency releases of one story share a slug ("COURTS Doctor ...") and a date."""

from __future__ import annotations

from newstrace.model import Article

# Wire slugs read CATEGORY Keyword [Update-word]: the first two words name the story, the rest
# says which take it is (Nightlead, Substitute, Background), so they are left out of the key.
CATCHLINE_WORDS = 2


def catchline_key(article: Article) -> str:
    """The story key of a wire release ("01/03/00 courts doctor"), or "" for other articles."""
    slug = article.metadata.get("wire_slug", "")
    wire_date = article.metadata.get("wire_date", "")
    words = slug.lower().split()[:CATCHLINE_WORDS]
    if not wire_date or len(words) < CATCHLINE_WORDS:
        return ""
    return " ".join([wire_date, *words])

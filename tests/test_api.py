from __future__ import annotations

from newstrace import compare_texts

# A site's furniture around its pages' texts, as a scraper saves them: its menu and its paywall prompt.
_MENU = "Home\nNews\nBusiness\nSport\nTAKE A FREE TRIAL\n"
_PROMPT = (
    "Registered users can read up to three articles a month for free. Subscribe now for unlimited access "
    "to the Harbour Ledger's reporting, our newsletters and the daily puzzle page.\n"
    "Already a subscriber? Sign in to continue reading.\n"
)
_HARBOUR = (
    "Port of Holm expects fewer ships this winter\n"
    "The port of Holm expects a fifth fewer container ships this winter as shipping lines move their "
    "services to the deeper harbour at Kestrel Bay, the port authority said on Monday."
)
_FESTIVAL = (
    "Cheese festival draws record crowd to Ashgrove\n"
    "The Ashgrove cheese festival drew a record 18,000 visitors to the old cattle market on Saturday, and a "
    "blue cheese from a cooperative in the Pellin valley won the top prize for the third year in a row."
)


def test_scraped_texts_are_compared_without_their_sites_furniture_when_asked() -> None:
    first, second = (f"{_MENU}{story}\n{_PROMPT}" for story in (_HARBOUR, _FESTIVAL))
    # As given, the prompt they share reads as shared text; cleaned, two stories of nothing in common.
    as_given = compare_texts(first, second)
    cleaned = compare_texts(first, second, clean=True)
    assert cleaned.kind == "unrelated"
    assert cleaned.similarity < as_given.similarity
    # A text's headline stays its first line, compared with the rest.
    again = compare_texts(first, f"{_MENU}{_HARBOUR}\n{_PROMPT}", clean=True)
    assert again.kind == "duplicate"


def test_empty_texts_share_nothing() -> None:
    for first, second in (("", ""), ("", _HARBOUR)):
        for clean in (False, True):
            relation = compare_texts(first, second, clean=clean)
            assert (relation.kind, relation.similarity) == ("unrelated", 0.0)

"""Synthetic scraped pages for benchmarks: articles of invented sentences wrapped in typical junk."""

from __future__ import annotations

import random

_PEOPLE = ["Anna Keller", "Tomas Ruiz", "Mei Lin", "Omar Haddad", "Sofia Brandt", "Kwame Mensah", "Lena Novak"]
_PLACES = ["Valletta", "Tartu", "Porto", "Gdansk", "Cork", "Ghent", "Split", "Bergen", "Lyon", "Brno"]
_BODIES = ["the city council", "the port authority", "the health ministry", "the rail operator", "the court"]
_VERBS = ["approved", "rejected", "delayed", "announced", "reviewed", "suspended", "expanded"]
_THINGS = ["a new tram line", "the harbour plan", "a budget of 40 million euros", "the night bus network"]
_JUNK_TOP = ["Home", "News", "/", "World", "Menu", "Search", "Subscribe", "Share", "Advertisement"]
_JUNK_MIDDLE = ["Read More: Ten Things You Missed This Week", "Advertisement", "Credit: Shutterstock"]
_JUNK_BOTTOM = [
    "Sign up for our morning newsletter",
    "© 2024 Example Media. All rights reserved.",
    "Share this article",
    "12 Comments",
    "Dana is a passionate writer who covers cities and transport. Stay tuned!",
]


def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(_BODIES).capitalize()} in {rng.choice(_PLACES)} {rng.choice(_VERBS)} "
        f"{rng.choice(_THINGS)} on Tuesday, {rng.choice(_PEOPLE)} told reporters after a meeting "
        f"that lasted {rng.randint(2, 9)} hours."
    )


def page(rng: random.Random) -> str:
    title = f"{rng.choice(_BODIES).title()} {rng.choice(_VERBS).title()} {rng.choice(_THINGS).title()}"
    lines = [*rng.sample(_JUNK_TOP, 3), "", title, ""]
    for _ in range(rng.randint(6, 14)):
        lines += [" ".join(sentence(rng) for _ in range(rng.randint(1, 3))), ""]
        if rng.random() < 0.15:
            lines += [rng.choice(_JUNK_MIDDLE), ""]
    lines += rng.sample(_JUNK_BOTTOM, 3)
    return "\n".join(lines)


def pages(count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [page(rng) for _ in range(count)]

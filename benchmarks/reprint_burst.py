"""A wire story reprinted by many papers: what analysing the reprints costs, with and without echoes.

Each reprint is the bundled wire original (examples/corpus/wire_original.txt) as a paper prints it:
cut after 4 to all of its paragraphs, one word of its opening changed, and a local line added to
one paragraph, so that no two reprints are the same text. newstrace.analyze runs on the original and
the reprints in a fresh process per run; the figures are its CPU time, peak memory, the relations it
judged and the stories it found (the reprints and the original are one story).

Run: .venv/bin/python benchmarks/reprint_burst.py [--reprints 100,300,1000] [--without-echoes 300]
     [--local-paragraph 100]
`--without-echoes N` runs N reprints with echoes turned off (every candidate pair judged, exact repeats
kept in the LSH buckets), as newstrace did before it had them. `--local-paragraph N` runs N reprints
that each add a paragraph of their own: they add more than an echo may, so they are compared pairwise.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ORIGINAL = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "wire_original.txt"
TOWNS = ("Arden", "Bexley", "Corfe", "Dunmore", "Ely", "Frome", "Gorran", "Hexham", "Ilkley", "Jarrow")
SWAPS = ("the", "a", "its", "this")


# Words a paper's own paragraph is drawn from (about 60 of them, in a random order): no two papers'
# paragraphs share a run of five words, and with it a reprint adds more than an echo may.
LOCAL_WORDS = (  # noqa: SIM905 (a word list reads best as text)
    "council residents river street station flooded underpass mains inspected spring failure unlikely "
    "utility line repairs pumping night school market bridge traffic buses shops owners week mayor said "
    "local people worried water supply cut morning evening families children hospital road closed open "
    "week month year plan budget report engineers pipes old new city town centre north south east west"
).split()


def reprints(count: int, seed: int = 7, local_paragraph: bool = False) -> list[str]:
    """`count` papers' reprints of the wire original, each cut, edited and localised differently
    (with `local_paragraph`, each also adds a paragraph of its own)."""
    rng = random.Random(seed)
    title, *paragraphs = [part for part in ORIGINAL.read_text(encoding="utf-8").split("\n\n") if part.strip()]
    # The reporter credits after the "___" rule stay with the wire's own copy.
    body = paragraphs[: next((n for n, part in enumerate(paragraphs) if part.startswith("___")), len(paragraphs))]
    texts = []
    for number in range(count):
        kept = body[: rng.randint(4, len(body))]
        words = kept[0].split()
        words[rng.randrange(len(words))] = rng.choice(SWAPS)
        kept = [" ".join(words), *kept[1:]]
        place = rng.randrange(len(kept))
        kept[place] += f" Readers in {rng.choice(TOWNS)} can follow updates on our site (item {number})."
        if local_paragraph:
            kept.append(" ".join(rng.choice(LOCAL_WORDS) for _ in range(60)).capitalize() + ".")
        texts.append("\n\n".join([title, *kept]) + "\n")
    return texts


def child(folder: str, without_echoes: bool) -> None:
    """One analysis in this process: prints its figures as JSON."""
    import newstrace
    from newstrace.candidates import index

    if without_echoes:
        index.ECHO_CONTAINMENT = float("inf")
        index.CandidateIndex._register_shingle_sets = lambda self, positions: None  # type: ignore[method-assign]
    start = time.process_time()
    summary = newstrace.analyze([folder], db=Path(folder) / "burst.db")
    seconds = time.process_time() - start
    print(
        json.dumps(
            {
                "cpu_seconds": seconds,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "articles": len(summary.articles),
                "relations": len(summary.relations),
                "stories": len(summary.stories),
                "largest_story": max((len(story.members) for story in summary.stories), default=0),
                "errors": len(summary.errors),
            }
        )
    )


def run(count: int, without_echoes: bool, local_paragraph: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "wire_original.txt").write_text(ORIGINAL.read_text(encoding="utf-8"), encoding="utf-8")
        for number, text in enumerate(reprints(count, local_paragraph=local_paragraph)):
            (Path(folder) / f"reprint-{number:04d}.txt").write_text(text, encoding="utf-8")
        arguments = [sys.executable, __file__, "--child", folder]
        arguments += ["--without-echoes-child"] if without_echoes else []
        done = subprocess.run(arguments, capture_output=True, text=True, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return {"reprints": count, "echoes": not without_echoes, "local_paragraph": local_paragraph, **figures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reprints", default="100,300,1000")
    parser.add_argument("--without-echoes", type=int, default=300, help="reprints to run without echoes (0: none)")
    parser.add_argument(
        "--local-paragraph",
        type=int,
        default=100,
        help="reprints to run each with a paragraph of its own (0: none): no longer echoes, compared pairwise",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--without-echoes-child", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child(arguments.child, arguments.without_echoes_child)
        return
    runs = [run(int(count), False) for count in arguments.reprints.split(",")]
    if arguments.without_echoes:
        runs.append(run(arguments.without_echoes, True))
    if arguments.local_paragraph:
        runs.append(run(arguments.local_paragraph, False, local_paragraph=True))
    table = Table(title="A wire story and its reprints, analysed from scratch (one process each)")
    columns = ("reprints", "own paragraph", "echoes", "CPU s", "peak MB", "relations", "all pairs", "stories")
    for column in (*columns, "largest"):
        table.add_column(column, justify="right")
    for result in runs:
        articles = result["articles"]
        table.add_row(
            f"{result['reprints']:,}",
            "yes" if result["local_paragraph"] else "no",
            "on" if result["echoes"] else "off",
            f"{result['cpu_seconds']:.1f}",
            f"{result['peak_mb']:.0f}",
            f"{result['relations']:,}",
            f"{articles * (articles - 1) // 2:,}",
            str(result["stories"]),
            f"{result['largest_story']:,}",
        )
    # Piped output (a log) would otherwise wrap the table at 80 columns.
    Console(width=120).print(table)


if __name__ == "__main__":
    main()

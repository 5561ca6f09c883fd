"""Pictures of benchmark results (`--plot FILE.png`): what a table of numbers hides, a chart shows.

matplotlib comes with the bench extra; it is imported only when a picture is asked for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any


def _pyplot() -> Any:
    import matplotlib

    # No screen on a benchmark machine: draw to files only.
    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot

    return pyplot


def plot_page_scores(panels: Mapping[str, Mapping[str, Sequence[float]]], path: Path) -> None:
    """One panel per path (plain text, HTML): each method's per-page F1, sorted from worst to best, so
    the share of pages below any score can be read off (a method's mean hides its failures)."""
    pyplot = _pyplot()
    figure, axes = pyplot.subplots(1, len(panels), figsize=(6 * len(panels), 4.5), sharey=True, squeeze=False)
    for axis, (title, curves) in zip(axes[0], panels.items(), strict=True):
        for name, scores in curves.items():
            ordered = sorted(scores)
            shares = [(position + 1) / len(ordered) for position in range(len(ordered))]
            mean = sum(ordered) / len(ordered) if ordered else 0.0
            axis.step(shares, ordered, where="post", label=f"{name} (mean page F1 {mean:.3f})")
        axis.set_title(title)
        axis.set_xlabel("share of pages (worst first)")
        axis.set_xlim(0, 1)
        axis.set_ylim(0, 1.02)
        axis.grid(alpha=0.3)
        axis.legend(loc="lower right", fontsize=8)
    axes[0][0].set_ylabel("page F1 (4-token shingles)")
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    pyplot.close(figure)


def plot_candidate_speed(results: Sequence[Mapping[str, Any]], path: Path) -> None:
    """Articles per CPU second against corpus size: newstrace's whole cheap pass beside the peers'
    signatures and whole passes, on a log scale of sizes (a flat line is linear time)."""
    pyplot = _pyplot()
    figure, axis = pyplot.subplots(figsize=(9, 4.5))
    lines: dict[str, list[tuple[int, float]]] = {}
    for result in results:
        if "error" in result or not result.get("pass_cpu_seconds"):
            continue
        size = result["articles"]
        name = result["method"] + (" (estimated)" if result.get("estimated") else "")
        lines.setdefault(f"{name}: whole pass", []).append((size, size / result["pass_cpu_seconds"]))
        if result.get("signature_cpu_seconds"):
            lines.setdefault(f"{name}: signatures alone", []).append((size, size / result["signature_cpu_seconds"]))
    for name, points in sorted(lines.items()):
        points.sort()
        axis.plot(
            [size for size, _ in points],
            [rate for _, rate in points],
            marker="o",
            linestyle="--" if "signatures" in name else "-",
            label=name,
        )
    axis.set_xscale("log")
    axis.set_yscale("log")
    axis.set_xlabel("articles in the corpus")
    axis.set_ylabel("articles per CPU second")
    axis.set_title("Candidate stage on generated news")
    axis.grid(alpha=0.3, which="both")
    # Beside the chart, where it hides no line.
    axis.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    pyplot.close(figure)

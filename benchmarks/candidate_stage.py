"""The candidate stage (shingle, sign, index, query) beside rensa and datasketch, on generated news.

Run: .venv/bin/python benchmarks/candidate_stage.py [--sizes 10000,30000,100000] [--full] [--quick]
     [--json FILE] [--plot FILE.png] [--seed N] [--methods newstrace,rensa,datasketch] [--memory 0.85] [--repeat N]

Corpora come from generate_articles.py (seeded): ~450-word articles of an invented language with
planted copies, syndications and rewrites (10% of the articles each), topics shared by ~20 articles
each, and boilerplate. newstrace weighs terms with that language's own word frequencies (a
`Lexicon` built from them): the English list knows none of the pseudo-words. Every method runs at
every size in a fresh process that loads the same corpus, so times and memory do not mix:
  newstrace   fingerprint_articles (tokenise, 5-gram shingles, heaviest terms, both signatures;
              passages only for texts of 1,800 tokens or more, which these corpora do not have)
              + CandidateIndex().add_and_pair (band, index, query, Jaccard filter);
  rensa       5-gram shingles as strings (same tokens), RMinHash num_perm=128 signatures (objects
              and the bulk digest matrix, timed apart), RMinHashLSH (32 bands of 4 rows: 128 must
              divide by the band count) insert + query;
  datasketch  the same shingles as bytes, MinHash.bulk num_perm=128 (update_batch), MinHashLSH
              with 42 bands of 3 rows (newstrace's shingle channel) insert + query. Slow: run up to
              30,000 articles, at larger sizes only with --full, else extrapolated linearly.
"Signatures alone" is the faster of rensa's two signature calls, shingles given; rensa hashes on a
rayon thread pool, so rates per CPU second are printed beside wall-clock ones. Peak MB is the
process's peak resident memory during the method above its resident memory with the corpus loaded
(Linux: VmHWM reset through /proc/self/clear_refs). Each method process has its address space
capped at a share of the memory available (--memory), so a method that needs more fails with
MemoryError and is reported, instead of calling the OOM killer. A planted pair is recalled when
the method returns it as a candidate; "candidates" counts the distinct pairs returned, split into
planted / same topic / boilerplate notices / other. For newstrace the pairs sharing a band key
before its Jaccard filter are counted too (after the timing): add_and_pair scores each once, in slices.
Target (candidate-stage issue): the whole newstrace pass at least as fast per article as rensa's
signatures alone; time growing about linearly from 10k to 100k articles (judged on CPU seconds, as
another process on the machine stretches wall time).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from generate_articles import KINDS, generate

NUM_PERM = 128
SEED = 42
RENSA_BANDS = 32  # 128 must divide evenly; 32 bands of 4 rows is the nearest to newstrace's 42 x 3
DATASKETCH_PARAMS = (42, 3)
DATASKETCH_LIMIT = 30_000
METHODS = ("newstrace", "rensa", "datasketch")
MEMORY_FRACTION = 0.85  # of the memory available when a method's process starts
CURRENT = None  # the running method's Phases, kept when it runs out of memory
FINGERPRINTS = None  # newstrace's, kept to count LSH collisions after the timed run
_TOKEN = re.compile(r"\w+")  # newstrace's tokens (candidates/tokens.py finds the same)


def shingle_strings(text: str, size: int = 5) -> list[str]:
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) <= size:
        return [" ".join(tokens)]
    return [" ".join(tokens[start : start + size]) for start in range(len(tokens) - size + 1)]


# --- memory (Linux) ---------------------------------------------------------------------------


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak() -> int:
    """Reset the peak RSS to the current RSS; return the current RSS in kB."""
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        pass
    return _status_kb("VmRSS")


# --- methods (each returns its timed phases and its candidate pairs as (low, high) indices) ----


class Phases:
    def __init__(self) -> None:
        global CURRENT
        self.phases: dict[str, dict[str, float]] = {}
        CURRENT = self

    def run(self, name: str, step: Callable[[], object]) -> object:
        wall, cpu = time.perf_counter(), time.process_time()
        result = step()
        self.phases[name] = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}
        return result


def _pairs_from_neighbours(neighbours: list, count: int) -> np.ndarray:
    """Distinct (low, high) pairs, encoded low * count + high, from each item's query result."""
    lengths = np.fromiter(map(len, neighbours), dtype=np.int64, count=len(neighbours))
    other = np.fromiter((key for keys in neighbours for key in keys), dtype=np.int64, count=int(lengths.sum()))
    own = np.repeat(np.arange(len(neighbours), dtype=np.int64), lengths)
    low, high = np.minimum(own, other), np.maximum(own, other)
    keep = low != high
    return np.unique(low[keep] * count + high[keep])


def word_edges(texts: list[str]) -> np.ndarray:
    """Where each ASCII word of the texts starts and ends, in numpy's fewest passes over their bytes."""
    data = np.frombuffer(b"\n".join(text.lower().encode("utf-8") for text in texts), dtype=np.uint8)
    word = ((data | 0x20) - np.uint8(ord("a")) < 26) | (data - np.uint8(ord("0")) < 10)
    return np.flatnonzero(np.diff(word, prepend=False))


def run_newstrace(texts: list, corpus) -> tuple[Phases, np.ndarray, dict]:
    from newstrace.candidates import CandidateIndex, fingerprint_articles
    from newstrace.model import Article
    from newstrace.sentences import Lexicon

    articles = [
        Article(id=key, source="synthetic", content_hash="", position=1, title=None, paragraphs=paragraphs)
        for key, paragraphs in corpus.articles
    ]
    lexicon = Lexicon(corpus.zipf)
    # Not part of the pass: a floor under any pass written with numpy, where the first step alone
    # (finding where the words start and end) is timed against rensa's signatures alone.
    floor_timer = Phases()
    floors = []
    for _ in range(3):  # the fastest of three: one pass is a fraction of a second
        floor_timer.run("floor_word_edges", partial(word_edges, texts))
        floors.append(floor_timer.phases["floor_word_edges"])
    floor = min(floors, key=lambda phase: phase["cpu"])
    del texts
    gc.collect()
    timer = Phases()
    timer.phases["floor_word_edges"] = floor
    baseline = reset_peak()
    global FINGERPRINTS
    fingerprints = timer.run("fingerprint", lambda: fingerprint_articles(articles, lexicon))
    FINGERPRINTS = fingerprints
    pairs = timer.run("pair", lambda: CandidateIndex().add_and_pair(fingerprints))
    peak = _status_kb("VmHWM") - baseline
    count = len(articles)
    low = np.fromiter((int(pair.first[1:]) for pair in pairs), dtype=np.int64, count=len(pairs))
    high = np.fromiter((int(pair.second[1:]) for pair in pairs), dtype=np.int64, count=len(pairs))
    channels = np.array([pair.channel for pair in pairs])
    encoded = np.minimum(low, high) * count + np.maximum(low, high)
    extra = {"peak_kb": peak, "channels": {name: encoded[channels == name] for name in set(channels.tolist())}}
    return timer, encoded, extra


def newstrace_collisions() -> dict[str, int]:
    """Pairs sharing a band key per channel before the Jaccard filter (what add_and_pair must score)."""
    from newstrace.candidates import CandidateIndex

    if FINGERPRINTS is None:
        return {}
    return CandidateIndex(FINGERPRINTS).colliding_pair_counts()


def run_rensa(texts: list, corpus) -> tuple[Phases, np.ndarray, dict]:
    from rensa import RMinHash, RMinHashLSH

    gc.collect()
    timer = Phases()
    baseline = reset_peak()
    shingles = timer.run("shingle", lambda: [shingle_strings(text) for text in texts])
    minhashes = timer.run("sign", lambda: RMinHash.from_token_sets(shingles, num_perm=NUM_PERM, seed=SEED))
    matrix = timer.run(
        "sign_matrix", lambda: RMinHash.digest_matrix_from_token_sets(shingles, num_perm=NUM_PERM, seed=SEED)
    )
    del matrix

    def index_and_query() -> np.ndarray:
        lsh = RMinHashLSH(threshold=0.3, num_perm=NUM_PERM, num_bands=RENSA_BANDS)
        lsh.insert_many(minhashes, start_key=0)
        return _pairs_from_neighbours(lsh.query_all(minhashes), len(texts))

    encoded = timer.run("index_query", index_and_query)
    return timer, encoded, {"peak_kb": _status_kb("VmHWM") - baseline}


def run_datasketch(texts: list, corpus) -> tuple[Phases, np.ndarray, dict]:
    from datasketch import MinHash, MinHashLSH

    gc.collect()
    timer = Phases()
    baseline = reset_peak()
    shingles = timer.run("shingle", lambda: [[shingle.encode() for shingle in shingle_strings(text)] for text in texts])
    minhashes = timer.run("sign", lambda: MinHash.bulk(shingles, num_perm=NUM_PERM))

    def index_and_query() -> np.ndarray:
        lsh = MinHashLSH(threshold=0.3, num_perm=NUM_PERM, params=DATASKETCH_PARAMS)
        with lsh.insertion_session() as session:
            for key, minhash in enumerate(minhashes):
                session.insert(key, minhash, check_duplication=False)
        return _pairs_from_neighbours([lsh.query(minhash) for minhash in minhashes], len(texts))

    encoded = timer.run("index_query", index_and_query)
    return timer, encoded, {"peak_kb": _status_kb("VmHWM") - baseline}


RUNNERS = {"newstrace": run_newstrace, "rensa": run_rensa, "datasketch": run_datasketch}
# The phases that make the whole pass, and the one that is "signatures alone".
PASS_PHASES = {
    "newstrace": ("fingerprint", "pair"),
    "rensa": ("shingle", "sign", "index_query"),
    "datasketch": ("shingle", "sign", "index_query"),
}


def limit_memory(fraction: float) -> int:
    """Cap this process's address space at a share of the memory available now (MemoryError, not the OOM killer)."""
    with open("/proc/meminfo") as meminfo:
        available_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemAvailable:"))
    limit = int(available_kb * 1024 * fraction)
    # The soft limit only, so that it can be lifted again to count collisions after a failure.
    resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    return limit


def child(method: str, corpus_path: str, memory_fraction: float) -> None:
    limit = limit_memory(memory_fraction)
    with open(corpus_path, "rb") as handle:
        corpus = pickle.load(handle)
    texts = ["\n\n".join(paragraphs) for _, paragraphs in corpus.articles]  # Article.text
    count = len(corpus.articles)
    try:
        timer, encoded, extra = RUNNERS[method](texts, corpus)
    except MemoryError:
        gc.collect()
        result = {
            "method": method,
            "articles": count,
            "error": f"out of memory (address space capped at {limit / 2**30:.1f} GB)",
            "phases": CURRENT.phases,
            "peak_mb": None,
            "recall": {},
            "candidates": None,
        }
        if method == "newstrace":
            del texts
            gc.collect()
            hard = resource.getrlimit(resource.RLIMIT_AS)[1]
            resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
            result["collisions"] = newstrace_collisions()
        print(json.dumps(result))
        return
    recall = {}
    for kind in KINDS:
        planted = np.array(corpus.planted[kind], dtype=np.int64).reshape(-1, 2)
        keys = np.minimum(planted[:, 0], planted[:, 1]) * count + np.maximum(planted[:, 0], planted[:, 1])
        recall[kind] = float(np.isin(keys, encoded).mean()) if len(keys) else 0.0
        for channel, found in extra.get("channels", {}).items():
            recall.setdefault(f"{kind} credited to {channel}", float(np.isin(keys, found).mean()))
    groups = np.array(corpus.topics, dtype=np.int64)
    low, high = encoded // count, encoded % count
    planted_keys = np.concatenate([np.array(corpus.planted[kind], dtype=np.int64).reshape(-1, 2) for kind in KINDS])
    planted_keys = np.minimum(planted_keys[:, 0], planted_keys[:, 1]) * count + np.maximum(
        planted_keys[:, 0], planted_keys[:, 1]
    )
    is_planted = np.isin(encoded, planted_keys)
    same = (groups[low] == groups[high]) & ~is_planted
    result = {
        "method": method,
        "articles": count,
        "phases": timer.phases,
        "peak_mb": extra["peak_kb"] / 1024,
        "recall": recall,
        "candidates": len(encoded),
        "candidate_kinds": {
            "planted": int(is_planted.sum()),
            "same topic": int((same & (groups[low] >= 0)).sum()),
            "boilerplate notices": int((same & (groups[low] < 0)).sum()),
            "other": int((~is_planted & ~same).sum()),
        },
    }
    if method == "newstrace":
        del timer, extra, texts
        gc.collect()
        result["collisions"] = newstrace_collisions()
    print(json.dumps(result))


# --- parent -----------------------------------------------------------------------------------


def run_child(method: str, corpus_path: Path, articles: int, memory_fraction: float) -> dict:
    load = os.getloadavg()[0]
    done = subprocess.run(
        [sys.executable, __file__, "--child", method, "--corpus", str(corpus_path), "--memory", str(memory_fraction)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        result = {"method": method, "articles": articles, "error": tail[0], "phases": {}, "peak_mb": None}
        result.update(recall={}, candidates=None)
    else:
        result = json.loads(done.stdout.strip().splitlines()[-1])
    result["load_before"] = load
    result["estimated"] = False
    phases = result["phases"]
    if "error" in result:
        result["pass_seconds"] = None
        return result
    result["pass_seconds"] = sum(phases[name]["wall"] for name in PASS_PHASES[method])
    result["pass_cpu_seconds"] = sum(phases[name]["cpu"] for name in PASS_PHASES[method])
    if method != "newstrace":
        # Signatures alone: the faster of the library's signature calls, shingles given.
        result["signature_seconds"] = min(phases[name]["wall"] for name in ("sign", "sign_matrix") if name in phases)
        result["signature_cpu_seconds"] = min(phases[name]["cpu"] for name in ("sign", "sign_matrix") if name in phases)
    return result


def estimate(measured: dict, size: int) -> dict:
    """A linear extrapolation of a measured run to `size` articles (times only)."""
    factor = size / measured["articles"]
    result = json.loads(json.dumps(measured))
    result.update(articles=size, estimated=True, peak_mb=None, recall={}, candidates=None, load_before=None)
    result.pop("candidate_kinds", None)
    for phase in result["phases"].values():
        phase["wall"] *= factor
        phase["cpu"] *= factor
    result["pass_seconds"] *= factor
    result["pass_cpu_seconds"] *= factor
    result["signature_seconds"] *= factor
    result["signature_cpu_seconds"] *= factor
    return result


def rate(articles: int, seconds: float | None) -> str:
    return f"{articles / seconds:,.0f}" if seconds else "-"


def _name(result: dict) -> str:
    return result["method"] + (" (est.)" if result["estimated"] else "")


def report(results: list[dict], console: Console) -> dict:
    table = Table(title="Candidate stage: whole pass (shingle, sign, index, query), one process per row")
    for column in ("method", "articles", "pass s", "pass CPU s", "articles/s", "per CPU s", "sign-only/s", "peak MB"):
        table.add_column(column, justify="right")
    for kind in KINDS:
        table.add_column(f"recall {kind}", justify="right")
    table.add_column("candidates", justify="right")
    table.add_column("planted / same topic / notices / other", justify="right")
    for result in results:
        recall = result["recall"]
        kinds = result.get("candidate_kinds")
        if "error" in result:
            table.add_row(_name(result), f"{result['articles']:,}", "[red]failed")
            continue
        table.add_row(
            _name(result),
            f"{result['articles']:,}",
            f"{result['pass_seconds']:.2f}",
            f"{result['pass_cpu_seconds']:.2f}",
            rate(result["articles"], result["pass_seconds"]),
            rate(result["articles"], result["pass_cpu_seconds"]),
            rate(result["articles"], result.get("signature_seconds")),
            "-" if result["peak_mb"] is None else f"{result['peak_mb']:,.0f}",
            *[f"{recall[kind]:.3f}" if kind in recall else "-" for kind in KINDS],
            "-" if result["candidates"] is None else f"{result['candidates']:,}",
            " / ".join(f"{value:,}" for value in kinds.values()) if kinds else "-",
        )
    console.print(table)
    for result in results:
        if "error" in result:
            done = ", ".join(f"{name} {phase['wall']:.1f} s" for name, phase in result["phases"].items())
            console.print(
                f"[red]{result['method']} at {result['articles']:,} failed: {result['error']}"
                + (f" (after {done})" if done else "")
            )

    phases = Table(title="Phases (wall and CPU seconds; CPU above wall means several threads)")
    for column in ("method", "articles", "phase", "wall s", "CPU s", "articles/s"):
        phases.add_column(column, justify="right")
    for result in results:
        for name, phase in result["phases"].items():
            phases.add_row(
                _name(result),
                f"{result['articles']:,}",
                name,
                f"{phase['wall']:.2f}",
                f"{phase['cpu']:.2f}",
                rate(result["articles"], phase["wall"]),
            )
    console.print(phases)

    ours = [result for result in results if result["method"] == "newstrace"]
    if not ours:
        return {}
    for result in ours:
        if "collisions" in result:
            console.print(
                f"newstrace at {result['articles']:,}: pairs sharing a band key before the Jaccard filter: "
                + ", ".join(
                    f"{channel} {value:,} ({value / result['articles']:.1f} per article)"
                    for channel, value in result["collisions"].items()
                )
            )
    scaling = Table(title="newstrace scaling")
    for column in ("articles", "pass s", "fingerprint s", "pair s", "articles/s", "pass CPU s", "CPU ratio"):
        scaling.add_column(column, justify="right")
    scaling.add_column("size ratio", justify="right")
    scaling.add_column("CPU ratio / size ratio", justify="right")
    measured = [result for result in ours if "error" not in result]
    worst = 0.0
    for result in ours:
        if "error" in result or not measured:
            scaling.add_row(f"{result['articles']:,}", "[red]failed")
            continue
        first = measured[0]
        # CPU seconds: a neighbour process taking the CPU stretches wall time, not CPU time.
        time_ratio = result["pass_cpu_seconds"] / first["pass_cpu_seconds"]
        size_ratio = result["articles"] / first["articles"]
        worst = max(worst, time_ratio / size_ratio)
        scaling.add_row(
            f"{result['articles']:,}",
            f"{result['pass_seconds']:.2f}",
            f"{result['phases']['fingerprint']['wall']:.2f}",
            f"{result['phases']['pair']['wall']:.2f}",
            rate(result["articles"], result["pass_seconds"]),
            f"{result['pass_cpu_seconds']:.2f}",
            f"{time_ratio:.2f}x",
            f"{size_ratio:.1f}x",
            f"{time_ratio / size_ratio:.2f}",
        )
    console.print(scaling)
    failed = len(measured) < len(ours)
    linear = worst <= 1.25 and not failed
    console.print(
        f"scaling: CPU time per article up to {worst:.2f}x the smallest run's"
        + (", and a run failed" if failed else "")
        + " -> "
        + ("about linear" if linear else "NOT linear")
    )

    summary: dict = {"linear": linear, "worst_time_ratio_over_size_ratio": worst, "target": []}
    for result in ours:
        peer = next((r for r in results if r["method"] == "rensa" and r["articles"] == result["articles"]), None)
        if peer is None or "error" in peer:
            continue
        size = result["articles"]
        signatures_rate = size / peer["signature_seconds"]
        with_shingles = size / (peer["signature_seconds"] + peer["phases"]["shingle"]["wall"])
        if "error" in result:
            console.print(f"target at {size:,}: newstrace failed ({result['error']}) -> not met")
            summary["target"].append({"articles": size, "met": False, "error": result["error"]})
            continue
        ours_rate = size / result["pass_seconds"]
        met = ours_rate >= signatures_rate
        # rensa hashes on a rayon thread pool: per CPU second is the fair comparison on a shared machine.
        ours_cpu_rate = size / result["pass_cpu_seconds"]
        signatures_cpu_rate = size / peer["signature_cpu_seconds"]
        if "floor_word_edges" in result["phases"]:
            console.print(
                f"floor at {size:,}: finding the words' edges alone with numpy: "
                f"{size / result['phases']['floor_word_edges']['cpu']:,.0f} articles per CPU second"
            )
        console.print(
            f"target at {size:,}: newstrace cheap pass vs rensa signatures alone: "
            f"{ours_rate:,.0f} articles/s vs {signatures_rate:,.0f} articles/s -> {'met' if met else 'not met'}"
            f"  (vs rensa shingling + signatures: {with_shingles:,.0f} articles/s -> "
            f"{'met' if ours_rate >= with_shingles else 'not met'}); per CPU second: {ours_cpu_rate:,.0f} vs "
            f"{signatures_cpu_rate:,.0f} -> {'met' if ours_cpu_rate >= signatures_cpu_rate else 'not met'}"
        )
        summary["target"].append(
            {
                "articles": size,
                "newstrace_pass_per_s": ours_rate,
                "rensa_signatures_per_s": signatures_rate,
                "newstrace_pass_per_cpu_s": ours_cpu_rate,
                "rensa_signatures_per_cpu_s": signatures_cpu_rate,
                "rensa_shingles_and_signatures_per_s": with_shingles,
                "met": met,
            }
        )
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,30000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--full", action="store_true", help="run datasketch at every size (slow)")
    parser.add_argument("--quick", action="store_true", help="smoke run at 1,000 and 3,000 articles")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--plot", type=Path, help="draw articles per CPU second against corpus size to this PNG")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--methods", default=",".join(METHODS), help="comma-separated subset of " + ", ".join(METHODS))
    parser.add_argument("--child", choices=METHODS, help=argparse.SUPPRESS)
    parser.add_argument(
        "--memory",
        type=float,
        default=MEMORY_FRACTION,
        help="address-space cap per method process, as a share of the memory available when it starts",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run newstrace this many times at each size and keep the run of least CPU time (the scaling "
        "ratio compares single runs, which another process on the machine stretches by chance)",
    )
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child(arguments.child, arguments.corpus, arguments.memory)
        return
    sizes = [1000, 3000] if arguments.quick else [int(size) for size in arguments.sizes.split(",")]
    console = Console(width=None if sys.stdout.isatty() else 150)
    console.print(f"CPUs: {os.cpu_count()}  load average at start: {os.getloadavg()[0]:.2f}")
    results: list[dict] = []
    generation: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            start = time.perf_counter()
            corpus = generate(size, arguments.seed)
            generation[size] = time.perf_counter() - start
            path = Path(folder) / f"corpus{size}.pickle"
            with open(path, "wb") as handle:
                pickle.dump(corpus, handle, protocol=pickle.HIGHEST_PROTOCOL)
            words = sum(len(paragraph.split()) for _, paragraphs in corpus.articles[:1000] for paragraph in paragraphs)
            console.print(
                f"generated {size:,} articles in {generation[size]:.1f} s "
                f"({words / min(size, 1000):.0f} words each; {corpus.counts})"
            )
            del corpus
            for method in [method for method in METHODS if method in arguments.methods.split(",")]:
                if method == "datasketch" and size > DATASKETCH_LIMIT and not arguments.full:
                    measured = [
                        r for r in results if r["method"] == "datasketch" and not r["estimated"] and "error" not in r
                    ]
                    if measured:
                        results.append(estimate(measured[-1], size))
                    continue
                console.print(f"  {method} at {size:,} ...", end=" ")
                runs = arguments.repeat if method == "newstrace" else 1
                attempts = [run_child(method, path, size, arguments.memory) for _ in range(max(1, runs))]
                measured_runs = [attempt for attempt in attempts if "error" not in attempt]
                result = attempts[0]
                if measured_runs:
                    result = min(measured_runs, key=lambda attempt: attempt["pass_cpu_seconds"])
                if runs > 1 and measured_runs:
                    result["cpu_seconds_of_runs"] = [attempt["pass_cpu_seconds"] for attempt in measured_runs]
                results.append(result)
                if "error" in result:
                    console.print(f"failed: {result['error']}")
                else:
                    console.print(f"{result['pass_seconds']:.1f} s (load before {result['load_before']:.2f})")
    results.sort(key=lambda result: (METHODS.index(result["method"]), result["articles"]))
    summary = report(results, console)
    console.print(f"load average at end: {os.getloadavg()[0]:.2f}")
    if any(result["estimated"] for result in results):
        console.print(
            f"datasketch above {DATASKETCH_LIMIT:,} articles is extrapolated linearly from its largest run "
            "(a lower bound if its queries grow faster); run with --full to measure it."
        )
    if arguments.plot:
        from figures import plot_candidate_speed

        plot_candidate_speed(results, arguments.plot)
        console.print(f"picture written to {arguments.plot}")
    if arguments.json:
        arguments.json.write_text(
            json.dumps(
                {
                    "sizes": sizes,
                    "seed": arguments.seed,
                    "cpus": os.cpu_count(),
                    "generation_seconds": generation,
                    "results": results,
                    **summary,
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()

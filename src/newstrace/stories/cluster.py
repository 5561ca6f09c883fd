"""Average-linkage clustering over the sparse graph of relations (no chaining through one link)."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable


def average_linkage(
    nodes: Iterable[str],
    edges: dict[tuple[str, str], float],
    threshold: float,
    may_merge: Callable[[frozenset[str], frozenset[str]], bool] | None = None,
    closeness: dict[tuple[str, str], float] | None = None,
) -> list[frozenset[str]]:
    """Merge the closest clusters while their mean pairwise edge weight (missing edges 0) >= threshold.

    `closeness` (default: the edge weights) orders the merges, the mean edge weight allows them."""
    closeness = edges if closeness is None else closeness
    cluster_of: dict[str, int] = {}
    members: dict[int, set[str]] = {}
    for number, node in enumerate(sorted(set(nodes))):
        cluster_of[node] = number
        members[number] = {node}
    # Sums of edge weights and of closeness between each pair of clusters that has any edge.
    between: dict[int, dict[int, tuple[float, float]]] = {number: {} for number in members}
    for pair in edges.keys() | closeness.keys():
        left, right = cluster_of[pair[0]], cluster_of[pair[1]]
        if left == right:
            continue
        sums = (edges.get(pair, 0.0), closeness.get(pair, 0.0))
        for one, other in ((left, right), (right, left)):
            old = between[one].get(other, (0.0, 0.0))
            between[one][other] = (old[0] + sums[0], old[1] + sums[1])
    heap = [
        (-totals[1] / (len(members[left]) * len(members[right])), left, right)
        for left, neighbours in between.items()
        for right, totals in neighbours.items()
        if left < right
    ]
    heapq.heapify(heap)
    next_number = len(members)
    while heap:
        _, left, right = heapq.heappop(heap)
        if left not in members or right not in members:
            continue
        if between[left][right][0] / (len(members[left]) * len(members[right])) < threshold:
            continue
        if may_merge is not None and not may_merge(frozenset(members[left]), frozenset(members[right])):
            continue
        merged = next_number
        next_number += 1
        members[merged] = members.pop(left) | members.pop(right)
        neighbours: dict[int, tuple[float, float]] = {}
        for old in (left, right):
            for other, totals in between.pop(old).items():
                if other in (left, right):
                    continue
                previous = neighbours.get(other, (0.0, 0.0))
                neighbours[other] = (previous[0] + totals[0], previous[1] + totals[1])
                del between[other][old]
        between[merged] = neighbours
        for other, totals in neighbours.items():
            between[other][merged] = totals
            heapq.heappush(heap, (-totals[1] / (len(members[merged]) * len(members[other])), other, merged))
    return sorted((frozenset(group) for group in members.values()), key=lambda group: min(group))

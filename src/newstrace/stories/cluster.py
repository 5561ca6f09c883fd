"""Average-linkage clustering over the sparse graph of relations (no chaining through one link)."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable


def average_linkage(
    nodes: Iterable[str],
    edges: dict[tuple[str, str], float],
    threshold: float,
    may_merge: Callable[[frozenset[str], frozenset[str]], bool] | None = None,
) -> list[frozenset[str]]:
    """Merge the closest clusters while their mean pairwise similarity (missing edges 0) >= threshold."""
    cluster_of: dict[str, int] = {}
    members: dict[int, set[str]] = {}
    for number, node in enumerate(sorted(set(nodes))):
        cluster_of[node] = number
        members[number] = {node}
    # Sum of edge weights between each pair of clusters that has any edge.
    between: dict[int, dict[int, float]] = {number: {} for number in members}
    for (first, second), weight in edges.items():
        left, right = cluster_of[first], cluster_of[second]
        if left == right:
            continue
        between[left][right] = between[left].get(right, 0.0) + weight
        between[right][left] = between[right].get(left, 0.0) + weight
    heap = [
        (-total / (len(members[left]) * len(members[right])), left, right)
        for left, neighbours in between.items()
        for right, total in neighbours.items()
        if left < right
    ]
    heapq.heapify(heap)
    next_number = len(members)
    while heap:
        negative_average, left, right = heapq.heappop(heap)
        if left not in members or right not in members:
            continue
        if -negative_average < threshold:
            break
        if may_merge is not None and not may_merge(frozenset(members[left]), frozenset(members[right])):
            continue
        merged = next_number
        next_number += 1
        members[merged] = members.pop(left) | members.pop(right)
        neighbours: dict[int, float] = {}
        for old in (left, right):
            for other, total in between.pop(old).items():
                if other in (left, right):
                    continue
                neighbours[other] = neighbours.get(other, 0.0) + total
                del between[other][old]
        between[merged] = neighbours
        for other, total in neighbours.items():
            between[other][merged] = total
            heapq.heappush(heap, (-total / (len(members[merged]) * len(members[other])), other, merged))
    return sorted((frozenset(group) for group in members.values()), key=lambda group: min(group))

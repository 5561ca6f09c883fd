"""Average linkage over sparse similarities: no chaining, a threshold on the mean, and a veto."""

from __future__ import annotations

from newstrace.stories.cluster import average_linkage


def _groups(clusters: list[frozenset[str]]) -> set[frozenset[str]]:
    return set(clusters)


def test_two_strong_links_do_not_chain_a_missing_third() -> None:
    # A-B and B-C are strong, A-C is missing (0): after A and B merge, C sits at (0 + 0.9) / 2 = 0.45 from them.
    edges = {("A", "B"): 0.9, ("B", "C"): 0.9}
    clusters = average_linkage(["A", "B", "C"], edges, threshold=0.6)
    assert frozenset("ABC") not in clusters
    assert len(clusters) == 2
    assert sorted(len(cluster) for cluster in clusters) == [1, 2]
    # Under a threshold below that mean, the three are one story.
    assert average_linkage(["A", "B", "C"], edges, threshold=0.4) == [frozenset("ABC")]


def test_the_closest_pair_merges_first() -> None:
    edges = {("A", "B"): 0.7, ("B", "C"): 0.95}
    assert _groups(average_linkage("ABC", edges, threshold=0.5)) == {frozenset("A"), frozenset("BC")}


def test_a_mean_equal_to_the_threshold_merges() -> None:
    edges = {("A", "B"): 1.0, ("A", "C"): 0.5, ("B", "C"): 0.5}
    # A and B merge at 1.0; C then sits at exactly (0.5 + 0.5) / 2 = 0.5.
    assert average_linkage("ABC", edges, threshold=0.5) == [frozenset("ABC")]
    assert _groups(average_linkage("ABC", edges, threshold=0.51)) == {frozenset("AB"), frozenset("C")}


def test_two_tight_groups_joined_by_one_strong_edge_stay_apart() -> None:
    # Single linkage would join the groups through a3-b1; their mean similarity is 0.85 / 9.
    edges = {
        ("a1", "a2"): 0.9,
        ("a1", "a3"): 0.9,
        ("a2", "a3"): 0.9,
        ("b1", "b2"): 0.9,
        ("b1", "b3"): 0.9,
        ("b2", "b3"): 0.9,
        ("a3", "b1"): 0.85,
    }
    nodes = ["a1", "a2", "a3", "b1", "b2", "b3"]
    clusters = average_linkage(nodes, edges, threshold=0.3)
    assert _groups(clusters) == {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"})}


def test_may_merge_veto_is_respected() -> None:
    edges = {("A", "B"): 0.9, ("A", "C"): 0.8, ("B", "C"): 0.7}
    calls: list[tuple[frozenset[str], frozenset[str]]] = []

    def may_merge(left: frozenset[str], right: frozenset[str]) -> bool:
        calls.append((left, right))
        return not {"A", "B"} <= left | right

    clusters = average_linkage("ABC", edges, threshold=0.5, may_merge=may_merge)
    assert _groups(clusters) == {frozenset("AC"), frozenset("B")}
    for left, right in calls:
        assert not left & right
    assert (frozenset("A"), frozenset("B")) in calls or (frozenset("B"), frozenset("A")) in calls


def test_a_veto_on_everything_leaves_singletons() -> None:
    edges = {("A", "B"): 1.0, ("B", "C"): 1.0, ("A", "C"): 1.0}
    clusters = average_linkage("ABC", edges, threshold=0.1, may_merge=lambda left, right: False)
    assert clusters == [frozenset("A"), frozenset("B"), frozenset("C")]


def test_every_node_is_in_exactly_one_cluster() -> None:
    nodes = [f"n{number}" for number in range(12)]
    edges = {
        ("n0", "n1"): 0.9,
        ("n1", "n2"): 0.8,
        ("n0", "n2"): 0.7,
        ("n3", "n4"): 0.3,
        ("n5", "n6"): 0.2,
        ("n7", "n8"): 1.0,
        ("n8", "n9"): 0.6,
        ("n4", "n9"): 0.9,
    }
    clusters = average_linkage(nodes, edges, threshold=0.5)
    seen = [node for cluster in clusters for node in cluster]
    assert sorted(seen) == sorted(nodes)
    assert frozenset({"n0", "n1", "n2"}) in clusters
    assert frozenset({"n5"}) in clusters and frozenset({"n6"}) in clusters
    assert frozenset({"n10"}) in clusters
    # Clusters come back ordered by their smallest member.
    assert [min(cluster) for cluster in clusters] == sorted(min(cluster) for cluster in clusters)


def test_nodes_without_edges_and_duplicate_node_names() -> None:
    assert average_linkage(["x", "y", "x"], {}, threshold=0.1) == [frozenset("x"), frozenset("y")]
    assert average_linkage([], {}, threshold=0.1) == []


def test_closeness_orders_the_merges_and_the_edge_weights_allow_them() -> None:
    # N is more probably one story with A, but closer to B; A and B may not meet (other days).
    edges = {("A", "N"): 0.99, ("B", "N"): 0.95, ("C", "N"): 0.1}
    closeness = {("A", "N"): 0.5, ("B", "N"): 0.8, ("C", "N"): 0.99}

    def apart(left: frozenset[str], right: frozenset[str]) -> bool:
        return not ({"A", "B"} <= left | right)

    by_weight = average_linkage("ABCN", edges, 0.5, apart)
    assert frozenset("AN") in by_weight
    by_closeness = average_linkage("ABCN", edges, 0.5, apart, closeness)
    assert frozenset("BN") in by_closeness and frozenset("A") in by_closeness
    # However close, a pair whose weight falls short of the threshold does not merge.
    assert frozenset("C") in by_closeness

"""Labels of the story model's training data: which corpus records tell one story."""

from __future__ import annotations

import numpy as np

from newstrace.align.story_training import PairSet, politifact_stories, without_pairs_across_groups


def _record(group: int, style: str, text: str) -> dict[str, object]:
    return {"group": group, "style": style, "text": text}


def test_groups_whose_originals_are_one_text_are_one_story() -> None:
    records = [
        _record(4, "original", "The harbour toll rises to 12 crowns on Monday."),
        _record(4, "neutral", "On Monday the harbour toll goes up to 12 crowns."),
        _record(9, "original", "The harbour  toll rises to 12 crowns\non Monday."),
        _record(9, "sensational", "SHOCK: harbour toll soars to 12 crowns!"),
        _record(2, "original", "A new bakery opens on Quay Street."),
        _record(2, "objective", "Quay Street has a new bakery."),
    ]
    stories = politifact_stories(records)
    assert stories[4] == stories[9] == "politifact-4"
    assert stories[2] == "politifact-2"


def test_a_group_without_an_original_keeps_its_own_story() -> None:
    records = [_record(5, "neutral", "A ferry is late."), _record(6, "original", "A ferry is late.")]
    assert politifact_stories(records) == {5: "politifact-5", 6: "politifact-6"}


def test_pairs_across_groups_of_one_story_are_left_out_of_training() -> None:
    ids = [("g4-original", "g4-neutral"), ("g4-neutral", "g9-original"), ("g4-original", "g2-original")]
    stories = {"g4": "politifact-4", "g9": "politifact-4", "g2": "politifact-2"}
    first, second = [a for a, _ in ids], [b for _, b in ids]
    pair_set = PairSet(
        features=np.arange(6, dtype=np.float64).reshape(3, 2),
        labels=np.array([1, 1, 0], dtype=np.int8),
        first_story=[stories[a.split("-")[0]] for a in first],
        second_story=[stories[b.split("-")[0]] for b in second],
        dataset="politifact",
        direction_features=np.zeros((3, 1)),
        direction_labels=np.array([1, -1, -1], dtype=np.int8),
        first_id=first,
        second_id=second,
    )
    kept = without_pairs_across_groups(pair_set, lambda article_id: article_id.split("-")[0])
    # Within a group, and across two stories, the label is known; across two groups of one story it is not.
    assert list(zip(kept.first_id, kept.second_id, strict=True)) == [ids[0], ids[2]]
    assert kept.labels.tolist() == [1, 0]
    assert kept.features.tolist() == [[0.0, 1.0], [4.0, 5.0]]
    assert kept.direction_labels.tolist() == [1, -1]

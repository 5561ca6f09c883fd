"""Labels of the story model's training data: which corpus records tell one story."""

from __future__ import annotations

from newstrace.align.story_training import politifact_stories


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

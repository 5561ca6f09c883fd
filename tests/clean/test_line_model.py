"""The line classifier: what it keeps and removes on invented pages, its features, its labels, and
the cleaner's fallback to the rules when the model file is missing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import newstrace.clean.line_model as line_model_module
from newstrace.clean import clean_page
from newstrace.clean.line_features import FEATURE_NAMES, RULE_NAMES, line_features
from newstrace.clean.line_model import (
    _PREDICTION_OPTIONS,
    SETTLED_SCORE,
    LineModel,
    _ensemble_probabilities,
    default_line_model,
)
from newstrace.clean.line_training import ENSEMBLE_SIZE, drop_headline_block, label_lines
from newstrace.clean.text import MODEL_REASON, clean_text, line_model_inputs
from newstrace.model import Page

ARTICLE = [
    "The river authority of Dunmere said on Tuesday that the old stone weir above the town will be rebuilt "
    "next spring, after two winters of floods left the lower streets under water for weeks at a time.",
    "Engineers found that the weir, built in the 1880s, had shifted by almost a metre since the last survey, "
    "and that water now runs beneath it rather than over it, which is why the level upstream can no longer be held.",
    "The work is expected to take seven months and to cost about 4.2 million, most of it paid by the regional "
    "flood fund, with the rest coming from the town council and a levy on riverside businesses.",
    "Residents of Mill Lane, where more than forty homes were flooded last February, welcomed the plan but "
    "asked why it had taken so long, and several said they would believe it when the first machines arrived.",
    "A spokeswoman for the authority said the delay came from the need to protect a colony of river otters "
    "that lives below the weir, and that a new channel would be dug for them before any stone is moved.",
]
COMMENTS = [
    "Comments",
    "riverwatcher on March 3, 2021 at 8:14 am said:",
    "I have lived on Mill Lane for thirty years and I will believe it when I see it, they promised the same in 2015.",
    "Reply",
    "Anna K on March 3, 2021 at 9:02 am said:",
    "Good news at last, but what about the footbridge, which has been closed since the floods and is still not safe to use?",
    "Reply",
    "Leave a Reply",
]
TEASERS = [
    "More stories",
    "Council votes to close two libraries in the north of the county",
    "Dunmere market to open on Sundays from April",
    "Police appeal for witnesses after lorry crash on the bypass",
    "School choir wins regional competition for the third year",
]
MENU = ["Dunmere Gazette", "Home", "News", "Sport", "Weather", "Subscribe", "Search"]
PAGE = "\n".join(
    [
        "Weir above Dunmere to be rebuilt after floods - Dunmere Gazette",
        *MENU,
        "Weir above Dunmere to be rebuilt after floods",
        "By Tom Hallet",
        *ARTICLE,
        "Share this article",
        *COMMENTS,
        *TEASERS,
        "© 2021 Dunmere Gazette. All rights reserved.",
    ]
)


def _page(text: str) -> Page:
    return Page(source="invented.txt", content_hash="0", format="text", names=("invented",), text=text)


def test_the_shipped_model_is_found() -> None:
    model = default_line_model()
    assert model is not None
    assert len(model.firsts) == len(model.seconds) == ENSEMBLE_SIZE


def _small_booster(seed: int) -> str:
    """A booster of its own seed on invented rows whose label is their first column's half."""
    lightgbm = pytest.importorskip("lightgbm")
    rows = np.random.default_rng(seed).random((400, 3))
    parameters = {"objective": "binary", "verbose": -1, "num_threads": 1, "seed": seed}
    sampled = {**parameters, "bagging_fraction": 0.6, "bagging_freq": 1, "feature_fraction": 0.7}
    return lightgbm.train(sampled, lightgbm.Dataset(rows, rows[:, 0] > 0.5), num_boost_round=60).model_to_string()


def test_an_ensemble_averages_its_models_on_the_lines_the_first_leaves_unsettled() -> None:
    first, other = LineModel.from_boosters(_small_booster(1), _small_booster(1)), _small_booster(2)
    ensemble = LineModel([(_small_booster(1), _small_booster(1)), (other, other)])
    rows = np.random.default_rng(3).random((300, 3))
    alone = _ensemble_probabilities(first.firsts, rows)
    other_alone = _ensemble_probabilities(ensemble.firsts[1:], rows)
    together = _ensemble_probabilities(ensemble.firsts, rows)
    raw = ensemble.firsts[0].predict(rows, raw_score=True, num_threads=1, **_PREDICTION_OPTIONS)
    settled = np.abs(raw) >= SETTLED_SCORE
    # Both kinds of lines occur, and the models disagree somewhere among the unsettled ones.
    assert settled.any() and (~settled).any()
    assert not np.allclose(alone[~settled], other_alone[~settled])
    assert np.array_equal(together[settled], alone[settled])
    assert np.allclose(together[~settled], (alone[~settled] + other_alone[~settled]) / 2)
    # An ensemble of one is its model, and an ensemble's text reads back as the same ensemble.
    assert np.allclose(alone, 1 / (1 + np.exp(-raw)))
    read_back = LineModel.from_text(ensemble.text)
    assert np.array_equal(_ensemble_probabilities(read_back.firsts, rows), together)
    assert LineModel.ensemble([first, LineModel.from_boosters(other, other)]).text == ensemble.text
    with pytest.raises(ValueError):
        LineModel.from_text("not a model")


def test_article_prose_is_kept_comments_and_teasers_are_removed() -> None:
    [article] = clean_page(_page(PAGE))
    assert article.paragraphs == ARTICLE
    body = " ".join(article.paragraphs)
    for line in [*COMMENTS, *TEASERS, *MENU]:
        assert line not in article.paragraphs, line
    assert "footbridge" not in body
    assert article.title is not None and article.title.startswith("Weir above Dunmere to be rebuilt after floods")
    assert article.byline == "Tom Hallet"
    removed = {removed.line for removed in article.removed}
    assert set(COMMENTS[1:3]) <= removed
    assert all(removed.reason for removed in article.removed)


def test_pages_in_other_scripts_get_an_article() -> None:
    sentence = "Городской совет утвердил план ремонта старой плотины, и работы начнутся весной следующего года."
    text = "\n".join(
        ["Новости", "Главная", "Поиск", *[f"{sentence} Часть {number}." for number in range(5)], "Реклама"]
    )
    [article] = clean_text(text, line_model=default_line_model())
    assert len(article.paragraphs) >= 4
    assert "Главная" not in article.paragraphs
    japanese = "市議会は古い堰の改修計画を承認し、工事は来年の春に始まる予定だと発表しました。住民は長年の洪水被害を訴えていました。"
    [article] = clean_text(
        "\n".join(["ホーム", "ニュース", japanese, japanese + "再び", "シェア"]), line_model=default_line_model()
    )
    assert japanese in article.paragraphs


def test_the_cleaner_falls_back_to_the_rules_without_the_model_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(line_model_module, "MODEL_PATH", tmp_path / "missing.txt")
    default_line_model.cache_clear()
    try:
        assert default_line_model() is None
        [article] = clean_page(_page(PAGE))
        assert article.paragraphs[: len(ARTICLE)] == ARTICLE
        assert all(removed.reason != MODEL_REASON for removed in article.removed)
    finally:
        default_line_model.cache_clear()


def test_line_features_count_words_capitals_and_stop_words() -> None:
    texts = ["Home", "The weir will be rebuilt, said Anna Kerr.", "東京で会議が開かれた。"]
    features = line_features(texts, title="Weir rebuilt")
    assert features.shape == (3, len(FEATURE_NAMES))
    assert np.isfinite(features).all()
    column = {name: features[:, index] for index, name in enumerate(FEATURE_NAMES)}
    assert column["log_tokens"][1] == pytest.approx(np.log1p(8))
    assert column["capitalised_share"][1] == pytest.approx(3 / 8)
    assert column["stop_share"][1] == pytest.approx(3 / 8)
    assert column["ends_period"].tolist() == [0, 1, 1]
    assert column["east_asian_share"][2] > 0.8
    assert column["widget_share"][0] == 1


def test_lines_are_labelled_by_matching_the_body_in_order() -> None:
    lines = ["Menu", "Weir to be rebuilt", ARTICLE[0], "Photo: river authority", ARTICLE[1], "Home", "Weir"]
    body = "\n\n".join(ARTICLE[:2])
    assert label_lines(lines, body).tolist() == [False, False, True, False, True, False, False]
    loose = label_lines(
        ["Weir to be rebuilt", "March 3, 2021", ARTICLE[0]], "Weir to be rebuilt\n\nMarch 3, 2021\n\n" + ARTICLE[0]
    )
    assert loose.tolist() == [True, True, True]
    assert drop_headline_block(["Weir to be rebuilt", "March 3, 2021", ARTICLE[0]], loose).tolist() == [
        False,
        False,
        True,
    ]


def test_the_rules_columns_count_a_wire_lede_and_a_credited_last_paragraph_as_kept() -> None:
    # The rules keep these lines' text less the dateline and the reporter credit: the model must
    # still be told the rules kept them, or it learns to drop a wire story's lede.
    lede = "DUNMERE, England (AP) — " + ARTICLE[0]
    last = ARTICLE[-1] + " Tom Hallet contributed to this report."
    page = "\n".join(["Weir above Dunmere to be rebuilt after floods", lede, *ARTICLE[1:-1], last, *TEASERS])
    lines, rule_columns = line_model_inputs(page)
    kept = dict(zip(lines, rule_columns[:, RULE_NAMES.index("kept_by_rules")], strict=True))
    assert kept[lede] == 1.0
    assert kept[last] == 1.0
    assert kept[ARTICLE[1]] == 1.0
    assert kept[TEASERS[1]] == 0.0
    article = clean_text(page)[0]
    assert article.dateline == "DUNMERE, England" and article.credit == "AP"
    assert article.paragraphs[0] == ARTICLE[0]

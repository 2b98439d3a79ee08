"""A tiny PolNeAR-shaped split and a tiny randomly initialised BERT, built in tmp:
training on them takes seconds. The fixtures in ``tests/conftest.py`` use these."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

SPEAKERS = ["Smith", "Jones", "The minister", "Officials", "Aides"]
CUES = ["said", "argued", "warned", "claimed"]
CLAIMS = ["taxes will rise", "the plan failed", "rates fall soon", "the vote was rigged",
          "growth will slow", "the deal is dead"]
FILLER = ["The weather was mild.", "Markets opened late.", "Traffic was heavy downtown."]


def article(k: int) -> tuple[str, list[tuple[str, str, str]]]:
    """Text and its (source, cue, content) strings, in text order."""
    sentences, gold = [], []
    for i in range(4):
        source = SPEAKERS[(k + i) % len(SPEAKERS)]
        cue = CUES[(k * 3 + i) % len(CUES)]
        content = f"that {CLAIMS[(k + 2 * i) % len(CLAIMS)]}"
        sentences.append(f"{source} {cue} {content}.")
        sentences.append(FILLER[(k + i) % len(FILLER)])
        gold.append((source, cue, content))
    return " ".join(sentences) + "\n", gold


def brat(text: str, gold: list[tuple[str, str, str]]) -> str:
    lines, ids, at = [], itertools.count(1), 0
    for n, triple in enumerate(gold, start=1):
        tids = []
        for role, words in zip(("Source", "Cue", "Content"), triple, strict=True):
            start = text.index(words, at)
            at = start if role != "Content" else start + len(words)
            tid = f"T{next(ids)}"
            tids.append(tid)
            lines.append(f"{tid}\t{role} {start} {start + len(words)}\t{words}")
        lines.append(f"E{n}\tSource:{tids[0]} Cue:{tids[1]} Content:{tids[2]}")
    return "\n".join(lines) + "\n"


def write_split(root: Path, articles: range) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for k in articles:
        text, gold = article(k)
        (root / "text" / f"art{k}.txt").write_text(text, encoding="utf-8")
        (root / "attributions" / f"art{k}_4e07.ann").write_text(brat(text, gold),
                                                                  encoding="utf-8")
    return root


def write_encoder(folder: Path) -> Path:
    """A 1-layer BERT with random weights and a word-level vocabulary of the articles."""
    import transformers

    words = sorted({w.lower() for k in range(10)
                    for w in re.findall(r"\w+|[^\w\s]", article(k)[0])})
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    vocab = {w: i for i, w in enumerate([*specials, *words])}
    wordpiece = Tokenizer(models.WordPiece(vocab=vocab, unk_token="[UNK]"))
    wordpiece.normalizer = normalizers.BertNormalizer(lowercase=True)
    wordpiece.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    transformers.PreTrainedTokenizerFast(
        tokenizer_object=wordpiece, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
        sep_token="[SEP]", mask_token="[MASK]").save_pretrained(folder)
    config = transformers.BertConfig(vocab_size=len(words) + 5, hidden_size=32,
                                     num_hidden_layers=1, num_attention_heads=2,
                                     intermediate_size=64, max_position_embeddings=64)
    transformers.BertModel(config).save_pretrained(folder)
    return folder


def tiny_config(encoder: Path, polnear: Path, out: Path, **changes: object) -> object:
    from pipeline.attribution_model.train import TrainConfig

    settings = {"data": str(polnear / "train"), "encoder": str(encoder), "out": str(out),
                "epochs": 20, "batch_size": 8, "lr": 1e-2, "max_length": 32, "overlap": 8,
                "seed": 7, **changes}
    return TrainConfig(**settings)

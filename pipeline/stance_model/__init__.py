"""Training the stance classifiers on SEESAW (``newsclaims train stance``).

One job per module: ``data`` (SEESAW stories -> parsed articles -> labelled candidates),
``linear`` (the default logistic regression: fit, tune, save), ``encoder`` (the MiniLM
cross-encoder: fine-tune, export to ONNX, quantize; needs the ``[train]`` extra), ``card``
(the model card). The run-time side is :mod:`pipeline.components.stance.classifier`.
"""

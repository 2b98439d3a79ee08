"""Training the stance classifiers on SEESAW (``newsclaims train stance``).

One job per module: ``data`` (SEESAW stories -> parsed articles -> labelled candidates),
``linear`` (the logistic regression: fit, save), ``tuning`` (thresholds on SEESAW valid),
``train`` (the whole run), ``card`` (the model card). Training needs scikit-learn (the
``[train]`` extra); the run-time side is :mod:`pipeline.components.stance.classifier`.
"""

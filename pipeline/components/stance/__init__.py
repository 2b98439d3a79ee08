"""The ``newsclaims_stance`` component: target and polarity of attributed statements."""

from pipeline.components.stance.component import StanceLabeller, make_stance_labeller

__all__ = ["StanceLabeller", "make_stance_labeller"]

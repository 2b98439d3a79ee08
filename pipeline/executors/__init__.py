"""Executors own where the extraction step runs: this process, worker processes
(``local``) or a Ray cluster (``ray``). The step (``pipeline.extractor.Extractor``)
never knows which one runs it. Start with ``executor_for``."""

from pipeline.executors.base import Executor, admit
from pipeline.executors.local import LocalExecutor


def executor_for(engine: str, n_process: int) -> Executor:
    """``--engine local|ray`` with ``--n-process N`` -> the executor that runs the step."""
    if engine == "ray":
        from pipeline.executors.ray import RayExecutor

        return RayExecutor(n_actors=n_process)
    return LocalExecutor(n_process=n_process)


__all__ = ["Executor", "LocalExecutor", "admit", "executor_for"]

"""Saving and loading a problem's two trained policies (dividing GNN and conquering attention model) as
`<problem>_divide.pt` and `<problem>_conquer.pt`, each holding its state dict and the model settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from solvers.udc.base import UDCInputError

ARTIFACTS = Path(__file__).parent / "artifacts"


def save_pair(models: Any, problem: str, directory: str | Path = ARTIFACTS) -> None:
    """Write `models.divide` and `models.conquer` (with `models.config`) into `directory`."""
    import torch

    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    for part in ("divide", "conquer"):
        torch.save({"state_dict": getattr(models, part).state_dict(), "config": models.config},
                   d / f"{problem}_{part}.pt")


def load_pair(problem: str, label: str, directory: str | Path | None = None) -> tuple[dict, dict]:
    """The two saved blobs from `directory` (default artifacts/), or a UDCInputError naming the missing
    files and the command that trains them."""
    import torch

    d = Path(directory) if directory is not None else ARTIFACTS
    files = [d / f"{problem}_divide.pt", d / f"{problem}_conquer.pt"]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise UDCInputError(f"no trained {label} weights at {', '.join(missing)}: train them with "
                            f"`python -m solvers.udc.train --problem {problem}`")
    div, con = (torch.load(f, map_location="cpu", weights_only=True) for f in files)
    return div, con


def restore(models: Any, div: dict, con: dict) -> Any:
    """`models` (freshly built from the saved config) with the saved weights, in eval mode."""
    models.divide.load_state_dict(div["state_dict"])
    models.conquer.load_state_dict(con["state_dict"])
    models.divide.eval()
    models.conquer.eval()
    models.config = div["config"]
    return models

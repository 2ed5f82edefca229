"""Strategies: ways of turning words into models. See base.py for the interface and the registry."""

from modeler.strategies.base import (
    Budget,
    Candidate,
    Context,
    Refusal,
    Strategy,
    StrategyError,
    get_strategy,
    register,
    strategy_names,
)

__all__ = ["Budget", "Candidate", "Context", "Refusal", "Strategy", "StrategyError", "get_strategy", "register",
           "strategy_names"]

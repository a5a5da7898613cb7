"""The rule registry: every rule registers itself where it is written.

A rule module decorates each rule function with `@date_rule(...)` or
`@amount_rule(...)` (in the spirit of ctparse's `@rule` and Duckling's flat rule
lists), giving its name, the token keys that can start it (lexicon roles, or
`digit`, `article`, `sign_char`) and the `rule` labels its candidates carry.
The dispatch tables (`find_dates`, `amounts_at`), the engine's anchor and seed
roles and the rule coverage test all read this registry.

Dispatch order is the order of `RULE_MODULES`, then definition order within a
module (source line). It does not depend on which module was imported first,
and it decides ties between equally long readings, so outputs are stable.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from types import FunctionType
from typing import TypeVar

from ..tokens import Tokens
from .base import Candidate

# The modules that hold rules, in dispatch order. A rule in any other module is an error.
RULE_MODULES: tuple[str, ...] = (
    "pipeline.rules.dates.points",
    "pipeline.rules.dates.ranges",
    "pipeline.rules.dates.periods",
    "pipeline.rules.dates.relative",
    # issue 11, the relative-time algebra
    "pipeline.rules.dates.weeks",
    "pipeline.rules.dates.month_days",
    "pipeline.rules.dates.rolling",
    # issue 11: short numeric forms, years in words, a month before its ordinal day
    "pipeline.rules.dates.numeric_short",
    "pipeline.rules.dates.spoken_years",
    "pipeline.rules.dates.month_ordinal",
    # issue 11, conversational: months alone and month numbers, `هالشهر`, bare seasons and the weekend
    "pipeline.rules.dates.months_alone",
    "pipeline.rules.dates.colloquial_this",
    "pipeline.rules.dates.seasons_weekend",
    "pipeline.rules.amounts",
)


class RuleKind(StrEnum):
    DATE = "date"
    AMOUNT = "amount"  # money and percentages: one grammar of a number and its unit


DateFn = Callable[[Tokens, int, dt.date | None], Candidate | None]
# Amount rules take the document's currency qualifiers (lemma -> ISO code).
AmountFn = Callable[[Tokens, int, dict[str, str]], list[Candidate]]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: RuleKind
    starts: frozenset[str]  # token keys that can start it
    labels: frozenset[str]  # the `rule` ids its candidates carry
    prefixes: frozenset[str]  # put before an inner reading's label (`weekday_` + `day_month`)
    suffixes: frozenset[str]  # put after one (`day_month` + `_relative`)
    families: frozenset[str]  # completed by a lexicon value, not a label (`fiscal_` + `academic`)
    module: str
    line: int


@dataclass(frozen=True, slots=True)
class DateRule(Rule):
    fn: DateFn


@dataclass(frozen=True, slots=True)
class AmountRule(Rule):
    fn: AmountFn


_REGISTERED: dict[str, Rule] = {}

_D = TypeVar("_D", bound=DateFn)
_A = TypeVar("_A", bound=AmountFn)


def _where(fn: Callable[..., object], name: str) -> tuple[str, int]:
    """The rule's module and first line: its place in the dispatch order."""
    if not isinstance(fn, FunctionType):
        raise TypeError(f"rule {name!r}: only a plain function can be registered, not {fn!r}")
    module, line = fn.__module__, fn.__code__.co_firstlineno
    if module not in RULE_MODULES:
        raise ValueError(f"rule {name!r} is defined in {module}, which is not in RULE_MODULES")
    old = _REGISTERED.get(name)
    if old is not None and (old.module, old.line) != (module, line):
        raise ValueError(f"rule {name!r} registered twice ({old.module}:{old.line} and {module}:{line})")
    return module, line


def _fields(
    name: str,
    starts: Iterable[str],
    labels: Iterable[str] | None,
    prefixes: Iterable[str],
    suffixes: Iterable[str],
    families: Iterable[str],
) -> dict[str, frozenset[str]]:
    if not frozenset(starts):
        raise ValueError(f"rule {name!r}: no start keys, so it could never run")
    return {
        "starts": frozenset(starts),
        "labels": frozenset(labels if labels is not None else (name,)),
        "prefixes": frozenset(prefixes),
        "suffixes": frozenset(suffixes),
        "families": frozenset(families),
    }


def date_rule(
    name: str,
    *,
    starts: Iterable[str],
    labels: Iterable[str] | None = None,
    prefixes: Iterable[str] = (),
    suffixes: Iterable[str] = (),
    families: Iterable[str] = (),
) -> Callable[[_D], _D]:
    """Register a date rule `(tokens, i, reference date) -> Candidate | None`.
    `labels` defaults to the name alone."""

    def register(fn: _D) -> _D:
        module, line = _where(fn, name)
        fields = _fields(name, starts, labels, prefixes, suffixes, families)
        _REGISTERED[name] = DateRule(name=name, kind=RuleKind.DATE, module=module, line=line, fn=fn, **fields)
        _tables.cache_clear()
        date_rules_for.cache_clear()
        return fn

    return register


def amount_rule(
    name: str,
    *,
    starts: Iterable[str],
    labels: Iterable[str] | None = None,
) -> Callable[[_A], _A]:
    """Register an amount rule `(tokens, i, document currencies) -> [Candidate]`."""

    def register(fn: _A) -> _A:
        module, line = _where(fn, name)
        fields = _fields(name, starts, labels, (), (), ())
        _REGISTERED[name] = AmountRule(name=name, kind=RuleKind.AMOUNT, module=module, line=line, fn=fn, **fields)
        _tables.cache_clear()
        date_rules_for.cache_clear()
        return fn

    return register


@lru_cache(maxsize=1)
def _tables() -> tuple[tuple[Rule, ...], tuple[DateRule, ...], tuple[AmountRule, ...]]:
    for module in RULE_MODULES:
        importlib.import_module(module)  # every rule registers on import
    ordered = tuple(sorted(_REGISTERED.values(), key=lambda r: (RULE_MODULES.index(r.module), r.line)))
    dates = tuple(r for r in ordered if isinstance(r, DateRule))
    amounts = tuple(r for r in ordered if isinstance(r, AmountRule))
    return ordered, dates, amounts


def rules() -> tuple[Rule, ...]:
    """Every rule, in dispatch order."""
    return _tables()[0]


def date_rules() -> tuple[DateRule, ...]:
    return _tables()[1]


@lru_cache(maxsize=4096)
def date_rules_for(keys: frozenset[str]) -> tuple[DateRule, ...]:
    """The date rules these token keys can start, in dispatch order. Tokens' keys come in few
    combinations, so the filter over every rule runs once per combination, not once per token."""
    return tuple(rule for rule in date_rules() if keys & rule.starts)


def amount_rules() -> tuple[AmountRule, ...]:
    return _tables()[2]


def start_keys() -> frozenset[str]:
    """Every token key that can start some rule."""
    return frozenset().union(*(r.starts for r in rules()))


__all__ = [
    "RULE_MODULES",
    "AmountRule",
    "DateRule",
    "Rule",
    "RuleKind",
    "amount_rule",
    "amount_rules",
    "date_rule",
    "date_rules",
    "rules",
    "start_keys",
]

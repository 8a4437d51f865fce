"""The table of rules: every check that needs more than the shape of one file, declared once.

Each row names the codes a rule reports (their severity is fixed in :mod:`trabong_d8.codes`), what
it looks at, and the one function that finds them:

* ``plan`` rules see one plan file on its own (:mod:`trabong_d8.rules_plan`);
* ``data`` rules see the whole data set (:mod:`trabong_d8.rules_communes`);
* ``calendar`` rules depend on today's date as well as the files; they run only for ``d8 validate``
  (and the warning count of ``d8 status``), on a data set without errors
  (:mod:`trabong_d8.rules_progress`).

Adding a rule: write its function in the right module, add a row here, add its code to
:mod:`trabong_d8.codes` and its message to each catalogue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from . import rules_communes as communes
from . import rules_plan as plan
from . import rules_progress as progress
from .dataset import Dataset
from .problems import Problem
from .rulebase import Context

Scope = Literal["plan", "data", "calendar"]


@dataclass(frozen=True)
class Rule:
    codes: tuple[str, ...]
    scope: Scope
    find: Callable[..., Iterable[Problem]]
    #: a plan rule whose errors leave the plan unusable as the communes' reference (its shape or
    #: its year): the ``data`` rules wait until they are fixed
    blocking: bool = False

    @property
    def summary(self) -> str:
        return (self.find.__doc__ or "").strip().split("\n")[0]


RULES: tuple[Rule, ...] = (
    Rule(("plan-duplicate-id",), "plan", plan.duplicate_ids),
    Rule(("plan-target-wording",), "plan", plan.target_wording),
    Rule(("item-parent-targets", "item-missing-targets", "item-entity-kind"), "plan", plan.item_shape, True),
    Rule(("item-too-deep",), "plan", plan.item_depth, True),
    Rule(("content-shape",), "plan", plan.content_shape, True),
    Rule(
        ("ratio-target-items", "count-target-items", "ratio-target-twice"),
        "plan",
        plan.core_target_shape,
        True,
    ),
    Rule(("percent-over-100",), "plan", plan.ratio_target),
    Rule(("plan-unknown-item", "plan-target-mismatch"), "plan", plan.core_target_items),
    Rule(("pace-dates", "pace-order", "plan-year-mismatch"), "plan", plan.pace, True),
    Rule(("plan-years-overlap",), "data", communes.plan_years),
    Rule(
        ("commune-duplicate-id", "commune-duplicate-name", "commune-file-name"), "data", communes.commune_ids
    ),
    Rule(("duplicate-id",), "data", communes.unique_ids),
    Rule(("date-outside-plan", "date-in-future"), "data", communes.dates),
    Rule(
        ("unknown-item", "parent-item", "record-on-entity-item", "level-no-target", "unknown-entity"),
        "data",
        communes.records,
    ),
    Rule(("unknown-item", "parent-item", "entity-item-kind", "level-no-target"), "data", communes.entities),
    Rule(("participants-exceed",), "data", communes.participants),
    Rule(("allocation-no-denominator", "safe-birth-over"), "data", communes.safe_birth),
    Rule(("allocation-year-unknown",), "data", communes.allocation_years),
    Rule(("allocation-unknown-item", "allocation-sum"), "data", communes.allocations),
    Rule(("item-no-progress",), "calendar", progress.item_no_progress),
)


def run_rules(dataset: Dataset, today: dt.date, scopes: Iterable[Scope] = ("plan", "data")) -> list[Problem]:
    """Every problem the rules of ``scopes`` find in ``dataset``.

    The communes are checked against the plans only once no *blocking* plan rule finds an error: a
    plan year that ends before it starts would make every date "outside the plan year", and the
    mistake is in the plan.
    """
    wanted = set(scopes)
    ctx = Context(dataset, today)
    found: list[Problem] = []
    blocked = False
    for rule in RULES:
        if rule.scope != "plan" or rule.scope not in wanted:
            continue
        for index, doc in zip(dataset.plans, dataset.plan_docs, strict=True):
            problems = list(rule.find(index, doc))
            blocked = blocked or (rule.blocking and any(p.is_error for p in problems))
            found.extend(problems)
    if blocked:
        return found
    for rule in RULES:
        if rule.scope != "plan" and rule.scope in wanted:
            found.extend(rule.find(ctx))
    return found

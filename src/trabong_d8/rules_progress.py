"""Rules that depend on the calendar, asked for by ``d8 validate`` (and counted by ``d8 status``)
on a data set that loaded without errors; the loader's answer depends on the files alone."""

from __future__ import annotations

from collections.abc import Iterator

from .problems import Problem
from .progress import elapsed_share, tally
from .rulebase import Context, problem


def item_no_progress(ctx: Context) -> Iterator[Problem]:
    """One warning per numbered item with nothing recorded although a steady pace expects some.

    An item whose plan target (both levels together) is ``target`` is expected to have
    ``floor(target × elapsed)`` done by ``today`` (clamped to its plan year) at a steady pace; when
    that is at least one and no record or entity counts toward it, it is worth a look (a forgotten
    record?). A data folder with no record and no entity at all has not started to be filled in
    (the shipped data) and gets no such warning: ``d8 status`` shows everything as not started.
    """
    dataset = ctx.dataset
    if not any(c.records or c.entities for c in dataset.communes):
        return
    for plan in dataset.plans:
        as_of = min(max(ctx.today, plan.start), plan.end)
        elapsed = elapsed_share(plan.pace, as_of)
        done = tally(plan, dataset.communes, as_of)
        doc = ctx.plan_doc(plan)
        for leaf in plan.leaves:
            target = leaf.total()
            expected = int(target * elapsed + 1e-9)
            if expected >= 1 and done.achieved(leaf.id) == 0:
                yield problem(
                    doc,
                    (*leaf.path, "id"),
                    "item-no-progress",
                    id=leaf.id,
                    target=target,
                    expected=expected,
                    date=as_of.isoformat(),
                )

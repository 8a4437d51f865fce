"""A loaded data folder and the result of loading one, without pydantic.

``load_dataset`` (in :mod:`trabong_d8.loader`) builds these from validated models; the parse cache (in
:mod:`trabong_d8.cache`) brings them back with snapshots of those models, so that a warm ``d8 status``
never imports pydantic. ``loader`` re-exports both classes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .problems import Problem

if TYPE_CHECKING:
    from .document import YamlDocument
    from .models import Commune, PeriodNarrative, Plan

PLAN_FILE = "plan_2024.yaml"
COMMUNES_DIR = "communes"
NARRATIVES_DIR = "narratives"
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Dataset:
    """A whole data folder once it has loaded: the plan, the communes and where they came from."""

    root: Path
    plan: Plan
    communes: list[Commune]
    plan_doc: YamlDocument
    commune_docs: list[YamlDocument]
    #: False when some commune file could not be loaded (its problems are reported on their own)
    complete: bool = True
    #: what the coordinator wrote for each reporting period, by period id (``2024-Q3``)
    narratives: dict[str, PeriodNarrative] = field(default_factory=dict)

    def commune(self, key: str) -> Commune | None:
        """Find a commune by id or by name (any case, with or without diacritics typed)."""
        wanted = _fold(key)
        for commune in self.communes:
            if wanted in (_fold(commune.id), _fold(commune.name)):
                return commune
        return None

    @property
    def files(self) -> int:
        return 1 + len(self.communes) + len(self.narratives)

    @property
    def record_count(self) -> int:
        return sum(len(c.records) for c in self.communes)

    @property
    def entity_count(self) -> int:
        return sum(len(c.entities) for c in self.communes)


@dataclass
class LoadResult:
    dataset: Dataset | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace(" ", "-")

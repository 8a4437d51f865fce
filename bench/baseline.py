"""The straightforward baseline: PyYAML's fastest ordinary loader, then the same pydantic models.

    python -m bench.baseline DATA_DIR

What a first version of ``d8 validate`` would do: ``yaml.load(text, Loader=CSafeLoader)`` for each
file, then ``Plan.model_validate`` / ``Commune.model_validate``. It checks less than ``d8`` (no
duplicate keys, YAML 1.1 scalars, no positions, no cross-file checks), so it is a lower bound on what
such a version would cost. Exit status 1 if a file does not validate.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from pydantic import ValidationError
from trabong_d8.models import Commune, Plan

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as Loader  # type: ignore[assignment]


def main() -> None:
    root = Path(sys.argv[1])
    failed = 0
    jobs = [
        (root / "plan_2024.yaml", Plan),
        *((p, Commune) for p in sorted((root / "communes").glob("*.yaml"))),
    ]
    for path, model in jobs:
        try:
            model.model_validate(yaml.load(path.read_bytes(), Loader=Loader))
        except (yaml.YAMLError, ValidationError) as exc:
            failed += 1
            print(f"{path}: {type(exc).__name__}", file=sys.stderr)
    print(f"{len(jobs)} files, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

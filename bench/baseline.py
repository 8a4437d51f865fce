"""The straightforward baseline: PyYAML's fastest ordinary loader, then the same pydantic validation.

    python -m bench.baseline DATA_DIR

What a first version of ``d8 validate`` would do: ``yaml.load(text, Loader=CSafeLoader)`` for each
file, then pydantic's validation into the same types (``Plan``, ``Commune``). It checks less than ``d8`` (no
duplicate keys, YAML 1.1 scalars, no positions, no cross-file checks), so it is a lower bound on what
such a version would cost. Exit status 1 if a file does not validate.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from pydantic import ValidationError

from trabong_d8.commune import Commune
from trabong_d8.plan import Plan
from trabong_d8.validation import adapter

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as Loader  # type: ignore[assignment]


def main() -> None:
    root = Path(sys.argv[1])
    failed = 0
    jobs: list[tuple[Path, type[Plan] | type[Commune]]] = [
        *((p, Plan) for p in sorted(root.glob("plan_*.yaml"))),
        *((p, Commune) for p in sorted((root / "communes").glob("*.yaml"))),
    ]
    for path, model in jobs:
        try:
            adapter(model).validate_python(yaml.load(path.read_bytes(), Loader=Loader))
        except (yaml.YAMLError, ValidationError) as exc:
            failed += 1
            print(f"{path}: {type(exc).__name__}", file=sys.stderr)
    print(f"{len(jobs)} files, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

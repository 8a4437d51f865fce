"""The libyaml floor: only parse a data folder's files into events with libyaml, build nothing.

    python -m bench.floor DATA_DIR

Each file is read and handed to libyaml's parser, and every event is taken out as PyYAML's event
object (the least any Python program must do to see the file's content) and dropped at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def main() -> None:
    root = Path(sys.argv[1])
    try:
        from yaml._yaml import CParser as source
    except ImportError:  # PyYAML built without libyaml: the pure-Python parser, said so
        print("libyaml missing: pure-Python events", file=sys.stderr)
        source = yaml.SafeLoader  # type: ignore[assignment,misc]
    events = 0
    for path in [root / "plan_2024.yaml", *sorted((root / "communes").glob("*.yaml"))]:
        get = source(path.read_bytes()).get_event
        while get() is not None:
            events += 1
    print(f"{events} events")


if __name__ == "__main__":
    main()

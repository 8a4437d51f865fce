"""The house: which module may import which, no cycles, a thin command line, small rooms, and a
test file for every module.

The layers, from the bottom (a module imports only its own layer and those below it; the README's
"Development" section draws the same picture):
"""

from __future__ import annotations

import ast

from .helpers import ROOT

PACKAGE = ROOT / "src" / "trabong_d8"

LAYERS: list[tuple[str, set[str]]] = [
    ("foundations", {"codes", "frozen", "fields", "textsafe", "clock", "collector", "layout", "formatting",
                     "periods", "fsio", "lang_vi", "lang_en"}),
    ("problems and words", {"problems", "errors", "messages"}),
    ("the data's types", {"plan", "commune", "narrative", "document", "planindex", "provenance"}),
    ("reading files", {"yamlscalar", "yamlfile", "yamlfast", "yamlio", "validation", "forms"}),
    ("the data set", {"dataset"}),
    ("maths", {"progress"}),
    ("rules", {"rulebase", "rules_plan", "rules_communes", "rules_progress", "rules"}),
    ("loading", {"loader", "cache"}),
    ("views and outputs", {"report", "render", "statusview", "output", "schema"}),
    ("application", {"api"}),
    ("command line", {"cli"}),
]  # fmt: skip
#: the most a module may hold (a room with one job fits on a few screens)
MAX_LINES = 420


def _modules() -> set[str]:
    return {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}


def _imports(name: str) -> set[str]:
    """The package's modules that ``name`` imports, at the top or inside a function."""
    tree = ast.parse((PACKAGE / f"{name}.py").read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 1:
                found |= {alias.name for alias in node.names}
            elif (node.module or "").startswith("trabong_d8."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("trabong_d8.")}
    return found & _modules()


def _layer_of() -> dict[str, int]:
    return {module: n for n, (_, modules) in enumerate(LAYERS) for module in modules}


def test_every_module_has_a_layer() -> None:
    layered = set(_layer_of())
    assert _modules() == layered, (_modules() - layered, layered - _modules())


def test_no_module_imports_a_module_above_it() -> None:
    layer = _layer_of()
    upward = [
        f"{module} ({LAYERS[layer[module]][0]}) imports {dep} ({LAYERS[layer[dep]][0]})"
        for module in sorted(_modules())
        for dep in sorted(_imports(module))
        if layer[dep] > layer[module]
    ]
    assert upward == []


def test_the_import_graph_has_no_cycle() -> None:
    graph = {module: _imports(module) for module in _modules()}
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(module: str, path: list[str]) -> list[str] | None:
        state[module] = 1
        for dep in sorted(graph[module]):
            if state.get(dep) == 1:
                return [*path, module, dep]
            if dep not in state and (cycle := visit(dep, [*path, module])):
                return cycle
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            assert visit(module, []) is None


def test_the_command_line_calls_the_api_and_prints() -> None:
    # parse, call one api function, print (through the output formats and the status view), exit
    assert _imports("cli") <= {"api", "output", "statusview"}


def test_no_module_is_over_a_few_screens() -> None:
    sizes = {p.name: len(p.read_text("utf-8").splitlines()) for p in PACKAGE.glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def test_every_module_has_its_test_file() -> None:
    tests = {p.stem.removeprefix("test_") for p in (ROOT / "tests").glob("test_*.py")}
    # the two catalogues are tested together, through messages
    missing = sorted(_modules() - tests - {"lang_vi", "lang_en"})
    assert missing == []

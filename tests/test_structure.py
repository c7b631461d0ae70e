"""The codebase's shape, as tests: a rule id leads to its code in one step, the YAML is the only source of the
words users read, and no module imports a module that (directly or not) imports it back."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tonecheck.checks import get_check
from tonecheck.engine import Engine, text_document
from tonecheck.rules import load_rules

SRC = Path(__file__).resolve().parent.parent / "src" / "tonecheck"
RULES = load_rules()


def _module_for(category: str) -> str:
    return "tonecheck.checks." + category.replace("-", "_")


@pytest.mark.parametrize("rule", [r for r in RULES if r.check], ids=lambda r: r.id)
def test_code_backed_rule_is_registered_under_its_id_in_its_category_module(rule):
    assert rule.check == rule.id, f"{rule.id}: its pack says check: {rule.check}; name the rule's own id"
    fn = get_check(rule.id)
    assert fn.__module__ == _module_for(rule.category), f"{rule.id} is registered in {fn.__module__}"
    source = (SRC / "checks" / (rule.category.replace("-", "_") + ".py")).read_text()
    assert f'"{rule.id}"' in source, f"grep of {rule.id} does not land in its category module"


def _template_regex(template: str) -> str:
    """A template as a pattern: each `{slot}` stands for any text, the rest must appear verbatim."""
    parts = re.split(r"\{[a-z_]+\}", template)
    return "(?s)" + ".*".join(re.escape(p) for p in parts)


def _wordings(rule) -> list[tuple[str, str]]:
    out = [(rule.message, rule.suggestion)]
    for variant in rule.variants:
        out.append(rule.wording(variant))
    return out


def _example_findings():
    """Findings of every rule's bad examples, with the brand guide an example brings (as the example test runs
    them)."""
    engine = Engine()
    from tonecheck.brandguide.compile import compile_brand   # noqa: PLC0415 (only this test needs it)

    for rule in RULES:
        for ex in rule.examples["bad"]:
            ex = {"text": ex} if isinstance(ex, str) else ex
            brand = compile_brand(ex["brand"], engine) if ex.get("brand") else None
            doc = text_document(ex["text"], ex.get("kind"), path="<example>")
            yield from engine.check(doc, brand=brand)


def test_every_message_is_its_rules_filled_template():
    by_id = {r.id: r for r in RULES}
    seen = 0
    for f in _example_findings():
        rule = by_id[f.rule]
        ok = any(re.fullmatch(_template_regex(m), f.message) and re.fullmatch(_template_regex(s), f.suggestion)
                 for m, s in _wordings(rule))
        assert ok, f"{f.rule}: message/suggestion not from the pack: {f.message!r} / {f.suggestion!r}"
        seen += 1
    assert seen > len(RULES)


def _imports(path: Path, module: str) -> set[str]:
    """Every tonecheck module `module` imports, at top level or inside a function."""
    tree = ast.parse(path.read_text())
    pkg = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("tonecheck"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("tonecheck"):
                continue
            for a in node.names:      # `from . import x` may name a module
                out.add(f"{target}.{a.name}")
            out.add(target)
    return out


def _module_graph() -> dict[str, set[str]]:
    modules = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        modules[name] = path
    graph = {}
    for name, path in modules.items():
        # an edge to a package's __init__ from inside that package is the package's own plumbing, not a cycle
        graph[name] = {t for t in _imports(path, name) if t in modules and t != name
                       and not name.startswith(t + ".")}
    return graph


def test_no_import_cycle():
    graph = _module_graph()
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(m):
        state[m] = 1
        stack.append(m)
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                cycles.append(stack[stack.index(t):] + [t])
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_every_module_imports_in_a_fresh_interpreter():
    names = sorted(_module_graph())
    code = "import importlib, sys\nfor n in sys.argv[1:]:\n    importlib.import_module(n)\n"
    proc = subprocess.run([sys.executable, "-c", code, *names],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]

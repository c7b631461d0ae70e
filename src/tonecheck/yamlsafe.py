"""YAML for brand guides and rule packs: the safe loader, with aliases bounded.

Why: an alias (`*name`) repeats a node by reference, so nine lines of nine aliases each ("billion laughs") stand for
9**9 values; the loader shares them, but everything that walks the data afterwards (the JSON schema, the
duplicate-key scan, the compiler, pickling it for the cache) visits every copy and runs for minutes on 387 bytes.
A brand guide has no use for them, so one with an anchor or an alias is refused before it is composed, with the
line of the first. Rule packs do use them (an example's brand guide shared by the next examples), so a pack may
have them as long as its data, every alias expanded, stays under MAX_EXPANDED values.
"""
from __future__ import annotations

MAX_EXPANDED = 200_000


class AliasError(ValueError):
    """The YAML uses an anchor or an alias where none are allowed, or too many. `line` is 1-based."""

    def __init__(self, line: int, what: str):
        super().__init__(f"{what} at line {line}: anchors and aliases (&name, *name) are not allowed"
                         if what.startswith(("anchor", "alias ")) else f"{what} (line {line})")
        self.line = line
        self.what = what


def loader():
    """PyYAML's safe loader, the C one (libyaml) when it is compiled in."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def reject_aliases(text: str) -> None:
    """AliasError at the first anchor or alias of `text`; yaml.YAMLError when it is not YAML at all.

    Reads the parser's events only (no nodes, no values): linear in the text, whatever it holds."""
    import yaml

    for event in yaml.parse(text, Loader=loader()):
        if isinstance(event, yaml.AliasEvent):
            raise AliasError(event.start_mark.line + 1, f"alias *{event.anchor}")
        anchor = getattr(event, "anchor", None)
        if anchor:
            raise AliasError(event.start_mark.line + 1, f"anchor &{anchor}")


def load_bounded(text: str):
    """The data of one YAML document; AliasError when its aliases, expanded, make more than MAX_EXPANDED values."""
    import yaml

    root = yaml.compose(text, Loader=loader())
    if root is not None and expanded_size(root) > MAX_EXPANDED:
        raise AliasError(root.start_mark.line + 1, f"aliases that expand to over {MAX_EXPANDED:,} values")
    return yaml.load(text, Loader=loader())


def expanded_size(root) -> int:
    """How many nodes the tree under `root` holds with every alias expanded: each distinct node is counted once
    with its children's sizes (an alias is the same node object again), so this is linear in the text."""
    import yaml

    sizes: dict[int, int] = {}
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        kids = _children(node, yaml)
        if done or not kids:
            sizes[id(node)] = 1 + sum(sizes[id(k)] for k in kids)
            continue
        stack.append((node, True))
        stack.extend((k, False) for k in kids if id(k) not in sizes)
    return sizes[id(root)]


def _children(node, yaml) -> list:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def compose_and_load(text: str):
    """(data, node tree) of one YAML document, refused (AliasError) when it uses anchors or aliases."""
    import yaml

    reject_aliases(text)
    return yaml.load(text, Loader=loader()), yaml.compose(text, Loader=loader())

"""YAML for brand guides and rule packs: the safe loader, without anchors and aliases.

Why: an alias (`*name`) repeats a node by reference, so nine lines of nine aliases each ("billion laughs") stand for
9**9 values; the loader shares them, but everything that walks the data afterwards (the JSON schema, the
duplicate-key scan, the compiler, pickling it for the cache) visits every copy and runs for minutes on 387 bytes.
Neither format needs them, so a document with one is refused before it is composed, with the line of the first.
"""
from __future__ import annotations


class AliasError(ValueError):
    """The YAML uses an anchor or an alias. `line` is 1-based."""

    def __init__(self, line: int, what: str):
        super().__init__(f"{what} at line {line}: anchors and aliases (&name, *name) are not allowed")
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


def load(text: str):
    """The data of one YAML document, refused (AliasError) when it uses anchors or aliases."""
    import yaml

    reject_aliases(text)
    return yaml.load(text, Loader=loader())


def compose_and_load(text: str):
    """(data, node tree) of one YAML document, refused (AliasError) when it uses anchors or aliases."""
    import yaml

    reject_aliases(text)
    return yaml.load(text, Loader=loader()), yaml.compose(text, Loader=loader())

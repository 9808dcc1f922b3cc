"""Limits a rule pack must keep to before it is loaded, so a hostile file fails fast.

A YAML file can ask for far more than its size suggests: aliases that expand
a billion times ("billion laughs"), nesting deep enough to exhaust the stack,
or a hundred thousand rules. ``check`` reads the YAML events (no objects are
built) and stops at the first limit crossed, naming the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # PyYAML loads when a user's pack is checked: a start with cached packs never needs it
    import yaml

MAX_PACK_BYTES = 16 * 1024 * 1024
MAX_ALIASES = 100
MAX_NODES = 1_000_000  # values in the pack once every alias is expanded
MAX_DEPTH = 32
MAX_RULES = 20_000
RULES_DEPTH = 2  # the rule mappings sit in the top mapping's 'rules' list


class LimitError(ValueError):
    """A limit crossed: ``line`` (1-based) is where."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass(slots=True)
class _Count:
    """Running totals of the event scan; ``open`` holds (anchor, nodes) of each open collection."""

    aliases: int = 0
    rules: int = 0
    nodes: int = 0
    open: list[tuple[str | None, int]] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)  # anchor -> nodes once expanded

    def add(self, nodes: int, line: int) -> None:
        self.nodes += nodes
        if self.open:
            anchor, inner = self.open[-1]
            self.open[-1] = (anchor, inner + nodes)
        if self.nodes > MAX_NODES:
            raise LimitError(line, f"aliases expand to more than {MAX_NODES} values; is this a 'billion laughs' file?")


def check(text: str) -> None:
    """Raise LimitError when a rule pack is too big, too deep, too aliased or has too many rules.

    Invalid YAML is left for the loader to report.
    """
    if len(text) > MAX_PACK_BYTES:
        raise LimitError(1, f"rule pack is larger than {MAX_PACK_BYTES // (1024 * 1024)} MB")
    import yaml

    count = _Count()
    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            _step(yaml, event, event.start_mark.line + 1 if event.start_mark else 0, count)
    except yaml.YAMLError:
        return


def _step(yaml: ModuleType, event: yaml.Event, line: int, count: _Count) -> None:
    if isinstance(event, yaml.AliasEvent):
        count.aliases += 1
        if count.aliases > MAX_ALIASES:
            raise LimitError(line, f"more than {MAX_ALIASES} aliases (*name); is this a 'billion laughs' file?")
        count.add(count.sizes.get(str(event.anchor), 1), line)
    elif isinstance(event, yaml.ScalarEvent):
        count.add(1, line)
        if event.anchor:
            count.sizes[event.anchor] = 1
    elif isinstance(event, yaml.CollectionStartEvent):
        if len(count.open) >= MAX_DEPTH:
            raise LimitError(line, f"nested more than {MAX_DEPTH} levels deep")
        if len(count.open) == RULES_DEPTH and isinstance(event, yaml.MappingStartEvent):
            count.rules += 1
            if count.rules > MAX_RULES:
                raise LimitError(line, f"more than {MAX_RULES} rules in one pack; split it into several")
        count.open.append((event.anchor, 1))
    elif isinstance(event, yaml.CollectionEndEvent) and count.open:
        anchor, inner = count.open.pop()
        count.add(1, line)
        if anchor:
            count.sizes[anchor] = inner

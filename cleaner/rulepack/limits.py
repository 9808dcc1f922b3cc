"""Limits a rule pack must keep to before it is loaded, so a hostile file fails fast.

A YAML file can ask for far more than its size suggests: aliases that expand
a billion times ("billion laughs"), nesting deep enough to exhaust the stack,
or a hundred thousand rules. ``check`` reads the YAML events (no objects are
built) and stops at the first limit crossed, naming the line.
"""

from __future__ import annotations

import yaml

MAX_PACK_BYTES = 8 * 1024 * 1024
MAX_ALIASES = 100
MAX_DEPTH = 32
MAX_RULES = 20_000
RULES_DEPTH = 2  # the rule mappings sit in the top mapping's 'rules' list

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LimitError(ValueError):
    """A limit crossed: ``line`` (1-based) is where."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def check(text: str) -> None:
    """Raise LimitError when a rule pack is too big, too deep, too aliased or has too many rules.

    Invalid YAML is left for the loader to report.
    """
    if len(text) > MAX_PACK_BYTES:
        raise LimitError(1, f"rule pack is larger than {MAX_PACK_BYTES // (1024 * 1024)} MB")
    depth = aliases = rules = 0
    try:
        for event in yaml.parse(text, Loader=_Parser):
            line = event.start_mark.line + 1 if event.start_mark else 0
            if isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise LimitError(line, f"more than {MAX_ALIASES} aliases (*name); is this a 'billion laughs' file?")
            elif isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise LimitError(line, f"nested more than {MAX_DEPTH} levels deep")
                if depth == RULES_DEPTH + 1 and isinstance(event, yaml.MappingStartEvent):
                    rules += 1
                    if rules > MAX_RULES:
                        raise LimitError(line, f"more than {MAX_RULES} rules in one pack; split it into several")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return

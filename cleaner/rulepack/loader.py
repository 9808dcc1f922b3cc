"""Load YAML rule packs into typed Rule objects, with file and line in every error."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from cleaner import inflect, usercache
from cleaner.model import Applicability, Category, Severity
from cleaner.rulepack import limits
from cleaner.rulepack.schema import Examples, FixPair, Rule, RuleDoc, RulePack, Slot

KINDS = ("substitution", "existence", "pattern")
RULE_KEYS = frozenset(
    {
        "id",
        "name",
        "kind",
        "message",
        "category",
        "severity",
        "fix",
        "doc",
        "examples",
        "confidence",
        "ignorecase",
        "inflect",
        "swap",
        "phrases",
        "pattern",
        "replace",
        "require",
        "forbid",
        "aliases",
    }
)
PACK_KEYS = frozenset({"pack", "description", "defaults", "rules"})
ID_RE = re.compile(r"^[A-Z][A-Z0-9]*[0-9]+$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_REGEX = 200


class RuleError(ValueError):
    """An invalid rule file: the message starts with ``file:line:``."""

    def __init__(self, source: str, line: int, message: str) -> None:
        super().__init__(f"{source}:{line}: {message}")
        self.source = source
        self.line = line


class _LineDict(dict[str, Any]):
    line: int = 0


@cache
def _loader() -> type[Any]:
    """A safe YAML loader whose mappings remember the line they start on. Made on first
    use: a start that finds every pack in the cache never imports PyYAML."""
    import yaml

    def construct_mapping(loader: Any, node: yaml.MappingNode) -> _LineDict:
        loader.flatten_mapping(node)
        mapping = _LineDict()
        mapping.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool):
                raise yaml.constructor.ConstructorError(None, None, "keys must be plain text", key_node.start_mark)
            mapping[str(key)] = loader.construct_object(value_node, deep=True)
        return mapping

    loader: type[Any] = type("_Loader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return loader


@cache
def _yaml_version() -> str:
    """PyYAML's version, read from its package without importing it (the cache key of a parsed pack)."""
    spec = importlib.util.find_spec("yaml")
    origin = spec.origin if spec is not None else None
    try:
        text = Path(origin).read_text(encoding="utf-8") if origin else ""
    except OSError:
        text = ""
    found = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", text, re.MULTILINE)
    return found.group(1) if found else "unknown"


def _builtin_folder() -> Path:
    shipped = Path(str(resources.files("cleaner") / "_rules"))
    return shipped if shipped.is_dir() else Path(__file__).resolve().parents[2] / "rules"


def builtin_pack_paths() -> list[Path]:
    """The rule packs shipped with cleaner (inside the wheel, or the checkout's rules/)."""
    return sorted(_builtin_folder().glob("*.yaml"))


def load_packs(paths: Iterable[str | Path]) -> list[RulePack]:
    """Load packs from files and directories of ``*.yaml``; ids must be unique across them."""
    packs: list[RulePack] = []
    seen: dict[str, Rule] = {}
    for raw in paths:
        path = Path(raw)
        files = sorted([*path.glob("*.yaml"), *path.glob("*.yml")]) if path.is_dir() else [path]
        for file in files:
            pack = load_pack(file)
            for rule in pack.rules:
                for key in (rule.id, *rule.aliases):
                    if key in seen:
                        other = seen[key]
                        raise RuleError(
                            rule.source, rule.line, f"rule id {key} is already used at {other.source}:{other.line}"
                        )
                    seen[key] = rule
            packs.append(pack)
    return packs


@cache
def _builtin_sources() -> frozenset[str]:
    return frozenset(str(path.resolve()) for path in builtin_pack_paths())


def is_builtin_pack(path: str | Path) -> bool:
    """Whether a rule pack is one shipped with cleaner (ours and tested, so trusted)."""
    return bool(str(path)) and str(Path(path).resolve()) in _builtin_sources()


def _check_limits(path: str | Path, text: str) -> None:
    """Scan a user's pack for abuse before it is parsed; the built-in packs are ours and tested."""
    if is_builtin_pack(path):
        return
    try:
        limits.check(text)
    except limits.LimitError as exc:
        raise RuleError(str(path), exc.line, str(exc)) from None


def load_pack(path: str | Path) -> RulePack:
    source = str(path)
    try:
        if Path(path).stat().st_size > limits.MAX_PACK_BYTES:
            raise RuleError(source, 1, f"rule pack is larger than {limits.MAX_PACK_BYTES // (1024 * 1024)} MB")
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(source, 0, f"cannot read rule pack: {exc}") from None
    _check_limits(path, text)
    data = _parse(text, source)
    if not isinstance(data, _LineDict):
        raise RuleError(source, 1, "a rule pack is a mapping with a 'rules' list")
    _check_keys(data, PACK_KEYS, source, "rule pack")
    name = str(data.get("pack") or Path(path).stem)
    defaults = data.get("defaults") or _LineDict()
    if not isinstance(defaults, dict):
        raise RuleError(source, data.line, "'defaults' must be a mapping")
    rules_data = data.get("rules")
    if not isinstance(rules_data, list) or not rules_data:
        raise RuleError(source, data.line, "'rules' must be a non-empty list")
    pack = RulePack(name=name, path=source)
    for item in rules_data:
        if not isinstance(item, _LineDict):
            raise RuleError(source, data.line, "each rule must be a mapping")
        pack.rules.append(_parse_rule({**defaults, **item}, item.line, source, name))
    if not is_builtin_pack(path):
        _check_regexes(pack)
    return pack


def _check_regexes(pack: RulePack) -> None:
    """Every slot regex of a user's pack compiles. The built-in packs' are checked by the tests
    (tests/test_rule_loading.py), and the matcher compiles a slot regex the first time a text needs it:
    most runs never do, and skip the ``regex`` module's import (about 0.02 s)."""
    for rule in pack.rules:
        for slot in rule.pattern:
            if not slot.regex:
                continue
            import regex as regex_engine

            try:
                regex_engine.compile(slot.regex)
            except regex_engine.error as exc:
                message = f"rule {rule.id}: slot regex {slot.regex!r} is invalid: {exc}"
                raise RuleError(rule.source, rule.line, message) from None


def _parse(text: str, source: str) -> Any:
    """The pack's YAML as data. Parsing (0.08 s for the built-in packs at every start) is done once:
    the result is kept in cleaner's cache folder under the text's digest, so a changed pack is
    parsed again; CACHE_FORMAT changes whenever what is kept does."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
    copy = usercache.Copy("rulepack", f"{CACHE_FORMAT}-{_yaml_version()}", source, digest)
    found = copy.read()
    if isinstance(found, tuple) and len(found) == 2 and found[0] == CACHE_FORMAT:
        return _thaw(found[1])
    import yaml

    try:
        data = yaml.load(text, Loader=_loader())  # noqa: S506 - _loader() is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise RuleError(source, line, f"invalid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise RuleError(source, 0, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise RuleError(source, 0, "invalid YAML: nested too deeply") from None
    with contextlib.suppress(RecursionError):  # deeper than marshal goes: parsed every time
        copy.write((CACHE_FORMAT, _freeze(data)))
    return data


CACHE_FORMAT = 1
_MAPPING = "\0mapping"  # the mark of a line-numbered mapping in the cache (no YAML tuple starts with it)


def _freeze(value: Any) -> Any:
    """Parsed YAML as plain containers marshal can keep (a mapping's line number in a tuple)."""
    if isinstance(value, _LineDict):
        return (_MAPPING, value.line, {key: _freeze(item) for key, item in value.items()})
    if isinstance(value, list):
        return [_freeze(item) for item in value]
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, tuple) and len(value) == 3 and value[0] == _MAPPING:
        mapping = _LineDict((key, _thaw(item)) for key, item in value[2].items())
        mapping.line = value[1]
        return mapping
    if isinstance(value, list):
        return [_thaw(item) for item in value]
    return value


def _check_keys(data: Mapping[str, Any], allowed: frozenset[str], source: str, what: str) -> None:
    line = getattr(data, "line", 0)
    for key in data:
        if key not in allowed:
            raise RuleError(source, line, f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})")


def _parse_rule(data: dict[str, Any], line: int, source: str, pack: str) -> Rule:
    def fail(message: str) -> RuleError:
        return RuleError(source, line, f"rule {data.get('id', '?')}: {message}")

    _check_keys(_with_line(data, line), RULE_KEYS, source, f"rule {data.get('id', '?')}")
    rule_id = _text(data, "id", fail)
    if not ID_RE.match(rule_id):
        raise fail("id must be upper-case letters then digits, such as TP001")
    name = _text(data, "name", fail)
    if not NAME_RE.match(name):
        raise fail("name must be lower-case words joined by hyphens")
    kind = _text(data, "kind", fail)
    if kind not in KINDS:
        raise fail(f"unknown kind {kind!r} (one of: {', '.join(KINDS)})")
    try:
        category = Category(_text(data, "category", fail))
        severity = Severity.parse(_text(data, "severity", fail))
        applicability = Applicability(str(data.get("fix", "unsafe" if kind != "existence" else "display-only")))
    except ValueError as exc:
        raise fail(str(exc)) from None
    confidence = data.get("confidence", 0.9)
    if not isinstance(confidence, int | float) or not 0 <= confidence <= 1:
        raise fail("confidence must be a number from 0 to 1")
    rule = Rule(
        id=rule_id,
        name=name,
        kind=kind,
        message=_text(data, "message", fail),
        category=category,
        severity=severity,
        applicability=applicability,
        doc=_parse_doc(data.get("doc"), fail),
        examples=_parse_examples(data.get("examples"), fail),
        source=source,
        line=line,
        confidence=float(confidence),
        ignorecase=_flag(data, "ignorecase", True, fail),
        inflect=_flag(data, "inflect", True, fail),
        swap=_parse_swap(data.get("swap"), fail),
        phrases=_strings(data.get("phrases"), "phrases", fail),
        pattern=_parse_pattern(data.get("pattern"), fail),
        replace=_strings(data.get("replace"), "replace", fail),
        require=_strings(data.get("require"), "require", fail),
        forbid=_strings(data.get("forbid"), "forbid", fail),
        aliases=_strings(data.get("aliases"), "aliases", fail),
        pack=pack,
    )
    _check_kind(rule, fail)
    return rule


def _with_line(data: dict[str, Any], line: int) -> _LineDict:
    out = _LineDict(data)
    out.line = line
    return out


def _check_kind(rule: Rule, fail: Any) -> None:
    {"substitution": _check_substitution, "existence": _check_existence, "pattern": _check_pattern}[rule.kind](
        rule, fail
    )


def _check_substitution(rule: Rule, fail: Any) -> None:
    if not rule.swap:
        raise fail("a substitution rule needs 'swap' (phrase: replacement)")
    if rule.applicability is Applicability.SAFE and any(len(t) > 1 for _, t in rule.swap):
        raise fail("a rewrite with several candidates is never safe: use fix: unsafe")


def _check_existence(rule: Rule, fail: Any) -> None:
    if not rule.phrases:
        raise fail("an existence rule needs 'phrases'")
    if rule.applicability is not Applicability.DISPLAY_ONLY:
        raise fail("an existence rule has no rewrite: its fix must be display-only")


def _check_pattern(rule: Rule, fail: Any) -> None:
    if not rule.pattern:
        raise fail("a pattern rule needs 'pattern' (a list of token slots)")
    core = [slot for slot in rule.pattern if not slot.lookaround]
    if not core:
        raise fail("a pattern needs at least one slot besides 'before_not'/'after_not'")
    for index, slot in enumerate(rule.pattern):
        if slot.lookaround == "before" and index != 0:
            raise fail("a 'before_not' slot must come first")
        if slot.lookaround == "after" and index != len(rule.pattern) - 1:
            raise fail("an 'after_not' slot must come last")
    for template in rule.replace:
        for ref in re.findall(r"\{(\d+)(?:\|[^}]+)?\}", template):
            if not 1 <= int(ref) <= len(core):
                raise fail(f"replace refers to slot {{{ref}}}, but the pattern has {len(core)} word slots")
    if rule.applicability is Applicability.SAFE and len(rule.replace) > 1:
        raise fail("a rewrite with several candidates is never safe: use fix: unsafe")


def _text(data: Mapping[str, Any], key: str, fail: Any) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise fail(f"'{key}' is required and must be text")
    return value.strip()


def _flag(data: Mapping[str, Any], key: str, default: bool, fail: Any) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise fail(f"'{key}' must be true or false")
    return value


def _strings(value: Any, key: str, fail: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"'{key}' must be a list of text")
    return tuple(v.strip() for v in value)


def _parse_doc(value: Any, fail: Any) -> RuleDoc:
    if not isinstance(value, dict):
        raise fail("'doc' is required: a mapping with what, why and instead")
    parts = {key: value.get(key) for key in ("what", "why", "instead")}
    for key, text in parts.items():
        if not isinstance(text, str) or not text.strip():
            raise fail(f"doc.{key} is required and must be text")
    what, why, instead = (str(parts[key]).strip() for key in ("what", "why", "instead"))
    return RuleDoc(what=what, why=why, instead=instead)


def _parse_examples(value: Any, fail: Any) -> Examples:
    if not isinstance(value, dict):
        raise fail("'examples' is required: a mapping with fail, pass and fix lists")
    pairs: list[FixPair] = []
    for item in value.get("fix") or []:
        if isinstance(item, list) and len(item) == 2 and all(isinstance(v, str) for v in item):
            pairs.append(FixPair(item[0], item[1]))
        elif isinstance(item, dict) and isinstance(item.get("input"), str) and isinstance(item.get("output"), str):
            pairs.append(FixPair(item["input"], item["output"]))
        else:
            raise fail("each examples.fix item is [before, after] or {input, output}")
    examples = Examples(
        fail=_strings(value.get("fail"), "examples.fail", fail),
        passing=_strings(value.get("pass"), "examples.pass", fail),
        fix=tuple(pairs),
    )
    if not examples.fail:
        raise fail("examples.fail needs at least one text the rule flags")
    return examples


def _parse_swap(value: Any, fail: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise fail("'swap' must be a mapping of phrase: replacement (or a list of replacements)")
    out = []
    for phrase, target in value.items():
        targets = _strings(target, f"swap.{phrase}", fail)
        if not targets or not str(phrase).strip():
            raise fail(f"swap entry {phrase!r} needs a phrase and at least one replacement")
        out.append((str(phrase).strip(), targets))
    return tuple(out)


def _parse_pattern(value: Any, fail: Any) -> tuple[Slot, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        raise fail("'pattern' must be a list of slots")
    return tuple(_parse_slot(item, fail) for item in value)


def _parse_lookaround(item: dict[str, Any], fail: Any) -> Slot | None:
    for key, side in (("before_not", "before"), ("after_not", "after")):
        if key in item:
            if len(item) > 1:
                raise fail(f"a '{key}' slot takes no other key")
            words = frozenset(w.strip().lower() for w in str(item[key]).split("|") if w.strip())
            return Slot(words=words, negate=True, lookaround=side)
    return None


def _parse_slot(item: Any, fail: Any) -> Slot:
    if isinstance(item, str):
        return Slot(words=frozenset(w.strip().lower() for w in item.split("|") if w.strip()))
    if not isinstance(item, dict):
        raise fail(f"a pattern slot is a word, 'a|b' alternatives, or a mapping; got {item!r}")
    allowed = {"word", "inflect", "regex", "any", "not", "before_not", "after_not"}
    unknown = set(item) - allowed
    if unknown:
        raise fail(f"unknown slot key(s) {', '.join(sorted(unknown))} (allowed: {', '.join(sorted(allowed))})")
    lookaround = _parse_lookaround(item, fail)
    if lookaround is not None:
        return lookaround
    words: set[str] = set()
    for key in ("word", "inflect", "not"):
        if key in item:
            words.update(w.strip().lower() for w in str(item[key]).split("|") if w.strip())
    bases = frozenset(w.strip().lower() for w in str(item.get("inflect", "")).split("|") if w.strip())
    for base in bases:
        words.update(inflect.variants(base))
    regex = ""
    if "regex" in item:
        regex = str(item["regex"])
        if len(regex) > MAX_REGEX:
            raise fail(f"slot regex longer than {MAX_REGEX} characters")
    return Slot(words=frozenset(words), regex=regex, negate="not" in item, bases=bases)

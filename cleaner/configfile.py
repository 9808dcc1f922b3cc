"""Configuration files: ``[tool.cleaner]`` in pyproject.toml, or a ``.cleaner.toml``.

The file is found by walking up from the working directory (``.cleaner.toml``
wins over a pyproject.toml in the same directory; a pyproject.toml without
``[tool.cleaner]`` is passed over). Every key is checked: an unknown key, a
value of the wrong type or a file that is not valid TOML is a ``ConfigError``
naming the key and the file. Paths in the file are relative to the file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.config import Override
from cleaner.model import Severity
from cleaner.readability import METRICS

CONFIG_NAMES = (".cleaner.toml", "pyproject.toml")
LANGUAGETOOL_WORDS = ("off", "auto")


class ConfigError(ValueError):
    """A configuration file cleaner cannot use; the message names the file (and key)."""


@dataclass(frozen=True, slots=True)
class ConfigFile:
    path: Path
    table: dict[str, Any]

    @property
    def root(self) -> Path:
        return self.path.parent


def find(start: Path | None = None) -> Path | None:
    """The nearest configuration file at or above ``start`` (default: the working directory)."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        dotfile = directory / ".cleaner.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _has_cleaner_table(pyproject):
            return pyproject
    return None


def _has_cleaner_table(path: Path) -> bool:
    data = _parse(path)
    return "tool" in data and "cleaner" in _table(data["tool"], "tool", path)


def read(path: Path) -> ConfigFile:
    """Parse a configuration file into its cleaner table (not yet checked key by key)."""
    data = _parse(path)
    if path.name != "pyproject.toml":
        return ConfigFile(path, data)
    tool = _table(data.get("tool", {}), "tool", path)
    return ConfigFile(path, _table(tool.get("cleaner", {}), "tool.cleaner", path))


def _parse(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def _table(value: object, key: str, path: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: `{key}` must be a table, not {_type_name(value)}")
    return value


def _type_name(value: object) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array"}
    return names.get(type(value), "a table" if isinstance(value, dict) else type(value).__name__)


def load(path: Path | None = None, start: Path | None = None) -> tuple[dict[str, Any], Path | None]:
    """Settings field values from ``path`` (or the file ``find`` finds), and the file used."""
    found = path or find(start)
    if found is None:
        return {}, None
    config = read(found)
    return Parser(config).settings_values(), found


class Parser:
    """Checks one file's table key by key and turns it into Settings field values."""

    def __init__(self, config: ConfigFile) -> None:
        self.config = config
        self.prefix = "tool.cleaner." if config.path.name == "pyproject.toml" else ""

    def error(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"{self.config.path}: `{self.prefix}{key}` {message}")

    def settings_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for raw_key, value in self.config.table.items():
            key = raw_key.replace("_", "-")
            handler = TOP_LEVEL.get(key)
            if handler is None:
                hint = " (in .cleaner.toml keys stand at top level, without [tool.cleaner])" if key == "tool" else ""
                raise ConfigError(f"{self.config.path}: unknown key `{self.prefix}{raw_key}`{hint}")
            handler(self, raw_key, value, values)
        return values

    # Typed readers: each names the key, the type it wanted and the file.
    def string(self, key: str, value: object) -> str:
        if not isinstance(value, str):
            raise self.error(key, f"must be a string, not {_type_name(value)}")
        return value

    def strings(self, key: str, value: object) -> tuple[str, ...]:
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(key, f"must be an array of strings, not {_type_name(value)}")
        return tuple(value)

    def boolean(self, key: str, value: object) -> bool:
        if not isinstance(value, bool):
            raise self.error(key, f"must be a boolean (true or false), not {_type_name(value)}")
        return value

    def severity(self, key: str, value: object) -> Severity:
        try:
            return Severity.parse(self.string(key, value))
        except ValueError as exc:
            raise self.error(key, str(exc)) from None

    def paths(self, key: str, value: object) -> tuple[str, ...]:
        return tuple(str(self.config.root / p) for p in self.strings(key, value))

    def rules(self, key: str, value: object) -> tuple[dict[str, Severity], tuple[str, ...], tuple[str, ...]]:
        """``{ID or category: "off" | "on" | severity | bool}`` -> (levels, turned off, turned on)."""
        table = _named_table(self, key, value)
        levels: dict[str, Severity] = {}
        off: list[str] = []
        on: list[str] = []
        for name, given in table.items():
            level = ("on" if given else "off") if isinstance(given, bool) else given  # TP003 = false
            word = self.string(f"{key}.{name}", level).strip().lower()
            if word == "off":
                off.append(name)
            elif word == "on":
                on.append(name)
            else:
                levels[name] = self.severity(f"{key}.{name}", level)
        return levels, tuple(off), tuple(on)

    def readability(self, key: str, value: object) -> dict[str, float]:
        thresholds: dict[str, float] = {}
        for name, limit in _named_table(self, key, value).items():
            metric = name.replace("-", "_")
            if metric not in METRICS:
                expected = ", ".join(METRICS)
                raise self.error(f"{key}.{name}", f"is not a readability metric (expected one of: {expected})")
            if isinstance(limit, bool) or not isinstance(limit, int | float):
                raise self.error(f"{key}.{name}", f"must be a number, not {_type_name(limit)}")
            thresholds[metric] = float(limit)
        return thresholds


def _named_table(parser: Parser, key: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise parser.error(key, f"must be a table, not {_type_name(value)}")
    return value


Handler = Callable[[Parser, str, Any, dict[str, Any]], None]


def _severity_key(field: str) -> Handler:
    def handle(parser: Parser, key: str, value: Any, out: dict[str, Any]) -> None:
        out[field] = parser.severity(key, value)

    return handle


def _strings_key(field: str) -> Handler:
    def handle(parser: Parser, key: str, value: Any, out: dict[str, Any]) -> None:
        out[field] = parser.strings(key, value)

    return handle


def _paths_key(field: str) -> Handler:
    def handle(parser: Parser, key: str, value: Any, out: dict[str, Any]) -> None:
        out[field] = parser.paths(key, value)

    return handle


def _bool_key(field: str, invert: bool = False) -> Handler:
    def handle(parser: Parser, key: str, value: Any, out: dict[str, Any]) -> None:
        out[field] = parser.boolean(key, value) != invert

    return handle


def _rules(parser: Parser, key: str, value: Any, out: dict[str, Any]) -> None:
    levels, off, _on = parser.rules(key, value)
    out["severity_overrides"] = levels
    out["disabled"] = off


def _readability(parser: Parser, key: str, value: Any, out: dict[str, Any]) -> None:
    out["readability"] = parser.readability(key, value)


def _languagetool(parser: Parser, key: str, value: Any, out: dict[str, Any]) -> None:
    setting = parser.string(key, value).strip()
    if setting.lower() not in LANGUAGETOOL_WORDS and not setting.startswith(("http://", "https://")):
        raise parser.error(key, f"must be off, auto or the URL of a LanguageTool server, not {setting!r}")
    out["languagetool"] = setting.lower() if setting.lower() in LANGUAGETOOL_WORDS else setting


def _jobs(parser: Parser, key: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise parser.error(key, f"must be a whole number of 0 or more (0: one per CPU), not {value!r}")
    out["jobs"] = value


def _encoding(parser: Parser, key: str, value: Any, out: dict[str, Any]) -> None:
    out["encoding"] = parser.string(key, value)


def _baseline(parser: Parser, key: str, value: Any, out: dict[str, Any]) -> None:
    out["baseline"] = str(parser.config.root / parser.string(key, value))


OVERRIDE_KEYS = frozenset({"files", "select", "ignore", "rules", "min-severity", "readability"})


def _overrides(parser: Parser, key: str, value: Any, out: dict[str, Any]) -> None:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise parser.error(key, f"must be an array of tables ([[{parser.prefix}{key}]]), not {_type_name(value)}")
    out["overrides"] = tuple(_override(parser, f"{key}[{i}]", table) for i, table in enumerate(value))


def _override(parser: Parser, key: str, table: dict[str, Any]) -> Override:
    for name in table:
        if name.replace("_", "-") not in OVERRIDE_KEYS:
            raise ConfigError(f"{parser.config.path}: unknown key `{parser.prefix}{key}.{name}`")
    if "files" not in table:
        raise parser.error(key, "needs `files`, the globs it applies to")
    levels, off, on = parser.rules(f"{key}.rules", table.get("rules", {}))
    minimum = table.get("min-severity", table.get("min_severity"))
    return Override(
        files=parser.strings(f"{key}.files", table["files"]),
        root=str(parser.config.root),
        select=parser.strings(f"{key}.select", table.get("select", [])),
        ignore=parser.strings(f"{key}.ignore", table.get("ignore", [])) + off,
        enable=on,
        severity_overrides=levels,
        min_severity=None if minimum is None else parser.severity(f"{key}.min-severity", minimum),
        readability=parser.readability(f"{key}.readability", table.get("readability", {})),
    )


TOP_LEVEL: dict[str, Handler] = {
    "min-severity": _severity_key("min_severity"),
    "fail-on": _severity_key("fail_on"),
    "select": _strings_key("select"),
    "ignore": _strings_key("ignore"),
    "rules": _rules,
    "extra-rules": _paths_key("rule_paths"),
    "builtin-rules": _bool_key("builtin_rules"),
    "phrase-tables": _paths_key("phrase_tables"),
    "vocabulary-accept": _paths_key("vocabulary_accept"),
    "vocabulary-reject": _paths_key("vocabulary_reject"),
    "overrides": _overrides,
    "readability": _readability,
    "languagetool": _languagetool,
    "spin": _bool_key("spin"),
    "jobs": _jobs,
    "encoding": _encoding,
    "baseline": _baseline,
}

"""Rule packs: YAML files of rules, validated into typed objects at load time."""

from cleaner.rulepack.loader import RuleError, builtin_pack_paths, load_pack, load_packs
from cleaner.rulepack.schema import Examples, FixPair, Rule, RuleDoc, RulePack

__all__ = [
    "Examples",
    "FixPair",
    "Rule",
    "RuleDoc",
    "RuleError",
    "RulePack",
    "builtin_pack_paths",
    "load_pack",
    "load_packs",
]

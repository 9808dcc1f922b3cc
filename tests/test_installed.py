from __future__ import annotations

import sys

from cleaner.installed import package_dir


def test_package_dir_finds_an_installed_package_without_importing_it() -> None:
    imported_before = "pip" in sys.modules  # pip is in every virtual environment; the tests never import it
    found = package_dir("pip")
    assert found is not None and (found / "__init__.py").exists()
    assert ("pip" in sys.modules) == imported_before


def test_package_dir_is_none_for_what_is_not_installed_or_not_a_package() -> None:
    assert package_dir("cleaner_no_such_package") is None
    assert package_dir("json.decoder") is None  # a module, not a folder
    assert package_dir("") is None

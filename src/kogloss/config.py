"""Project configuration: ``[tool.kogloss]`` in ``pyproject.toml`` or a ``kogloss.yaml``.

Found as ruff and most linters find theirs: from the working directory upward, the first
``kogloss.yaml`` (or ``.kogloss.yaml``), or ``pyproject.toml`` holding a ``[tool.kogloss]``
table, wins; command-line options override what it says. Paths in it (the glossary) are
relative to the file that names them. Every mistake in it is an InputError naming the file and
the key, so a typo never silently turns a rule off.

.. code-block:: toml

    [tool.kogloss]
    glossary = "glossary/"
    ignore = ["boilerplate"]
    fail-on = "warning"
    exclude = ["drafts/*"]

    [tool.kogloss.rules.acronym-first-use]
    severity = "error"
    extend-allow = ["KOICA"]
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kogloss.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

CONFIG_NAMES = ("kogloss.yaml", ".kogloss.yaml", "pyproject.toml")
FAIL_ON = ("info", "warning", "error", "never")
SEVERITIES = ("info", "warning", "error")

_LIST_KEYS = ("select", "ignore", "include", "exclude")
_KNOWN_KEYS = {"glossary", "fail-on", "rules", *_LIST_KEYS}


@dataclass
class Config:
    """What a config file says; empty (all defaults) when there is none."""

    path: str | None = None
    glossary: str | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: str | None = None
    severities: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)


def find_config(start: str | Path = ".") -> Path | None:
    """The config file that applies in ``start``: the nearest one upward.

    Walked with ``os.path`` (``realpath`` is what ``Path.resolve`` does): a run in a folder
    with no config never imports pathlib (and urllib, ipaddress), 3 ms of start-up."""
    directory = os.path.realpath(start)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if not os.path.isfile(candidate):
                continue
            if name != "pyproject.toml" or _has_tool_table(candidate):
                from pathlib import Path

                return Path(candidate)
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def load_config(path: str | Path) -> Config:
    """Read and validate one config file."""
    from pathlib import Path

    path = Path(path)
    table = _read_table(path)
    return _validate(table, str(path))


def _has_tool_table(path: str | Path) -> bool:
    return "kogloss" in _read_toml(path).get("tool", {})


def _read_toml(path: str | Path) -> dict[str, Any]:
    import tomllib  # here: a run with --no-config, or with no pyproject.toml, reads no TOML

    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise InputError(str(path), f"invalid TOML: {error}") from None
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror or error}") from None


def _read_table(path: Path) -> dict[str, Any]:
    if path.name == "pyproject.toml":
        table = _read_toml(path).get("tool", {}).get("kogloss", {})
    else:
        import yaml  # only a kogloss.yaml needs it: 9 ms of start-up otherwise

        try:
            table = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            column = mark.column + 1 if mark is not None else None
            problem = getattr(error, "problem", None) or str(error)
            raise InputError(str(path), f"invalid YAML: {problem}", line, column) from None
        except OSError as error:
            raise InputError(str(path), f"cannot read: {error.strerror or error}") from None
        except UnicodeDecodeError:
            raise InputError(str(path), "not UTF-8 text") from None
    if not isinstance(table, dict):
        raise InputError(str(path), "the kogloss configuration must be a table (mapping)")
    return table


def _validate(table: dict[str, Any], where: str) -> Config:
    config = Config(path=where)
    for key, value in table.items():
        name = str(key).replace("_", "-")
        if name not in _KNOWN_KEYS:
            known = ", ".join(sorted(_KNOWN_KEYS))
            raise InputError(where, f"unknown key {key!r} (known keys: {known})")
        if name in _LIST_KEYS:
            setattr(config, name, _string_list(value, name, where))
        elif name == "glossary":
            if not isinstance(value, str):
                raise InputError(where, "'glossary' must be a path (a string)")
            from pathlib import Path

            config.glossary = str(Path(where).parent / value)
        elif name == "fail-on":
            config.fail_on = _choice(value, FAIL_ON, "fail-on", where)
        else:
            _rule_tables(config, value, where)
    return config


def _rule_tables(config: Config, value: Any, where: str) -> None:
    if not isinstance(value, dict):
        raise InputError(where, "'rules' must be a table of rule ids")
    for rule_id, options in value.items():
        if not isinstance(options, dict):
            raise InputError(where, f"'rules.{rule_id}' must be a table of options")
        converted: dict[str, Any] = {}
        for option, setting in options.items():
            option_name = str(option).replace("-", "_")
            if option_name == "severity":
                config.severities[rule_id] = _choice(
                    setting, SEVERITIES, f"rules.{rule_id}.severity", where
                )
            else:
                converted[option_name] = setting
        config.options[rule_id] = converted


def _string_list(value: Any, key: str, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(where, f"{key!r} must be a list of strings")
    return list(value)


def _choice(value: Any, choices: tuple[str, ...], key: str, where: str) -> str:
    if not isinstance(value, str) or value.lower() not in choices:
        raise InputError(where, f"{key!r} must be one of {', '.join(choices)} (got {value!r})")
    return value.lower()

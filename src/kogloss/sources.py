"""Which English release translates which Korean original.

Either named on the command line (``--source``), or found by the naming convention
``x.en.txt`` beside ``x.ko.txt`` (any extension; ``x.txt`` also pairs with ``x.ko.txt``).
Korean files given as inputs are originals, never English releases.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from kogloss.errors import InputError

_KOREAN_NAME = re.compile(r"^(?P<stem>.+)\.ko(?P<ext>\.[^.]+)$")
_ENGLISH_NAME = re.compile(r"^(?P<stem>.+?)(?:\.en)?(?P<ext>\.[^.]+)$")


def is_korean_name(path: str) -> bool:
    return bool(_KOREAN_NAME.match(os.path.basename(path)))


def korean_partner(english_path: str) -> str | None:
    """``x.ko.txt`` for ``x.en.txt`` or ``x.txt``, when it exists."""
    directory, name = os.path.split(english_path)
    match = _ENGLISH_NAME.match(name)
    if match is None:
        return None
    candidate = os.path.join(directory, f"{match['stem']}.ko{match['ext']}")
    return candidate if os.path.isfile(candidate) else None


def pair_sources(
    paths: Sequence[str], sources: Sequence[str] = ()
) -> tuple[list[str], list[tuple[str, str]]]:
    """English paths, and (Korean, English) path pairs.

    ``sources`` pair with the English inputs one for one, in order (a single source with a
    single release); without them, Korean files among ``paths`` and ``x.ko.*`` files beside the
    English ones pair by name.
    """
    english = [path for path in paths if not is_korean_name(path)]
    if sources:
        if len(sources) != len(english):
            raise InputError(
                sources[0],
                f"{len(sources)} --source file(s) for {len(english)} English release(s): "
                "give one Korean original per release, in the same order",
            )
        return english, list(zip(sources, english, strict=True))
    pairs = []
    for path in english:
        partner = korean_partner(path)
        if partner is not None:
            pairs.append((partner, path))
    return english, pairs

"""Which writing systems a stretch of text uses, counted at C speed with regular expressions.

Hangul, Han and Cyrillic are decided by their characters, never by a language model: a model
has no class for "mixed" and calls romanized Korean names Tagalog or Dutch.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kogloss import _native

# The compiled letter count (see script_profile), or None: the regular expressions count.
_NATIVE = _native.load("scripts")

HANGUL_CHARS = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"
HAN_CHARS = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff"
LATIN_CHARS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
CYRILLIC_CHARS = "\u0400-\u04ff\u0500-\u052f"

_HANGUL = re.compile(f"[{HANGUL_CHARS}]+")
_HAN = re.compile(f"[{HAN_CHARS}]+")
_LATIN = re.compile(f"[{LATIN_CHARS}]+")
_CYRILLIC = re.compile(f"[{CYRILLIC_CHARS}]+")
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_ASCII = bytes(range(128))
_NON_LETTERS = re.compile(r"[\W\d_]+")

# A run of a foreign script: its characters with the spaces, hyphens, digits and middle dots
# between them ("한-중앙아 협력 포럼"), but no trailing separators.
HANGUL_RUN = re.compile(
    f"[{HANGUL_CHARS}](?:[{HANGUL_CHARS}\\d·・\\-–]|[ \u00a0](?=[{HANGUL_CHARS}\\d]))*"
)
HAN_RUN = re.compile(f"[{HAN_CHARS}](?:[{HAN_CHARS}]|[ \u00a0](?=[{HAN_CHARS}]))*")
CYRILLIC_RUN = re.compile(f"[{CYRILLIC_CHARS}]+(?:[ \u00a0\\-][{CYRILLIC_CHARS}]+)*")


class ScriptProfile(NamedTuple):
    """Letters of each script in a segment (digits and punctuation are not counted).

    A named tuple, not a frozen dataclass: detect makes one per paragraph, and a frozen
    dataclass costs three times as much to make.
    """

    hangul: int = 0
    latin: int = 0
    han: int = 0
    cyrillic: int = 0
    other: int = 0

    @property
    def letters(self) -> int:
        return self.hangul + self.latin + self.han + self.cyrillic + self.other

    def share(self, script: str) -> float:
        total = self.letters
        return getattr(self, script) / total if total else 0.0

    def to_dict(self) -> dict[str, int]:
        return self._asdict()


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(map(len, pattern.findall(text)))


def script_profile(text: str) -> ScriptProfile:
    """Count letters per script.

    ASCII letters are counted in C with ``bytes.translate``; only the (usually few) non-ASCII
    characters go through the per-script regular expressions. The C accelerator counts the
    same in one pass over the characters (documents are profiled whole: 10 MB for a thousand
    releases).
    """
    if _NATIVE is not None:
        return ScriptProfile._make(_NATIVE.script_counts(text))
    data = text.encode("utf-8", "surrogatepass")  # a str may hold lone surrogates
    without_letters = data.translate(None, _ASCII_LETTERS)
    ascii_letters = len(data) - len(without_letters)
    if len(data) == len(text):
        return ScriptProfile(latin=ascii_letters)
    # The non-ASCII characters, in order: deleting the ASCII bytes leaves their UTF-8 intact
    # (deleted from the bytes left without letters, a fraction of the text's).
    non_ascii = without_letters.translate(None, _ASCII).decode("utf-8", "surrogatepass")
    letters = _NON_LETTERS.sub("", non_ascii)
    if not letters:  # curly quotes and dashes in English text
        return ScriptProfile(latin=ascii_letters)
    hangul = _count(_HANGUL, letters)
    latin = _count(_LATIN, letters)
    han = _count(_HAN, letters)
    cyrillic = _count(_CYRILLIC, letters)
    other = len(letters) - hangul - latin - han - cyrillic
    return ScriptProfile(hangul, ascii_letters + latin, han, cyrillic, other)


def has_hangul(text: str) -> bool:
    return _HANGUL.search(text) is not None

"""Input that would give a silent garbage alignment: refused or flagged before the search.

Swapped files (English given as the Korean side), an empty side, one side far longer than a
translation can be, and raw text without sentence punctuation all still "align" numerically;
the user must hear about them instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from kogloss.align.features import english_length, korean_length
from kogloss.document import Document
from kogloss.errors import InputError
from kogloss.scripts import script_profile
from kogloss.segment import Segment

_FAR_LONGER = 2.0
_MIN_HANGUL_SHARE = 0.3
_MAX_ENGLISH_HANGUL_SHARE = 0.3


def check_inputs(
    korean: Document,
    english: Document,
    ko_segments: Sequence[Segment],
    en_segments: Sequence[Segment],
) -> list[str]:
    """Raise :class:`InputError` for input that cannot be aligned; return warnings for input
    that can, but whose alignment deserves suspicion."""
    for document, segments, side in ((korean, ko_segments, "Korean"), (english, en_segments, "English")):
        if not segments:
            raise InputError(document.path, f"the {side} side has no text to align")
    ko_profile = script_profile(korean.text)
    en_profile = script_profile(english.text)
    ko_hangul = ko_profile.share("hangul")
    en_hangul = en_profile.share("hangul")
    if ko_hangul < _MIN_HANGUL_SHARE and en_hangul >= _MIN_HANGUL_SHARE:
        raise InputError(
            korean.path,
            "this looks like the English side and the other file like the Korean: "
            "give the Korean release first (kogloss align KO EN)",
        )
    if ko_hangul < _MIN_HANGUL_SHARE:
        raise InputError(
            korean.path,
            f"the Korean side is only {ko_hangul:.0%} Hangul: is this the Korean release?",
        )
    if en_hangul > _MAX_ENGLISH_HANGUL_SHARE:
        raise InputError(
            english.path,
            f"the English side is {en_hangul:.0%} Hangul: is this the English translation?",
        )
    warnings: list[str] = []
    expected = sum(korean_length(segment.text) for segment in ko_segments)
    actual = sum(english_length(segment.text) for segment in en_segments)
    ratio = actual / expected if expected else 0.0
    if ratio > _FAR_LONGER:
        warnings.append(
            f"{english.path}: the English is {ratio:.1f} times as long as the Korean suggests: "
            "one side may be another release, or the Korean may be cut short"
        )
    elif ratio and ratio < 1 / _FAR_LONGER:
        warnings.append(
            f"{korean.path}: the Korean is {1 / ratio:.1f} times as long as the English "
            "suggests: the translation may be partial or of another release"
        )
    for document, segments in ((korean, ko_segments), (english, en_segments)):
        if _unpunctuated(segments):
            warnings.append(
                f"{document.path}: no sentence punctuation, so each paragraph is one segment "
                "and the alignment is coarse (if the file has one segment per line, use --lines)"
            )
    return warnings


def _unpunctuated(segments: Sequence[Segment]) -> bool:
    """Long segments and not one segment that ends like a sentence."""
    if not any(len(segment.text) > 200 for segment in segments):
        return False
    return not any(
        segment.text.rstrip("\"'”’)」 ").endswith((".", "?", "!", "。")) for segment in segments
    )

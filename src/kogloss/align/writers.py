"""An alignment written out: TSV (hunalign's columns), JSON, TMX 1.4b for CAT tools, and a
view for the terminal that puts low-confidence links and warnings where an editor sees them.

Every writer returns a string and is deterministic (no time stamps), so the same input gives
the same file byte for byte.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import escape, quoteattr

from kogloss import __version__
from kogloss.align import LOW_CONFIDENCE, Alignment, Link

FORMATS = ("tsv", "json", "tmx", "text")


def _side_text(alignment: Alignment, link: Link, korean: bool) -> str:
    segments = alignment.ko_segments if korean else alignment.en_segments
    indices = link.ko if korean else link.en
    return " ".join(" ".join(segments[index].text.split()) for index in indices)


def to_tsv(alignment: Alignment) -> str:
    """One line per link: Korean text, English text, score (hunalign's text output).
    Merged segments are joined with a space; an omission or addition leaves a column empty."""
    rows = [
        f"{_side_text(alignment, link, True)}\t{_side_text(alignment, link, False)}\t"
        f"{link.score:.3f}"
        for link in alignment.links
    ]
    return "\n".join(rows) + ("\n" if rows else "")


def to_json(alignment: Alignment) -> str:
    """``{"links": [{"ko": [...], "en": [...], "score": s, ...}], ...}`` in document order."""
    payload = {
        "ko_path": alignment.korean.path,
        "en_path": alignment.english.path,
        "links": [
            {
                **link.to_dict(),
                "ko_text": _side_text(alignment, link, True),
                "en_text": _side_text(alignment, link, False),
            }
            for link in alignment.links
        ],
        "low_confidence": [
            {"links": [stretch.first_link, stretch.last_link], "ko": list(stretch.ko), "en": list(stretch.en)}
            for stretch in alignment.low_confidence()
        ],
        "warnings": alignment.warnings,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def to_tmx(alignment: Alignment, keep_unlinked: bool = False) -> str:
    """TMX 1.4b with ``srclang="ko"``: one translation unit per link.

    Omissions and additions are left out (a CAT tool would offer an empty translation), unless
    ``keep_unlinked`` asks for them, marked with ``<prop type="x-kogloss-link">``.
    """
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        f'  <header creationtool="kogloss" creationtoolversion={quoteattr(__version__)} '
        'segtype="sentence" o-tmf="kogloss" adminlang="en" srclang="ko" datatype="plaintext"/>',
        "  <body>",
    ]
    for link in alignment.links:
        if not (link.ko and link.en) and not keep_unlinked:
            continue
        lines.append("    <tu>")
        lines.append(f'      <prop type="x-kogloss-score">{link.score:.3f}</prop>')
        if not (link.ko and link.en):
            kind = "omission" if link.ko else "addition"
            lines.append(f'      <prop type="x-kogloss-link">{kind}</prop>')
        for language, korean in (("ko", True), ("en", False)):
            text = escape(_side_text(alignment, link, korean))
            lines.append(f'      <tuv xml:lang="{language}"><seg>{text}</seg></tuv>')
        lines.append("    </tu>")
    lines += ["  </body>", "</tmx>"]
    return "\n".join(lines) + "\n"


def to_text(alignment: Alignment, threshold: float = LOW_CONFIDENCE) -> str:
    """The human view: each link with its segment numbers (0-based, as in the JSON and TSV),
    confidence, and both texts; low-confidence links flagged with ``?``; a summary at the end."""
    out: list[str] = []
    for link in alignment.links:
        flag = "?" if link.confidence < threshold else " "
        ko_numbers = _numbers(link.ko)
        en_numbers = _numbers(link.en)
        out.append(
            f"{flag} ko {ko_numbers:<7} en {en_numbers:<7} {link.shape}  "
            f"confidence {link.confidence:.2f}"
        )
        out.append(f"    KO  {_side_text(alignment, link, True) or '(no Korean source)'}")
        out.append(f"    EN  {_side_text(alignment, link, False) or '(not translated)'}")
    stretches = alignment.low_confidence(threshold)
    omissions = sum(1 for link in alignment.links if not link.en)
    additions = sum(1 for link in alignment.links if not link.ko)
    out.append("")
    out.append(
        f"{len(alignment.ko_segments)} Korean and {len(alignment.en_segments)} English segments, "
        f"{len(alignment.links)} links ({omissions} without translation, {additions} without "
        f"source), {len(stretches)} low-confidence stretch{'es' if len(stretches) != 1 else ''}"
    )
    for stretch in stretches:
        out.append(f"  look at: ko {_numbers(stretch.ko)} / en {_numbers(stretch.en)}")
    out.extend(f"warning: {warning}" for warning in alignment.warnings)
    return "\n".join(out) + "\n"


def _numbers(indices: tuple[int, ...]) -> str:
    if not indices:
        return "-"
    if len(indices) == 1:
        return str(indices[0])
    return f"{indices[0]}-{indices[-1]}"


def render_alignment(alignment: Alignment, output_format: str) -> str:
    """The alignment in one of :data:`FORMATS`."""
    writers = {"tsv": to_tsv, "json": to_json, "tmx": to_tmx, "text": to_text}
    if output_format not in writers:
        raise ValueError(f"unknown format {output_format!r} (choose from {', '.join(FORMATS)})")
    return writers[output_format](alignment)

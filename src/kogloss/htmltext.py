"""Text of a saved web page, one block per line, with every character's place in the source.

The standard library's HTML parser is used rather than a faster C parser because it reports
where each piece of text sits in the file: a finding on a scraped page must still open at the
right line of the ``.html`` the user has. Menus and footers are kept on purpose: they are what
the boilerplate rule is there to show.
"""

from __future__ import annotations

from array import array
from html.entities import name2codepoint
from html.parser import HTMLParser

# Elements whose start or end begins a new block (a paragraph of the extracted text).
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul option legend".split()
)
# Elements whose content is never text a reader sees.
SKIPPED_TAGS = frozenset("script style noscript template svg head iframe object".split())


class _BlockCollector(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self._line_starts = [0]
        index = source.find("\n")
        while index >= 0:
            self._line_starts.append(index + 1)
            index = source.find("\n", index + 1)
        self.blocks: list[tuple[str, list[int]]] = []
        self._chars: list[str] = []
        self._offsets: list[int] = []
        self._pending_space: int | None = None
        self._skip_depth = 0

    def _here(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _end_block(self) -> None:
        if self._chars:
            self.blocks.append(("".join(self._chars), self._offsets))
        self._chars, self._offsets = [], []
        self._pending_space = None

    def _append(self, text: str, offsets: list[int]) -> None:
        for char, offset in zip(text, offsets, strict=True):
            if char.isspace():
                if self._chars and self._pending_space is None:
                    self._pending_space = offset
                continue
            if self._pending_space is not None:
                self._chars.append(" ")
                self._offsets.append(self._pending_space)
                self._pending_space = None
            self._chars.append(char)
            self._offsets.append(offset)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:  # none of them is a void element: each has an end tag
            self._skip_depth += 1
        elif tag in BLOCK_TAGS or tag == "br":
            self._end_block()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS or tag == "br":
            self._end_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag in BLOCK_TAGS:
            self._end_block()

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        start = self._here()
        self._append(data, list(range(start, start + len(data))))

    def handle_entityref(self, name: str) -> None:
        if self._skip_depth:
            return
        codepoint = name2codepoint.get(name)
        text = chr(codepoint) if codepoint is not None else f"&{name}"
        self._append(text, [self._here()] * len(text))

    def handle_charref(self, name: str) -> None:
        if self._skip_depth:
            return
        try:
            value = int(name[1:], 16) if name[:1] in "xX" else int(name)
            text = chr(value)
        except (ValueError, OverflowError):
            text = f"&#{name};"
        self._append(text, [self._here()] * len(text))

    def close(self) -> None:
        super().close()
        self._end_block()


def extract_html_text(source: str) -> tuple[str, array]:
    """Visible text of ``source`` as blocks separated by blank lines, and per-character offsets.

    The offsets array holds, for each character of the returned text, its offset in ``source``;
    the blank lines between blocks point at the start of the block that follows.
    """
    collector = _BlockCollector(source)
    collector.feed(source)
    collector.close()
    pieces: list[str] = []
    offsets = array("l")
    for index, (text, block_offsets) in enumerate(collector.blocks):
        if index:
            pieces.append("\n\n")
            offsets.extend((block_offsets[0], block_offsets[0]))
        pieces.append(text)
        offsets.extend(block_offsets)
    return "".join(pieces), offsets

"""Loading releases into the one Document model every command reads.

Releases arrive as scraped text, Markdown or saved web pages, in UTF-8, UTF-16 or the CP949 and
EUC-KR encodings Korean government systems still produce, sometimes in decomposed Unicode. All of
that is settled here, once, so that every rule sees NFC text with ``\\n`` line endings and every
finding can still point at the line and column the user sees in the file.
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatch, translate

from kogloss.errors import InputError

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
STDIN_PATH = "<stdin>"

_CONTROL_BYTES = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x20))
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown"}

# Files that are surely not text, by their first bytes; named so the user knows what to export.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, HWPX or similar)"),
    (b"\xd0\xcf\x11\xe0", "an OLE document (HWP, DOC or XLS)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)


@dataclass(frozen=True)
class Position:
    """A 1-based line and column, columns counted in characters of the decoded text."""

    line: int
    column: int


@dataclass
class Document:
    """A release as text, with a way back from every character to its place in the file.

    ``text`` is what rules read: NFC, ``\\n`` line endings and, for HTML, the extracted text with
    one block per line. ``source`` is the decoded file itself; ``source_offsets`` maps each
    character of ``text`` to its offset in ``source`` when the two differ (HTML).
    """

    path: str
    text: str
    encoding: str = "utf-8"
    kind: str = "text"
    source: str | None = None
    source_offsets: Sequence[int] | None = None
    # Where each line of the source starts: worked out when a position is first asked for (a
    # document without findings never needs it; 10 us a release).
    _line_starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def _starts(self) -> list[int]:
        starts = self._line_starts
        if not starts:
            starts = self._line_starts = _line_starts(self.source_text)
        return starts

    @property
    def source_text(self) -> str:
        """The decoded, normalised file: what a fix rewrites and what positions count in."""
        return self.source if self.source is not None else self.text

    def source_offset(self, offset: int) -> int:
        """Offset in the source text of the character at ``offset`` in ``text``."""
        if self.source_offsets is None:
            return offset
        if offset >= len(self.source_offsets):
            return len(self.source_text)
        return self.source_offsets[offset]

    def position(self, offset: int) -> Position:
        """Line and column, in the file as the user sees it, of ``offset`` in ``text``."""
        return Position(*self._line_column(offset))

    def end_position(self, end: int) -> Position:
        """Position just past the last character of a span ending (exclusively) at ``end``."""
        if end <= 0:
            return self.position(0)
        line, column = self._line_column(end - 1)
        return Position(line, column + 1)

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """``position(start)`` and ``end_position(end)`` as one tuple: every finding needs both,
        and a run makes tens of thousands of findings, so no Position objects are made and the
        end's line is looked up only when the span leaves the start's line. The usual case (no
        HTML offsets) is worked out inline: five method calls a finding were half its cost."""
        starts = self._line_starts or self._starts()
        offsets = self.source_offsets
        first = start if offsets is None else self.source_offset(start)
        line = bisect.bisect_right(starts, first)
        line_start = starts[line - 1]
        column = first - line_start + 1
        if end <= 0:
            return line, column, line, column
        last = end - 1 if offsets is None else self.source_offset(end - 1)
        if line_start <= last and (line == len(starts) or last < starts[line]):
            return line, column, line, last - line_start + 2
        end_line, end_column = self._line_column(end - 1)
        return line, column, end_line, end_column + 1

    def _line_column(self, offset: int) -> tuple[int, int]:
        source_offset = self.source_offset(offset)
        starts = self._starts()
        line_index = bisect.bisect_right(starts, source_offset) - 1
        return line_index + 1, source_offset - starts[line_index] + 1

    def line_of(self, offset: int) -> str:
        """The source line holding ``offset`` (for messages and context)."""
        source = self.source_text
        source_offset = self.source_offset(offset)
        start = source.rfind("\n", 0, source_offset) + 1
        end = source.find("\n", source_offset)
        return source[start : end if end >= 0 else len(source)]


def _line_starts(text: str) -> list[int]:
    # Each line starts one past the end of the one before: a running sum of line lengths + 1,
    # computed in C rather than a Python loop over the lines.
    lengths = map(len, text.split("\n"))
    starts = list(itertools.accumulate(map((1).__add__, lengths), initial=0))
    starts.pop()  # the offset past the end of the last line starts no line
    return starts


def normalize_text(text: str) -> str:
    """NFC and ``\\n`` line endings: Korean from some systems arrives decomposed (NFD)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def document_from_text(text: str, path: str = "<text>", kind: str = "text") -> Document:
    """A Document from a string already in memory (the entry point for library users)."""
    text = normalize_text(text)
    if kind == "html":
        from kogloss.htmltext import extract_html_text  # the HTML parser: for web pages only

        extracted, offsets = extract_html_text(text)
        return Document(path, extracted, kind=kind, source=text, source_offsets=offsets)
    return Document(path, text, kind=kind)


def kind_for_path(path: str) -> str:
    # what Path(path).suffix gives, without importing pathlib (and urllib, ipaddress)
    name = os.path.basename(path)
    dot = name.rfind(".")
    suffix = name[dot:].lower() if 0 < dot < len(name) - 1 else ""
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def load_document(
    path: str,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    kind: str | None = None,
) -> Document:
    """Read, decode and normalise one file (``-`` for standard input) into a Document.

    Raises InputError for anything a user must fix, never a bare OSError or UnicodeError.
    """
    if path in ("-", STDIN_PATH):
        data = sys.stdin.buffer.read(max_bytes + 1)
        path = STDIN_PATH
    else:
        data = _read_bytes(path, max_bytes)
    if len(data) > max_bytes:
        raise InputError(path, f"file is larger than the {_human_size(max_bytes)} limit")
    text, used_encoding = decode_bytes(data, path, encoding)
    if _blank(text):
        raise InputError(path, "empty file: no text to read")
    document = document_from_text(text, path, kind or kind_for_path(path))
    document.encoding = used_encoding
    if _blank(document.text):
        raise InputError(path, "no text found in the page")
    return document


def _blank(text: str) -> bool:
    # isspace stops at the first letter; strip() would copy the whole text first.
    return not text or text.isspace()


def _read_bytes(path: str, max_bytes: int) -> bytes:
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError(path, "is a directory")
    size = status.st_size
    if size > max_bytes:
        raise InputError(
            path,
            f"file is {_human_size(size)}, over the {_human_size(max_bytes)} limit "
            "(raise it with --max-bytes)",
        )
    try:
        # A file descriptor rather than a file object: a third of the cost of reading a
        # 10 KB release went on making and closing the buffered reader.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            return _read_to_end(descriptor, size + 1, max_bytes + 1)
        finally:
            os.close(descriptor)
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None


def _read_to_end(descriptor: int, first: int, limit: int) -> bytes:
    """The file's bytes to its end, at most ``limit`` of them. Asking for ``limit`` at once
    would allocate the whole limit (16 MiB) for every file: the first read asks for ``first``
    (the size stat gave, plus a byte to notice a file that grew, or a pipe)."""
    chunks = []
    total = 0
    ask = first
    while total < limit:
        chunk = os.read(descriptor, min(ask, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        ask = 1 << 16
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MiB"
    if size >= 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size} bytes"


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes, returning the text and the name of the encoding used.

    Order: an explicit encoding; a byte-order mark; UTF-16 without a mark (NULs in every other
    byte); strict UTF-8; EUC-KR, then CP949 (its superset), which Korean government systems
    still write. Anything else is an error naming the first undecodable byte's place.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise InputError(path, f"unknown encoding name {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise _decode_error(path, data, error.start, f"not valid {encoding}") from None
    if not data:
        raise InputError(path, "empty file: no text to read")
    for bom, name in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as error:
                raise InputError(
                    path, f"byte-order mark says {name} but byte {error.start} is not"
                ) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"binary file: looks like {what}, not text")
    if b"\x00" in data:
        utf16 = _guess_utf16(data)
        if utf16:
            return data.decode(utf16), utf16
        nul_offset = data.index(b"\x00")
        raise InputError(path, f"binary file: NUL byte at offset {nul_offset}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    else:
        return _reject_control_heavy(text, data, path), "utf-8"
    for name in ("euc-kr", "cp949"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _looks_like_korean(text):
            return _reject_control_heavy(text, data, path), name
    raise _decode_error(
        path,
        data,
        utf8_error.start,
        "unknown encoding: not UTF-8, UTF-16 or CP949/EUC-KR (convert it to UTF-8, "
        "or name it with --encoding)",
    )


def _guess_utf16(data: bytes) -> str | None:
    if len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    for name, nuls in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
        if nuls >= half * 0.3:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            sample = text[:65536].encode("utf-8", "surrogatepass")
            if "\x00" not in text and _control_share(sample) < 0.01:
                return name
    return None


def _looks_like_korean(text: str) -> bool:
    """Whether a CP949 decoding is plausible: its non-ASCII characters are mostly Hangul."""
    non_ascii = [char for char in text if ord(char) > 127]
    if not non_ascii:
        return True
    hangul = sum(1 for char in non_ascii if "\uac00" <= char <= "\ud7a3")
    return hangul / len(non_ascii) >= 0.6


def _control_share(data: bytes) -> float:
    """Share of C0 control bytes (tab, newlines and form feed aside) in the first 64 KiB.

    Counted on the bytes, in C: UTF-8, EUC-KR and CP949 share ASCII's control bytes, and
    no multi-byte character of theirs contains one.
    """
    sample = data[:65536]
    if not sample:
        return 0.0
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) if controls > 8 else 0.0


def _reject_control_heavy(text: str, data: bytes, path: str) -> str:
    if _control_share(data) > 0.01:
        raise InputError(path, "binary file: too many control characters for text")
    return text


def _decode_error(path: str, data: bytes, byte_offset: int, message: str) -> InputError:
    """An error naming the line and column of the first bad byte (counted in UTF-8 prefix)."""
    prefix = data[:byte_offset].decode("utf-8", errors="replace")
    line = prefix.count("\n") + 1
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    return InputError(path, f"{message} (byte 0x{data[byte_offset]:02x})", line, column)


def collect_paths(
    paths: Iterable[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
) -> list[str]:
    """Expand files, directories (recursively) and globs into a sorted, de-duplicated list.

    A directory contributes the files whose names match ``include``; any path matching
    ``exclude`` (by name or by its path relative to the directory given) is left out.
    """
    found: list[str] = []
    seen: set[str] = set()
    for given in paths:
        if given in ("-", STDIN_PATH):
            _add(found, seen, STDIN_PATH)
            continue
        if any(char in given for char in "*?[") and not os.path.exists(given):
            from pathlib import Path  # only a glob pattern needs it

            matches = sorted(str(path) for path in Path().glob(given) if path.is_file())
            if not matches:
                raise InputError(given, "no files match this pattern")
            for match in matches:
                if not _excluded(match, match, exclude):
                    _add(found, seen, match)
            continue
        if os.path.isdir(given):
            matched = _walk(given, include, exclude)
            if not matched:
                raise InputError(given, f"no files matching {', '.join(include)} in this directory")
            for match in matched:
                _add(found, seen, match)
            continue
        if not os.path.exists(given):
            raise InputError(given, "no such file or directory")
        _add(found, seen, given)
    return found


def _walk(directory: str, include: Sequence[str], exclude: Sequence[str]) -> list[str]:
    matched = []
    included = _any_of(include)
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if not included(os.path.normcase(name)):
                continue
            full = os.path.join(root, name)
            # relpath only where a pattern may need it: it was most of a thousand files' walk
            if not exclude or not _excluded(full, os.path.relpath(full, directory), exclude):
                matched.append(full)
    return matched


def _any_of(patterns: Sequence[str]) -> Callable[[str], re.Match[str] | None]:
    """A matcher for a file name (put through ``os.path.normcase``) that any of the shell
    ``patterns`` matches, as ``fnmatch`` decides: one regular expression, not a call each."""
    if not patterns:
        return lambda name: None
    joined = "|".join(f"(?:{translate(os.path.normcase(pattern))})" for pattern in patterns)
    return re.compile(joined).match


def _excluded(full: str, relative: str, exclude: Sequence[str]) -> bool:
    name = os.path.basename(full)
    return any(
        fnmatch(name, pattern) or fnmatch(relative, pattern) or fnmatch(full, pattern)
        for pattern in exclude
    )


def _add(found: list[str], seen: set[str], path: str) -> None:
    if path not in seen:
        seen.add(path)
        found.append(path)

"""Loading: encodings Korean systems write, NFC, line endings, HTML positions, bad input."""

from __future__ import annotations

import os
import threading
import unicodedata
from fnmatch import fnmatch
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kogloss.document import (
    Position,
    _any_of,
    _read_to_end,
    collect_paths,
    document_from_text,
    load_document,
)
from kogloss.errors import InputError
from tests.conftest import MOFA_SEED, SAMPLES

KOREAN_RELEASE = (
    "1. 김규현 외교부 제1차관은 10월 4일 비슈케크에서 제7차 한-중앙아 협력 포럼을 주재하였다.\n"
    "\n"
    "ㅇ 이번 포럼에는 중앙아 5개국 대표단이 참석하였다.\n"
)


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("euc-kr", "euc-kr"),
        ("cp949", "euc-kr"),
    ],
)
def test_korean_release_decodes_in_every_encoding_korean_systems_write(
    tmp_path: Path, codec: str, expected: str
) -> None:
    path = _write(tmp_path, "release.txt", KOREAN_RELEASE.encode(codec))
    document = load_document(path)
    assert document.text == KOREAN_RELEASE
    assert document.encoding == expected


def test_cp949_only_syllables_are_read_as_cp949(tmp_path: Path) -> None:
    # 똠 and 햏 exist in CP949 but not in EUC-KR (KS X 1001).
    text = "똠양꿍 식당의 햏 간판이 있었다. " * 3
    path = _write(tmp_path, "cp949.txt", text.encode("cp949"))
    document = load_document(path)
    assert document.encoding == "cp949"
    assert document.text == text


def test_decomposed_korean_is_normalised_to_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", KOREAN_RELEASE)
    assert decomposed != KOREAN_RELEASE
    document = load_document(_write(tmp_path, "nfd.txt", decomposed.encode()))
    assert document.text == KOREAN_RELEASE
    # Columns count characters of the NFC text, not of the decomposed file.
    offset = document.text.index("비슈케크")
    assert document.position(offset) == Position(1, 25)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings_become_newlines(tmp_path: Path, newline: str) -> None:
    text = KOREAN_RELEASE.replace("\n", newline)
    document = load_document(_write(tmp_path, "crlf.txt", text.encode()))
    assert document.text == KOREAN_RELEASE
    position = document.position(document.text.index("ㅇ"))
    assert (position.line, position.column) == (3, 1)


def test_positions_on_the_seed_count_characters_of_each_line() -> None:
    document = load_document(str(MOFA_SEED))
    raw_line = MOFA_SEED.read_text(encoding="utf-8").split("\n")[10]
    offset = document.text.index("Kim Kyou-hyun")
    position = document.position(offset)
    assert raw_line.index("Kim Kyou-hyun") == 42
    assert (position.line, position.column) == (11, 43)
    assert document.line_of(offset).startswith("1. First Vice Minister")
    end = document.end_position(offset + len("Kim Kyou-hyun"))
    assert (end.line, end.column) == (11, 56)


def test_html_text_keeps_a_way_back_to_the_source_line() -> None:
    source = (
        "<html><head><title>t</title><style>p {color: red}</style></head>\n"
        "<body>\n<nav><ul><li><a href='/'>본문 바로가기</a></li></ul></nav>\n"
        "<p>The ROK&#8217;s delegation met in\n   Bishkek &amp; Osh.</p>\n</body></html>\n"
    )
    document = document_from_text(source, "page.html", kind="html")
    assert document.text == "본문 바로가기\n\nThe ROK’s delegation met in Bishkek & Osh."
    position = document.position(document.text.index("Bishkek"))
    assert (position.line, position.column) == (5, 4)
    apostrophe = document.position(document.text.index("’"))
    assert (apostrophe.line, apostrophe.column) == (4, 11)
    assert document.source_text[document.source_offset(0)] == "본"


def test_html_sample_positions_point_into_the_file() -> None:
    path = SAMPLES / "mofa_dprk_icbm_launch_statement.html"
    document = load_document(str(path))
    source_lines = path.read_text(encoding="utf-8").split("\n")
    for phrase in ("Back to top", "국가안전보장회의"):
        position = document.position(document.text.index(phrase))
        line = source_lines[position.line - 1]
        assert line[position.column - 1 :].startswith(phrase)


@settings(max_examples=200, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(["ROK", "한반도", "\n", "\n\n", " ", "<p>", "</p>", "&amp;"])),
    kind=st.sampled_from(["text", "html"]),
    data=st.data(),
)
def test_span_is_the_start_and_end_positions_together(
    pieces: list[str], kind: str, data: st.DataObject
) -> None:
    """``span`` skips the Position objects and, on one line, the second look-up: it must say
    what ``position`` and ``end_position`` say, empty spans and spans across lines included."""
    document = document_from_text("x" + "".join(pieces), "page", kind=kind)
    start = data.draw(st.integers(0, len(document.text)))
    end = data.draw(st.integers(start, len(document.text)))
    begin, finish = document.position(start), document.end_position(end)
    assert document.span(start, end) == (begin.line, begin.column, finish.line, finish.column)


def test_span_on_the_seed_matches_the_positions_at_every_seventh_offset() -> None:
    document = load_document(str(MOFA_SEED))
    for start in range(0, len(document.text), 7):
        for end in (start, start + 1, start + 40, start + 400):
            end = min(end, len(document.text))
            begin, finish = document.position(start), document.end_position(end)
            expected = (begin.line, begin.column, finish.line, finish.column)
            assert document.span(start, end) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n\t\n", "empty file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file: looks like a PDF document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "OLE document (HWP"),
        (b"hello\x00\x01\x02\x03world\x00", "binary file"),
        ("テスト 日本語のファイル".encode("shift_jis") * 4, "unknown encoding"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path: Path, data: bytes, message: str) -> None:
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as raised:
        load_document(path)
    rendered = raised.value.render()
    assert rendered.startswith(path)
    assert message in rendered
    assert "\n" not in rendered


def test_unknown_encoding_names_the_line_and_column(tmp_path: Path) -> None:
    data = b"First line is fine.\nSecond line has \x80\x80\x80 junk bytes here\n"
    with pytest.raises(InputError) as raised:
        load_document(_write(tmp_path, "latin.txt", data))
    assert (raised.value.line, raised.value.column) == (2, 17)


def test_missing_file_and_oversized_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_document(str(tmp_path / "missing.txt"))
    path = _write(tmp_path, "big.txt", b"The Forum was held in Bishkek.\n" * 100)
    with pytest.raises(InputError, match=r"over the 1\.0 KiB limit"):
        load_document(path, max_bytes=1024)


def test_a_directory_and_a_pipe_read_as_files_are_read(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        load_document(str(tmp_path))
    # A pipe's size is 0 and it arrives in pieces: read to its end, up to the limit.
    data = ("The Forum was held in Bishkek. " * 5000 + "\n").encode()
    reader, writer = os.pipe()
    feeder = threading.Thread(target=lambda: (os.write(writer, data), os.close(writer)))
    feeder.start()
    try:
        assert _read_to_end(reader, 1, len(data) + 1) == data
    finally:
        feeder.join()
        os.close(reader)
    reader, writer = os.pipe()
    os.write(writer, data[:5000])
    os.close(writer)
    assert _read_to_end(reader, 1, 1000) == data[:1000]
    os.close(reader)
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    feeder = threading.Thread(target=lambda: fifo.write_bytes(data))
    feeder.start()
    try:
        assert load_document(str(fifo)).text == data.decode()
    finally:
        feeder.join()


def test_explicit_encoding_overrides_detection(tmp_path: Path) -> None:
    path = _write(tmp_path, "x.txt", "Café in Baku".encode("latin-1"))
    assert load_document(path, encoding="latin-1").text == "Café in Baku"
    with pytest.raises(InputError, match="unknown encoding name"):
        load_document(path, encoding="no-such-codec")


def test_collect_paths_walks_directories_with_globs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "two.md").write_text("x")
    (tmp_path / "a" / "skip.txt").write_text("x")
    (tmp_path / "a" / "image.png").write_bytes(b"x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "three.txt").write_text("x")
    found = collect_paths([str(tmp_path)], exclude=["skip.*"])
    assert [Path(path).name for path in found] == ["one.txt", "two.md"]
    only_md = collect_paths([str(tmp_path)], include=["*.md"])
    assert [Path(path).name for path in only_md] == ["two.md"]
    with pytest.raises(InputError, match="no files matching"):
        collect_paths([str(tmp_path)], include=["*.html"])


@given(
    st.lists(
        st.sampled_from(["*.txt", "*.md", "*.HTML", "a?c", "[a-c]*", "[!x]*", "*", "x*y*z"]),
        max_size=4,
    ),
    st.text(alphabet="abcxyz.TXTmdhtl[]!*?-", max_size=8),
)
def test_the_include_matcher_is_fnmatch_over_every_pattern(patterns: list[str], name: str) -> None:
    matches = _any_of(patterns)(os.path.normcase(name))
    assert bool(matches) == any(fnmatch(name, pattern) for pattern in patterns)

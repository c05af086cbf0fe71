"""TBX: the terminology exchange format CAT tools (Trados MultiTerm, memoQ, Phrase) import.

Two dialects are written: TBX-Basic as ISO 30042:2019 (``<tbx>``, ``conceptEntry`` /
``langSec`` / ``termSec``) and the older ISO 30042:2008 ``<martif>`` (``termEntry`` /
``langSet`` / ``tig``) that many tools still expect; both are read. One concept entry per
glossary entry; the preferred form, accepted alternatives and acronym are English terms with
their ``administrativeStatus``, variants are deprecated terms, ``ko`` is the Korean term.
What TBX-Basic has no data category for (type, status, case rule, patterns, candidate counts)
travels in one concept-level ``<note>`` starting ``kogloss:`` (JSON), so a kogloss export
imports back without loss and other tools show it as an ordinary note.

XML is parsed with lxml with entity resolution, DTD loading and network access off; a file that
declares entities at all is refused (that is how billion-laughs and external-entity attacks
arrive, and no real TBX needs one).
"""

from __future__ import annotations

import json
import re
from typing import Any

from lxml import etree

from kogloss.errors import InputError
from kogloss.glossary.model import CASES, STATUSES, TYPES, Entry, Variant
from kogloss.glossary.patterns import PatternError, compile_pattern

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
TBX_BASIC_RNG = (
    "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/"
    "TBXcoreStructV03_TBX-Basic_integrated.rng"
)
MARTIF_DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'
META_PREFIX = "kogloss:"
DIALECTS = ("tbx", "martif")

_PREFERRED = "preferredTerm-admn-sts"
_ADMITTED = "admittedTerm-admn-sts"
_DEPRECATED = "deprecatedTerm-admn-sts"
_SUPERSEDED = "supersededTerm-admn-sts"
_PROPER_NOUN_TYPES = {"person", "place", "org"}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# --- writing -------------------------------------------------------------------------------


def _metadata(entry: Entry) -> dict[str, Any]:
    meta: dict[str, Any] = {"type": entry.type, "status": entry.status}
    if not entry.case_sensitive:
        meta["case"] = "insensitive"
    patterns = [
        {"at": position, "pattern": v.pattern, **({"message": v.message} if v.message else {})}
        for position, v in enumerate(entry.variants)
        if v.pattern is not None
    ]
    if patterns:
        meta["patterns"] = patterns
    if entry.source is not None:
        meta["source"] = entry.source
    if entry.count is not None:
        meta["count"] = entry.count
    if entry.seen_in:
        meta["seen_in"] = entry.seen_in
    return meta


class _Writer:
    """Element names of one dialect, and how to build an entry in it."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        martif = dialect == "martif"
        self.namespace = "" if martif else f"{{{TBX_NAMESPACE}}}"
        self.entry_tag = "termEntry" if martif else "conceptEntry"
        self.lang_tag = "langSet" if martif else "langSec"
        self.term_tag = "tig" if martif else "termSec"

    def element(
        self, parent: etree._Element | None, tag: str, text: str | None = None, **attributes: str
    ) -> etree._Element:
        name = self.namespace + tag
        node = etree.Element(name) if parent is None else etree.SubElement(parent, name)
        for key, value in attributes.items():
            node.set(_XML_LANG if key == "lang" else key, value)
        if text is not None:
            node.text = text
        return node

    def term(
        self,
        lang_section: etree._Element,
        text: str,
        status: str,
        part_of_speech: str,
        term_type: str | None = None,
    ) -> etree._Element:
        section = self.element(lang_section, self.term_tag)
        self.element(section, "term", text)
        if term_type:
            self.element(section, "termNote", term_type, type="termType")
        self.element(section, "termNote", part_of_speech, type="partOfSpeech")
        self.element(section, "termNote", status, type="administrativeStatus")
        return section

    def concept(self, body: etree._Element, entry: Entry, number: int) -> None:
        concept = self.element(body, self.entry_tag, id=f"c{number}")
        if entry.note is not None:
            self.element(concept, "note", entry.note)
        self.element(
            concept,
            "note",
            META_PREFIX + json.dumps(_metadata(entry), ensure_ascii=False, sort_keys=True),
        )
        part_of_speech = "properNoun" if entry.type in _PROPER_NOUN_TYPES else "noun"
        english = self.element(concept, self.lang_tag, lang="en")
        main_status = {"approved": _PREFERRED, "candidate": _ADMITTED, "deprecated": _DEPRECATED}[
            entry.status
        ]
        preferred = self.term(
            english, entry.en, main_status, part_of_speech, "fullForm" if entry.abbr else None
        )
        if entry.example is not None:
            self.element(preferred, "descrip", entry.example, type="context")
        for alternative in entry.also:
            self.term(english, alternative, _ADMITTED, part_of_speech)
        if entry.abbr is not None:
            self.term(english, entry.abbr, _ADMITTED, part_of_speech, "acronym")
        for variant in entry.variants:
            if variant.text is not None:
                section = self.term(english, variant.text, _DEPRECATED, part_of_speech)
                if variant.message is not None:
                    self.element(section, "note", variant.message)
        if entry.ko is not None:
            korean = self.element(concept, self.lang_tag, lang="ko")
            self.term(korean, entry.ko, _PREFERRED, part_of_speech)


def write_tbx(entries: list[Entry], dialect: str = "tbx", title: str = "kogloss glossary") -> str:
    """The entries as TBX-Basic: ISO 30042:2019 ``<tbx>`` or the 2008 ``<martif>``."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown TBX dialect {dialect!r}")
    writer = _Writer(dialect)
    if dialect == "martif":
        root = writer.element(None, "martif", type="TBX-Basic", lang="en")
        header = writer.element(root, "martifHeader")
    else:
        root = etree.Element(f"{{{TBX_NAMESPACE}}}tbx", nsmap={None: TBX_NAMESPACE})
        root.set("type", "TBX-Basic")
        root.set("style", "dca")
        root.set(_XML_LANG, "en")
        header = writer.element(root, "tbxHeader")
    file_description = writer.element(header, "fileDesc")
    writer.element(writer.element(file_description, "titleStmt"), "title", title)
    writer.element(writer.element(file_description, "sourceDesc"), "p", "Exported by kogloss")
    if dialect == "martif":
        encoding = writer.element(header, "encodingDesc")
        writer.element(encoding, "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = writer.element(writer.element(root, "text"), "body")
    for number, entry in enumerate(entries, 1):
        try:
            writer.concept(body, entry, number)
        except ValueError:  # lxml refuses what XML 1.0 cannot hold: control characters
            raise InputError(
                entry.path or "<glossary>",
                f"entry `{entry.en}` holds a control character, which TBX (XML) cannot carry",
                entry.line or None,
            ) from None
    etree.indent(root, space="  ")
    xml = etree.tostring(root, encoding="unicode")
    prolog = '<?xml version="1.0" encoding="UTF-8"?>\n'
    if dialect == "martif":
        prolog += MARTIF_DOCTYPE + "\n"
    else:
        prolog += (
            f'<?xml-model href="{TBX_BASIC_RNG}" type="application/xml" '
            'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        )
    return prolog + xml + "\n"


# --- reading -------------------------------------------------------------------------------


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _position(data: bytes, offset: int) -> tuple[int, int]:
    prefix = data[:offset].decode("utf-8", errors="replace")
    return prefix.count("\n") + 1, len(prefix) - (prefix.rfind("\n") + 1) + 1


def parse_xml(data: bytes, path: str) -> etree._Element:
    """The root element; entity declarations and malformed XML raise InputError with a place."""
    declaration = re.search(rb"<!ENTITY", data)
    if declaration is not None:
        line, column = _position(data, declaration.start())
        raise InputError(
            path,
            "the file declares an XML entity; entities are refused (expansion is off)",
            line,
            column,
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        message = re.sub(r", line \d+, column \d+$", "", error.msg or str(error))
        raise InputError(path, f"malformed XML: {message}", line, column) from None
    if root.getroottree().docinfo.internalDTD is not None and list(
        root.getroottree().docinfo.internalDTD.iterentities()
    ):
        raise InputError(path, "the file declares an XML entity; entities are refused", 1, 1)
    return root


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, *names: str) -> list[etree._Element]:
    return [child for child in element if _local(child) in names]


def _raw(element: etree._Element) -> str:
    return "".join(element.itertext())


def _text(element: etree._Element) -> str:
    return _raw(element).strip()


def _notes(element: etree._Element, kind: str) -> dict[str, str]:
    """``termNote``/``descrip``/``admin`` children by their ``type``."""
    found = {}
    for child in element.iter():
        if _local(child) == kind and child.get("type") and child.get("type") not in found:
            found[child.get("type")] = _raw(child)
    return found


class _Term:
    def __init__(self, section: etree._Element) -> None:
        terms = [node for node in section.iter() if _local(node) == "term"]
        self.text = _text(terms[0]) if terms else ""
        self.line = section.sourceline or 0
        notes = _notes(section, "termNote")
        self.status = notes.get("administrativeStatus", "")
        self.term_type = notes.get("termType", "")
        self.context = _notes(section, "descrip").get("context")
        plain_notes = [_raw(node) for node in section.iter() if _local(node) == "note"]
        self.note = plain_notes[0] if plain_notes else None


def _language(element: etree._Element) -> str:
    return (element.get(_XML_LANG) or element.get("lang") or "").lower().split("-")[0]


def _term_sections(lang_section: etree._Element) -> list[_Term]:
    sections = _children(lang_section, "termSec", "tig", "ntig")
    return [term for term in map(_Term, sections) if term.text]


def _main_term(english: list[_Term], from_kogloss: bool) -> _Term:
    """The term that becomes ``en``: kogloss writes it first (its status follows the entry's,
    deprecated included); from other tools, the preferred term, else the first one in use."""
    if from_kogloss:
        return english[0]
    preferred = next((t for t in english if t.status == _PREFERRED), None)
    if preferred is not None:
        return preferred
    return next((t for t in english if t.status not in (_DEPRECATED, _SUPERSEDED)), english[0])


def _read_concept(concept: etree._Element, path: str) -> Entry | None:
    line = concept.sourceline or 0
    meta: dict[str, Any] = {}
    notes = []
    for note in _children(concept, "note"):
        text = _raw(note)
        if text.startswith(META_PREFIX):
            try:
                meta = json.loads(text[len(META_PREFIX) :])
            except json.JSONDecodeError as error:
                raise InputError(
                    path, f"unreadable kogloss note: {error.msg}", note.sourceline
                ) from None
        elif text.strip():
            notes.append(text)
    languages: dict[str, list[_Term]] = {}
    for lang_section in _children(concept, "langSec", "langSet"):
        languages.setdefault(_language(lang_section), []).extend(_term_sections(lang_section))
    english = languages.get("en", [])
    if not english:
        return None  # a concept with no English term is nothing kogloss can check
    main = _main_term(english, from_kogloss=bool(meta))

    def tidy(text: str | None) -> str | None:
        """kogloss's own exports keep white space exactly; other tools' get it trimmed."""
        if meta or text is None:
            return text
        return text.strip() or None

    entry = Entry(en=main.text, path=path, line=line)
    entry.example = tidy(main.context)
    for term in english:
        if term is main:
            continue
        if term.status in (_DEPRECATED, _SUPERSEDED):
            entry.variants.append(Variant(text=term.text, message=tidy(term.note)))
        elif term.term_type in ("acronym", "abbreviation") and entry.abbr is None:
            entry.abbr = term.text
        else:
            entry.also.append(term.text)
    korean = languages.get("ko", [])
    if korean:
        entry.ko = next((t for t in korean if t.status == _PREFERRED), korean[0]).text
    entry.note = notes[0] if notes else None
    if not meta:
        entry.note = "\n".join(note.strip() for note in notes) if notes else None
        if main.status == _DEPRECATED:
            entry.status = "deprecated"
        return entry
    _apply_metadata(entry, meta, path, line)
    return entry


def _apply_metadata(entry: Entry, meta: dict[str, Any], path: str, line: int) -> None:
    def choice(key: str, allowed: tuple[str, ...], default: str) -> str:
        value = meta.get(key, default)
        if value not in allowed:
            raise InputError(
                path, f"kogloss note: `{key}: {value}` is not one of {', '.join(allowed)}", line
            )
        return str(value)

    entry.type = choice("type", TYPES, entry.type)
    entry.status = choice("status", STATUSES, entry.status)
    entry.case_sensitive = choice("case", CASES, "sensitive") == "sensitive"
    entry.source = meta.get("source")
    entry.count = meta.get("count")
    entry.seen_in = list(meta.get("seen_in", []))
    for item in meta.get("patterns", []):
        try:
            compile_pattern(item["pattern"], entry.case_sensitive)
        except (PatternError, KeyError, TypeError) as error:
            raise InputError(path, f"kogloss note: bad pattern ({error})", line) from None
        variant = Variant(pattern=item["pattern"], message=item.get("message"))
        entry.variants.insert(
            min(int(item.get("at", len(entry.variants))), len(entry.variants)), variant
        )


def read_tbx(data: bytes, path: str) -> list[Entry]:
    """Entries from a TBX file in either dialect (``<tbx>`` or ``<martif>``)."""
    root = parse_xml(data, path)
    if _local(root) not in ("tbx", "martif"):
        raise InputError(
            path,
            f"not TBX: the root element is <{_local(root)}>, not <tbx> or <martif>",
            root.sourceline,
        )
    entries = []
    for concept in root.iter():
        if _local(concept) in ("conceptEntry", "termEntry"):
            entry = _read_concept(concept, path)
            if entry is not None:
                entries.append(entry)
    if not entries:
        raise InputError(path, "empty glossary: no concept entries with an English term")
    return entries

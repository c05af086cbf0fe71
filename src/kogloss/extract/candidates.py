"""The Candidate model: what extract proposes to an editor, and how mentions add up to it.

Pattern modules report *mentions* (one span of one document); this module folds them into one
candidate per term, keeps the evidence an editor needs to judge it (count, documents, the first
sentence it was seen in and where) and folds spelling variants of one term together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import Levenshtein

from kogloss.extract.gazetteer import is_place
from kogloss.extract.lexicon import KNOWN_ACRONYMS, ORG_HEADS

TYPES = ("title", "person", "place", "org", "acronym", "term")


@dataclass(frozen=True)
class Mention:
    """One occurrence of a term in one document."""

    text: str
    type: str
    path: str
    start: int
    end: int
    sentence: str
    line: int
    column: int
    link: str | None = None  # title <-> person it belongs to
    short_form: str | None = None  # "Vice Minister Kim" for the person it names
    abbr: str | None = None  # for acronyms: the acronym, ``text`` being the expansion


@dataclass
class Candidate:
    """One proposed glossary entry, with its evidence."""

    en: str
    type: str
    count: int = 0
    seen_in: list[str] = field(default_factory=list)
    example: str = ""
    example_path: str = ""
    example_line: int = 0
    example_column: int = 0
    variants: list[str] = field(default_factory=list)
    short_forms: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    abbr: str | None = None
    ko: str | None = None
    confidence: float | None = None
    ko_method: str | None = None
    known: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return (self.type, self.en)

    @property
    def position(self) -> str:
        """``path:line:column`` of the example, the form every kogloss report uses."""
        return f"{self.example_path}:{self.example_line}:{self.example_column}"


def _add_unique(items: list[str], value: str | None) -> None:
    if value and value not in items:
        items.append(value)


def link_short_names(mentions: list[Mention]) -> list[Mention]:
    """Resolve "Vice Minister Kim" to the Kim Kyou-hyun the same release names in full.

    A one-word name after a title is a short form: it becomes the full name whose surname
    (first word of a hyphenated Korean name, last word otherwise) it is, found in the same
    document first and in the whole corpus after; the short title it came with is dropped
    when the full name's own title contains it ("Vice Minister" in "First Vice Minister of
    Foreign Affairs"). A surname two full names of the release share is no candidate.
    """
    full_names: dict[tuple[str, str], list[Mention]] = {}
    for mention in mentions:
        words = mention.text.split()
        if mention.type == "person" and len(words) > 1:
            surname = words[0] if "-" in words[-1] and words[-1][1:].islower() else words[-1]
            full_names.setdefault((mention.path, surname), []).append(mention)
            full_names.setdefault(("", surname), []).append(mention)
    renamed: dict[tuple[str, int], Mention] = {}
    ambiguous: set[tuple[str, int]] = set()
    for mention in mentions:
        if mention.type != "person" or " " in mention.text:
            continue
        full = full_names.get((mention.path, mention.text)) or full_names.get(("", mention.text))
        if not full:
            continue
        names = {candidate.text for candidate in full}
        if len(names) > 1:
            ambiguous.add((mention.path, mention.start))
            continue  # two persons share the surname: no one to count "Kim" for
        renamed[(mention.path, mention.start)] = full[0]
    result = []
    for mention in mentions:
        full = renamed.get((mention.path, mention.start))
        if mention.type == "person" and (mention.path, mention.start) in ambiguous:
            continue
        if mention.type == "person" and full is not None:
            result.append(replace(mention, text=full.text))
        elif mention.type == "title" and mention.link is not None and " " not in mention.link:
            owner = _owner(renamed, mention)
            result.append(replace(mention, link=owner.text) if owner else mention)
        else:
            result.append(mention)
    return _fold_short_titles(result)


def _fold_short_titles(mentions: list[Mention]) -> list[Mention]:
    """A short title ("Vice Minister" said of Kim Kyou-hyun) is a short form of his full
    title: the mention counts for the full title, and the person links to it only."""
    titles_of: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.type == "title" and mention.link:
            titles_of.setdefault(mention.link, set()).add(mention.text)
    result = []
    for mention in mentions:
        if mention.type in ("title", "person") and mention.link:
            owner = mention.link if mention.type == "title" else mention.text
            title = mention.text if mention.type == "title" else mention.link
            longer = sorted(
                (
                    other
                    for other in titles_of.get(owner, ())
                    if len(other) > len(title) and _contains_words(other, title)
                ),
                key=lambda other: (-len(other), other),
            )
            if longer and mention.type == "person":
                mention = replace(mention, link=longer[0])
            elif longer:
                mention = replace(mention, text=longer[0], short_form=title)
        result.append(mention)
    return result


def _owner(renamed: dict[tuple[str, int], Mention], title: Mention) -> Mention | None:
    """The full person a short-form title mention ("Vice Minister" + "Kim") points to."""
    for (path, start), full in renamed.items():
        if path == title.path and title.end < start <= title.end + 2:
            return full
    return None


def _contains_words(longer: str, shorter: str) -> bool:
    words = longer.split()
    wanted = shorter.split()
    return all(word in words for word in wanted)


def aggregate(mentions: Iterable[Mention], canonical: Iterable[str] = ()) -> list[Candidate]:
    """Fold mentions (short names already linked, see :func:`link_short_names`) into
    candidates, first seen first; variants of one term become one.

    ``canonical`` lists preferred spellings (gazetteer, glossary): when a group of variants is
    one edit away from one of them, that spelling becomes the candidate's ``en``.
    """
    by_key: dict[tuple[str, str], Candidate] = {}
    for mention in mentions:
        key = (mention.type, mention.text)
        candidate = by_key.get(key)
        if candidate is None:
            candidate = Candidate(
                en=mention.text,
                type=mention.type,
                example=mention.sentence,
                example_path=mention.path,
                example_line=mention.line,
                example_column=mention.column,
                abbr=mention.abbr,
            )
            by_key[key] = candidate
        candidate.count += 1
        _add_unique(candidate.seen_in, mention.path)
        _add_unique(candidate.links, mention.link)
        _add_unique(candidate.short_forms, mention.short_form)
        if candidate.abbr is None:
            candidate.abbr = mention.abbr
    folded = fold_acronyms(fold_short_organisations(list(by_key.values())))
    return merge_variants(folded, frozenset(canonical))


def _absorb(target: Candidate, source: Candidate, as_short_form: bool = True) -> None:
    target.count += source.count
    for path in source.seen_in:
        _add_unique(target.seen_in, path)
    for link in source.links:
        _add_unique(target.links, link)
    if as_short_form:
        _add_unique(target.short_forms, source.en)
    for short in source.short_forms:
        _add_unique(target.short_forms, short)


def fold_short_organisations(candidates: list[Candidate]) -> list[Candidate]:
    """A "Cooperation Forum" in a release that names the "ROK-Central Asia Cooperation Forum"
    is that forum: an organisation whose name ends another's, in a shared document, folds
    into it (into the most frequent when several end so)."""
    organisations = [c for c in candidates if c.type == "org"]
    absorbed: set[int] = set()
    for candidate in organisations:
        longer = [
            other
            for other in organisations
            if other is not candidate
            and other.en.endswith(" " + candidate.en)
            and not is_place(candidate.en.split()[0])
            and candidate.en.split()[0] not in ORG_HEADS
            and set(other.seen_in) & set(candidate.seen_in)
            and id(other) not in absorbed
        ]
        if longer:
            target = max(longer, key=lambda other: (other.count, other.en))
            _absorb(target, candidate)
            absorbed.add(id(candidate))
    return [c for c in candidates if id(c) not in absorbed]


def fold_acronyms(candidates: list[Candidate]) -> list[Candidate]:
    """A lone "DPRK" counts for "Democratic People’s Republic of Korea (DPRK)"; a lone acronym
    the lexicon can expand takes that expansion; an expansion that was also read as an
    organisation or place is the acronym's entry only."""
    expansions = {c.abbr: c for c in candidates if c.type == "acronym" and c.abbr}
    result = []
    for candidate in candidates:
        if candidate.type == "acronym" and not candidate.abbr:
            target = expansions.get(candidate.en)
            if target is not None:
                _absorb(target, candidate, as_short_form=False)
                continue
            expansion = KNOWN_ACRONYMS.get(candidate.en)
            if expansion is not None:
                candidate = replace(candidate, en=expansion, abbr=candidate.en)
                expansions[candidate.abbr] = candidate
        result.append(candidate)
    spelled = {c.en for c in result if c.type == "acronym"}
    return [c for c in result if c.type == "acronym" or c.en not in spelled]


def variant_key(text: str) -> str:
    """Spellings that differ only in case, spacing or "Korean"/"Korea" share this key."""
    return " ".join(text.casefold().replace("korean", "korea").split())


def _close(first: str, second: str) -> bool:
    if min(len(first), len(second)) < 8:
        return False
    return Levenshtein.distance(variant_key(first), variant_key(second), score_cutoff=1) <= 1


def _buckets(key: str) -> tuple[str, str]:
    """One edit in a string of eight or more characters leaves its first two or its last two
    characters alone, so comparing within these buckets finds every close pair."""
    return ("<" + key[:2], ">" + key[-2:])


def merge_variants(candidates: list[Candidate], canonical: frozenset[str]) -> list[Candidate]:
    """Join candidates of one type whose spellings are one edit apart (Korean Peninsular,
    Korean peninsula); the most frequent spelling, or a canonical one, leads."""
    parent = list(range(len(candidates)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    buckets: dict[tuple[str, str], list[int]] = {}
    for index, candidate in enumerate(candidates):
        if candidate.type in ("person", "acronym"):
            continue
        for bucket in _buckets(variant_key(candidate.en)):
            members = buckets.setdefault((candidate.type, bucket), [])
            for other in members:
                if find(other) != find(index) and _close(candidates[other].en, candidate.en):
                    parent[max(find(other), find(index))] = min(find(other), find(index))
            members.append(index)
    groups: dict[int, list[Candidate]] = {}
    for index, candidate in enumerate(candidates):
        groups.setdefault(find(index), []).append(candidate)
    canonical_buckets: dict[str, list[str]] = {}
    for name in canonical:
        for bucket in _buckets(variant_key(name)):
            canonical_buckets.setdefault(bucket, []).append(name)
    return [_merge_group(group, canonical_buckets) for _, group in sorted(groups.items())]


def _merge_group(group: list[Candidate], canonical_buckets: dict[str, list[str]]) -> Candidate:
    # Most frequent; on a tie the noun form ("Korea Eximbank") before the adjective one.
    leader = max(group, key=lambda c: (c.count, -c.en.count("Korean")))
    preferred = _canonical_form(group, canonical_buckets) if len(group) > 1 else None
    result = replace(
        leader, en=preferred or leader.en, seen_in=[], links=[], short_forms=[], variants=[]
    )
    result.count = sum(member.count for member in group)
    for member in [leader, *group]:
        for path in member.seen_in:
            _add_unique(result.seen_in, path)
        for link in member.links:
            _add_unique(result.links, link)
        for short in member.short_forms:
            _add_unique(result.short_forms, short)
        if member.en != result.en:
            _add_unique(result.variants, member.en)
    result.seen_in.sort()
    return result


def _canonical_form(group: list[Candidate], canonical_buckets: dict[str, list[str]]) -> str | None:
    for member in group:
        for bucket in _buckets(variant_key(member.en)):
            for name in canonical_buckets.get(bucket, ()):
                if name == member.en:
                    return name
    for member in group:
        for bucket in _buckets(variant_key(member.en)):
            for name in sorted(canonical_buckets.get(bucket, ())):
                if _close(name, member.en):
                    return name
    return None


def sort_candidates(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Deterministic order: by type (as in TYPES), then most frequent, then alphabetical."""
    return sorted(candidates, key=lambda c: (TYPES.index(c.type), -c.count, c.en.casefold(), c.en))

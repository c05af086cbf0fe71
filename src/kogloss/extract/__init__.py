"""Glossary candidates from releases: ``kogloss extract``'s library.

Start at :func:`kogloss.extract.corpus.extract_candidates` (documents in, sorted
:class:`~kogloss.extract.candidates.Candidate` objects out) and
:func:`kogloss.extract.output.render` (YAML or JSON in the glossary's schema). The English side
reads runs of capitalised words (``english``, ``runs``, ``titles``, ``places``, ``acronyms``
over ``tokens``, ``lexicon`` and ``gazetteer``); the Korean side analyses the originals
(``korean``) and pairs forms over aligned sentences (``pairing``); ``known`` compares with a
glossary and ``sources`` finds which Korean file translates which English one.
"""

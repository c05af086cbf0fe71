"""Glossary candidates from releases: ``kogloss extract``'s library."""

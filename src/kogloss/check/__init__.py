"""Checks of English releases; the bilingual rules live in kogloss.check.bilingual."""

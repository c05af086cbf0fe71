"""kogloss: terminology and consistency checks for English translations of Korean releases."""

__version__ = "0.1.0"

__all__ = ["__version__"]

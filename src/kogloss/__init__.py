"""kogloss: terminology and consistency checks for English translations of Korean releases."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kogloss")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]

"""Reader: a calm desktop reader that marks up actors and quotations in news articles."""

__version__ = "0.1.0"

"""The library: every article the reader added or opened, and who said what across all of them.

No Qt and no spaCy at import.
"""

"""The annotation store: highlights, notes, tags and actor corrections in one TinyDB file.

Plain Python with no Qt, and it never imports ``reader``: any program can read the notes.
"""

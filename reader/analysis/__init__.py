"""Who appears in an article and what was said: spaCy plus Reader's actor and quote layers.

No Qt here. spaCy is imported only when the first text is analysed.
"""

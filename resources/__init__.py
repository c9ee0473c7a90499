"""Data files shipped with Reader (installed as ``reader.resources``)."""

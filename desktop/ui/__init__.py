"""Widgets and views only: they render state handed to them and emit intents.

No module here opens the database or decides a rule; ``desktop.app`` does.
"""

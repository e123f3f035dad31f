"""Wiring: the qasync loop, the controllers that connect widgets to the store.

Widgets in ``desktop.ui`` emit intents; the controllers here decide what
happens and run the slow parts (database, files) off the UI thread.
"""

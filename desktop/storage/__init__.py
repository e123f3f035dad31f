"""SQLite history: finished sets, sessions, pain ratings, sit-breaks and settings.

This file stays a docstring on purpose. Importing SQLAlchemy and Alembic costs
about 350 ms, so the GUI paints its first window before it imports
``desktop.storage.database`` or ``desktop.storage.history``. ``location`` and
``errors`` are cheap and safe to import early.
"""

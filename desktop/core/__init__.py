"""Pure domain rules: no Qt, no database, no file formats.

Everything here is driven by plain values and injected clocks so it can be
tested exhaustively and reused by the GUI, the tray and the command line.
"""

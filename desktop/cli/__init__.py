"""The ``upright`` command: argument parsing and the sub-commands' output.

Sub-commands import only what they use, so ``upright catalog`` never loads
Qt and the GUI never pays for the command-line modules.
"""

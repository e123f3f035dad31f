"""Bridges to the machine's sound output and speech engine.

Either may be missing (a server, a muted VM, a distro without speech-dispatcher),
so each bridge degrades to silence and says why once; none of them ever raises.
"""

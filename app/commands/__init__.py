"""Command groups of the command line (CONTRACT.md), one module each."""

"""Black-box acceptance tests: the program driven only through CONTRACT.md's command line."""

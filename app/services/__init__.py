"""Services of the core: one unit of work per user action."""

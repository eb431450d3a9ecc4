"""Sync between replicas: clock, change log, bundles, merge and conflicts."""

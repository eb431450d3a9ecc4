"""Printouts and reports: attendance journal, registration sheet, family card, period summary."""

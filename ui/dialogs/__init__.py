"""Dialogs: family card, member, service quick entry, participant."""

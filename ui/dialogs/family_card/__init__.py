"""The family card: the family's data, members, services, visits, assessments,
notifications, referrals and change history (dialog.py, with its tabs form_tab.py,
members_tab.py, events_tab.py, the draft keeper drafts.py and the status badge badge.py)."""

from ui.dialogs.family_card.dialog import FamilyCard

__all__ = ["FamilyCard"]

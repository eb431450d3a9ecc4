"""Users' words for record types, fields and enumerations (for errors and history)."""

from __future__ import annotations

from PySide6.QtCore import QObject


class Words(QObject):
    """Translated names; unknown keys come back unchanged."""

    def field(self, name: str | None) -> str:
        names = {
            "settlement_id": self.tr("Settlement"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "categories": self.tr("Categories"),
            "factors": self.tr("СЖО factors"),
            "on_record_from": self.tr("Taken on record"),
            "on_record_to": self.tr("Taken off record"),
            "close_reason": self.tr("Reason for taking off record"),
            "specialist": self.tr("Responsible specialist"),
            "responsible": self.tr("Responsible account (login)"),
            "restricted": self.tr("Restricted access"),
            "retired": self.tr("Retired (kept on old records)"),
            "card_number": self.tr("Social card number"),
            "take_reason": self.tr("Reason taken on record"),
            "organisations": self.tr("Other organisations working with the family"),
            "registered_address": self.tr("Registered address"),
            "actual_address": self.tr("Actual address"),
            "legal_capacity": self.tr("Legal capacity"),
            "work_study": self.tr("Work or study"),
            "number": self.tr("Number"),
            "person_name": self.tr("Person named"),
            "notification_id": self.tr("Notification"),
            "act": self.tr("Assessment act"),
            "sjo_causes": self.tr("Causes of the difficult circumstances"),
            "child_trauma": self.tr("Child traumatised"),
            "environment_impact": self.tr("Impact of the environment"),
            "problem_duration": self.tr("How long the problem lasts"),
            "family_aware": self.tr("Family aware of the problem"),
            "family_ready": self.tr("Family ready to work on it"),
            "decision": self.tr("Decision"),
            "family_agrees": self.tr("Family agrees"),
            "family_remarks": self.tr("Family's remarks"),
            "participants": self.tr("Took part in the assessment"),
            "approved_by": self.tr("Approved by"),
            "case_level": self.tr("Case level"),
            "visitor_name": self.tr("Visitor"),
            "intake_id": self.tr("Intake"),
            "to_whom": self.tr("Referred to"),
            "reason": self.tr("Reason"),
            "outcome": self.tr("Outcome"),
            "outcome_date": self.tr("Outcome date"),
            "notes": self.tr("Notes"),
            "surname": self.tr("Surname"),
            "given_name": self.tr("Given name"),
            "patronymic": self.tr("Patronymic"),
            "sex": self.tr("Sex"),
            "birth_date": self.tr("Date of birth"),
            "relation": self.tr("Relation"),
            "rnokpp": self.tr("Tax number (РНОКПП)"),
            "disability": self.tr("Disability"),
            "family_id": self.tr("Family"),
            "person_id": self.tr("Person"),
            "service_code": self.tr("Service"),
            "date": self.tr("Date"),
            "minutes": self.tr("Minutes"),
            "form": self.tr("Form"),
            "mark": self.tr("Mark"),
            "name": self.tr("Name"),
            "topic": self.tr("Topic"),
            "deleted": self.tr("Deletion"),
            "source": self.tr("Who reported"),
            "summary": self.tr("Summary"),
            "started": self.tr("Started"),
            "finished": self.tr("Finished"),
            "sjo_present": self.tr("Difficult life circumstances present"),
            "parental_capacity": self.tr("Parental capacity"),
            "needed_services": self.tr("Services needed"),
            "conclusion": self.tr("Conclusion"),
            "purpose": self.tr("Purpose"),
            "result": self.tr("Result"),
            "community": self.tr("Community"),
            "district_id": self.tr("Starosta district"),
            "target_category": self.tr("For whom"),
            "place": self.tr("Place"),
            "facilitator": self.tr("Facilitator"),
            "start_date": self.tr("Start date"),
            "end_date": self.tr("End date"),
            "group_id": self.tr("Group"),
            "time": self.tr("Time"),
            "format": self.tr("Format"),
            "session_id": self.tr("Session"),
            "participant_id": self.tr("Participant"),
            "kind": self.tr("Reference list"),
            "code": self.tr("Code"),
            "label_uk": self.tr("Name in Ukrainian"),
            "label_en": self.tr("Name in English"),
            "version": self.tr("Version"),
            "position": self.tr("Position"),
            "entity": self.tr("Kind of record"),
            "target_id": self.tr("Record kept"),
            "a_id": self.tr("First record"),
            "b_id": self.tr("Second record"),
        }
        return names.get(name or "", name or "")

    def entity(self, name: str | None) -> str:
        names = {
            "family": self.tr("Family card"),
            "person": self.tr("Member"),
            "service": self.tr("Service"),
            "visit": self.tr("Home visit"),
            "assessment": self.tr("Needs assessment"),
            "notification": self.tr("Notification"),
            "district": self.tr("Starosta district"),
            "settlement": self.tr("Settlement"),
            "group": self.tr("Support group"),
            "participant": self.tr("Group participant"),
            "session": self.tr("Group session"),
            "attendance": self.tr("Attendance mark"),
            "ref_entry": self.tr("Reference list entry"),
            "intake": self.tr("Walk-in visitor"),
            "referral": self.tr("Referral"),
            "redirect": self.tr("Merged duplicate"),
            "duplicate_mark": self.tr("Not a duplicate"),
        }
        return names.get(name or "", name or "")

    def service_form(self, code: str | None) -> str:
        return {"individual": self.tr("individual"), "group": self.tr("group")}.get(
            code or "", code or ""
        )

    def parental_capacity(self, code: str | None) -> str:
        return {
            "high": self.tr("parental capacity: high"),
            "medium": self.tr("parental capacity: medium"),
            "low": self.tr("parental capacity: low"),
        }.get(code or "", code or "")

    def referral_outcome(self, code: str | None) -> str:
        """A referral's outcome (прийнято / відмовлено / невідомо); none stored is not known."""
        return {
            "accepted": self.tr("accepted"),
            "refused": self.tr("refused"),
            "unknown": self.tr("not known yet"),
        }.get(code or "unknown", code or "")

    def sex(self, code: str | None) -> str:
        return {"F": self.tr("female"), "M": self.tr("male")}.get(code or "", "")


def sentence(message: str) -> str:
    """A core message as a sentence, like the GUI's own messages beside it: capital first
    letter, final full stop (unless it ends with one, «?», «!» or «…»)."""
    if not message:
        return message
    end = "" if message.endswith((".", "?", "!", "…")) else "."
    return message[:1].upper() + message[1:] + end


def in_sentence(name: str) -> str:
    """A field's name inside a sentence: its first letter lower-cased, unless the name
    starts with an abbreviation («РНОКПП», «СЖО»), which keeps its capitals."""
    if name[1:2].isupper():
        return name
    return name[:1].lower() + name[1:]

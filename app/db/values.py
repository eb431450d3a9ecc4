"""The value lists of DOMAIN.md as StrEnums: attendance marks, parental capacity, the
act's scales, sex, forms and formats, and the setting keys written in more than one place.
Re-exported by app/db/models.py, where the fields name them."""

from __future__ import annotations

from enum import StrEnum


class ParentalCapacity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class EnvironmentImpact(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class ProblemDuration(StrEnum):
    UNDER_1M = "under_1m"
    FROM_1_TO_3M = "1_3m"
    FROM_3_TO_6M = "3_6m"
    FROM_6_TO_12M = "6_12m"
    OVER_1Y = "over_1y"


class AssessmentDecision(StrEnum):
    PROVIDE = "provide"
    CLOSE = "close"
    TRANSFER = "transfer"


class CaseLevel(StrEnum):
    COMPLEX = "complex"
    MEDIUM = "medium"
    SIMPLE = "simple"
    EMERGENCY = "emergency"


class LegalCapacity(StrEnum):
    FULL = "full"
    LIMITED = "limited"
    NONE = "none"


class ReferralOutcome(StrEnum):
    ACCEPTED = "accepted"
    REFUSED = "refused"
    UNKNOWN = "unknown"


class Sex(StrEnum):
    F = "F"
    M = "M"


class ServiceForm(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"


class SessionFormat(StrEnum):
    TALK = "talk"
    TRAINING = "training"
    LECTURE = "lecture"
    INTERACTIVE = "interactive"
    WORKSHOP = "workshop"
    FORUM_THEATRE = "forum_theatre"


class Mark(StrEnum):
    """An attendance mark."""

    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class SettingKey(StrEnum):
    """Keys of the `settings` table written in more than one place."""

    CENTRE_NAME = "centre_name"
    CENTRE_ADDRESS = "centre_address"


# The value lists as the field registry takes them (in this order on forms and in checks).
PARENTAL_CAPACITY = tuple(ParentalCapacity)
ENVIRONMENT_IMPACT = tuple(EnvironmentImpact)
PROBLEM_DURATION = tuple(ProblemDuration)
ASSESSMENT_DECISIONS = tuple(AssessmentDecision)
CASE_LEVELS = tuple(CaseLevel)
LEGAL_CAPACITY = tuple(LegalCapacity)
REFERRAL_OUTCOMES = tuple(ReferralOutcome)
SEX = tuple(Sex)
SERVICE_FORMS = tuple(ServiceForm)
SESSION_FORMATS = tuple(SessionFormat)
MARKS = tuple(Mark)

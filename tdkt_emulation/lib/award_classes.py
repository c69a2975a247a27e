"""The kinds of award and the classes of recipient of the Ministry's statistics.

The kinds (thường xuyên, chuyên đề, đột xuất, đối ngoại, cống hiến, niên hạn, kháng chiến)
are the rows "by kind of award" of forms 0602/0603; the recipient classes are their rows
"by recipient": a collective is an agency or public service unit, an enterprise or a
household, a person one of the five classes of codes 10-14 of form 0602.
"""

AWARD_KINDS = [
    ("regular", "Regular"),
    ("thematic", "Thematic"),
    ("sudden", "Sudden"),
    ("foreign", "Foreign Relations"),
    ("dedication", "Dedication"),
    ("seniority", "Seniority"),
    ("resistance", "Resistance"),
]

RECIPIENT_CLASSES = [
    ("agency", "Agency or Public Service Unit"),
    ("enterprise", "Enterprise"),
    ("household", "Household"),
    ("leader_ministry", "Leader at Ministry or Province Level or Above"),
    ("leader_department", "Leader at Department Level"),
    ("businessperson", "Businessperson"),
    ("leader_other", "Other Leader (Deputy Head of Division or Above)"),
    ("worker", "Direct Worker"),
]

# The classes a collective or a person may be in.
COLLECTIVE_CLASSES = ("agency", "enterprise", "household")
PERSON_CLASSES = (
    "leader_ministry",
    "leader_department",
    "businessperson",
    "leader_other",
    "worker",
)
# Only regular awards (theo công trạng) count towards higher titles.
COUNTING_KINDS = ("regular",)


def default_recipient_class(subject_type, person_class=None):
    """The class of a recipient by default: a collective is an agency (the body's own
    units), a person the class their record gives, else a direct worker."""
    if subject_type == "collective":
        return "agency"
    return person_class if person_class in PERSON_CLASSES else "worker"


def check_recipient_class(subject_type, recipient_class):
    """Whether ``recipient_class`` fits the subject: a collective's class for a collective,
    a person's for a person (an empty class fits both)."""
    if not recipient_class:
        return True
    allowed = COLLECTIVE_CLASSES if subject_type == "collective" else PERSON_CLASSES
    return recipient_class in allowed


def default_award_kind(title_kind=None, movement_method=None, sudden=False):
    """The kind of an award by default: sudden when marked so, thematic in a thematic
    movement, else the title's own kind, regular when the title names none."""
    if sudden:
        return "sudden"
    if movement_method == "thematic":
        return "thematic"
    return title_kind or "regular"

"""Kinds of award and classes of recipient of the Ministry's statistics (forms 0602/0603)."""

import pytest

from tdkt_emulation.lib.award_classes import (
    AWARD_KINDS,
    COLLECTIVE_CLASSES,
    PERSON_CLASSES,
    RECIPIENT_CLASSES,
    check_recipient_class,
    default_award_kind,
    default_recipient_class,
)


def test_the_seven_kinds_in_the_order_of_the_forms():
    assert [code for code, _label in AWARD_KINDS] == [
        "regular",
        "thematic",
        "sudden",
        "foreign",
        "dedication",
        "seniority",
        "resistance",
    ]


def test_three_collective_and_five_person_classes():
    codes = [code for code, _label in RECIPIENT_CLASSES]
    assert codes == [*COLLECTIVE_CLASSES, *PERSON_CLASSES]
    assert len(COLLECTIVE_CLASSES) == 3
    assert len(PERSON_CLASSES) == 5


@pytest.mark.parametrize(
    ("subject_type", "person_class", "expected"),
    [
        ("collective", None, "agency"),
        ("collective", "leader_ministry", "agency"),
        ("individual", None, "worker"),
        ("individual", "leader_department", "leader_department"),
        ("individual", "businessperson", "businessperson"),
        # A collective's class on a person's record is no person's class.
        ("individual", "enterprise", "worker"),
    ],
)
def test_default_recipient_class(subject_type, person_class, expected):
    assert default_recipient_class(subject_type, person_class) == expected


@pytest.mark.parametrize(
    ("subject_type", "recipient_class", "fits"),
    [
        ("collective", "agency", True),
        ("collective", "household", True),
        ("collective", "worker", False),
        ("individual", "worker", True),
        ("individual", "leader_other", True),
        ("individual", "enterprise", False),
        ("individual", False, True),
    ],
)
def test_check_recipient_class(subject_type, recipient_class, fits):
    assert check_recipient_class(subject_type, recipient_class) is fits


@pytest.mark.parametrize(
    ("title_kind", "method", "sudden", "expected"),
    [
        (None, None, False, "regular"),
        ("regular", None, False, "regular"),
        ("dedication", None, False, "dedication"),
        ("regular", "regular", False, "regular"),
        ("regular", "thematic", False, "thematic"),
        ("regular", "thematic", True, "sudden"),
        (None, None, True, "sudden"),
    ],
)
def test_default_award_kind(title_kind, method, sudden, expected):
    assert default_award_kind(title_kind, method, sudden) == expected

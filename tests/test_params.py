import pytest

from tdkt_emulation.lib.params import PG_INT_MAX, parse_id, parse_ids, parse_year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 1),
        (" 42 ", 42),
        ("999999999", 999999999),
        ("²", None),  # isdigit() is true, int() fails
        ("٣", None),  # an Arabic-Indic digit int() reads as 3
        ("1" * 5000, None),
        ("1234567890", None),  # ten digits: beyond the bound, whatever its value
        ("0", None),
        ("-1", None),
        ("+1", None),
        ("1e3", None),
        ("0x10", None),
        ("", None),
        ("1\n", 1),
        ("1\n2", None),
        (None, None),
        (12, None),
    ],
)
def test_ids_are_bounded_ascii_decimals(text, expected):
    assert parse_id(text) == expected


def test_id_list_is_all_or_nothing():
    assert parse_ids("3,1,3, 2") == [3, 1, 2]
    assert parse_ids("") == []
    assert parse_ids("   ") == []
    assert parse_ids("1,²") is None
    assert parse_ids("1,,2") is None
    assert parse_ids(",".join(["1"] * 11), limit=10) is None
    assert parse_ids(",".join(str(n) for n in range(1, 20001))) == list(range(1, 20001))
    assert max(parse_ids(str(PG_INT_MAX)) or [0]) <= PG_INT_MAX


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2030", 2030),
        ("1900", 1900),
        ("2999", 2999),
        ("1899", None),
        ("3000", None),
        ("9" * 5000, None),
        ("²⁰²⁰", None),
        ("-2030", None),
        ("20300", None),
        ("", None),
    ],
)
def test_years_are_four_digits_in_range(text, expected):
    assert parse_year(text) == expected

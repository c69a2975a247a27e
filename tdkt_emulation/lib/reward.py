"""Reward money of titles and commendation forms (tiền thưởng): a coefficient times the
base salary (mức lương cơ sở) in force on the decision's date, both dated data.

Decree 91/2017/NĐ-CP Art 73(3), kept by Decree 98/2023 and Decree 152/2025: the amount,
once the coefficient is multiplied by the base salary, is rounded up to the ten thousand
đồng (to confirm against the text in force).
"""

import math
from decimal import ROUND_HALF_UP, Decimal

# The amount is rounded up to this many đồng.
ROUNDING = 10_000


def select_dated(rows, day):
    """The key of the row in force on ``day`` among ``rows`` of
    ``(key, date_from, date_to)`` (an empty bound is open): of those in force, the one that
    began last. None when no row is, or when there is no day."""
    if not day:
        return None
    in_force = [
        (date_from, key)
        for key, date_from, date_to in rows
        if (not date_from or date_from <= day) and (not date_to or day <= date_to)
    ]
    if not in_force:
        return None
    return max(in_force, key=lambda row: (row[0] is not None, row[0] or day))[1]


def reward_amount(coefficient, base_salary, rounding=ROUNDING):
    """``coefficient`` × ``base_salary``, rounded up to ``rounding`` đồng; 0 when either
    is missing."""
    if not coefficient or not base_salary:
        return 0
    # Through Decimal, so that 0.3 × 1,800,000 is 540,000 and not 540,000.0000001 rounded up.
    exact = (Decimal(str(coefficient)) * Decimal(str(base_salary))).quantize(
        Decimal("1"), rounding=ROUND_HALF_UP
    )
    return int(math.ceil(int(exact) / rounding) * rounding) if rounding else int(exact)


def format_vnd(amount):
    """An amount of đồng as Vietnamese write it: "1.234.000"; empty for none."""
    if amount is None or amount is False:
        return ""
    return f"{round(amount):,}".replace(",", ".")

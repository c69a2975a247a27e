"""When to remind: the "days before a deadline" settings and the reminders they call for.

A record keeps the date of its next reminder. With settings (7, 1) and a deadline on the
20th, the first reminder is due on the 13th; once sent, the next is due on the 19th; after
that none. A reminder found late (the scheduler was down, or the record was created close
to its deadline) is sent once, for the stage the remaining days fall in, never once per
missed stage.
"""

import datetime


class ReminderDaysError(ValueError):
    """The days-before setting is not a list of whole numbers of days."""


def parse_reminder_days(text):
    """Parse a setting such as ``"7, 1"`` into the days before a deadline, largest first.

    :raises ReminderDaysError: for anything but whole numbers from 0 to 365
    """
    days = set()
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or int(part) > 365:
            raise ReminderDaysError(part)
        days.add(int(part))
    return tuple(sorted(days, reverse=True))


def reminder_stage(days_left, reminder_days):
    """Return the reminder (days before the deadline) that ``days_left`` falls in, or None
    when the deadline is past or still further than every reminder."""
    if days_left < 0:
        return None
    stages = [days for days in reminder_days if days >= days_left]
    return min(stages) if stages else None


def next_reminder_date(deadline, reminder_days, sent_stage=None):
    """Return the date of the next reminder before ``deadline``, or None.

    :param sent_stage: the stage of the last reminder sent (None: none sent yet)
    """
    if not deadline:
        return None
    pending = [
        days for days in reminder_days if sent_stage is None or days < sent_stage
    ]
    if not pending:
        return None
    return deadline - datetime.timedelta(days=max(pending))

"""A proposal dossier (hồ sơ đề nghị) as the receiving clerk gets it: its files in the
order of the dossier, numbered and named in plain ASCII (``01-To-trinh-30-TTr-SNV.docx``),
in one ZIP; and the deadline a dossier is due by.
"""

import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

# The parts of a dossier in the order a clerk reads them, and the name of each in a file
# name (ASCII-folded Vietnamese).
DOSSIER_PARTS = {
    "proposal": "To trinh",
    "nominees": "Danh sach de nghi",
    "achievement": "Bao cao thanh tich",
    "minutes": "Bien ban hop Hoi dong",
    "certifications": "Danh sach chung nhan",
    "discipline": "Danh sach ky luat",
    "attachment": "",
}
# The longest file name (without number and extension) a ZIP entry gets.
MAX_NAME_LENGTH = 80


@dataclass(frozen=True)
class DossierFile:
    """One file of a dossier: its part (a key of ``DOSSIER_PARTS``), what tells it from
    the part's other files (a number, a nominee's name, an attachment's title), its
    extension and its bytes."""

    part: str
    detail: str
    extension: str
    content: bytes


def ascii_fold(text):
    """``text`` without its diacritics: "Đặng Thị Ánh" → "Dang Thi Anh"."""
    text = (text or "").replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFKD", text)
    return (
        "".join(char for char in decomposed if not unicodedata.combining(char))
        .encode("ascii", "ignore")
        .decode("ascii")
    )


def slug(text, max_length=MAX_NAME_LENGTH):
    """The words of ``text``, ASCII-folded and joined by hyphens: "30/TTr-SNV" →
    "30-TTr-SNV"."""
    words = re.findall(r"[A-Za-z0-9]+", ascii_fold(text))
    return "-".join(words)[:max_length].strip("-")


def clean_extension(extension):
    """A file extension reduced to lower-case letters and digits; "bin" when none is left."""
    return re.sub(r"[^a-z0-9]", "", (extension or "").lower())[:10] or "bin"


def dossier_file_names(files):
    """The ZIP name of each of ``files`` (``DossierFile``), in the dossier's order: the
    parts in the order of ``DOSSIER_PARTS``, the files of a part in the order given, all
    numbered from 01. Two files that would share a name get -2, -3…

    :return: list of (name, DossierFile), in order
    """
    order = {part: index for index, part in enumerate(DOSSIER_PARTS)}
    ordered = sorted(enumerate(files), key=lambda pair: (order[pair[1].part], pair[0]))
    width = max(2, len(str(len(ordered))))
    named, taken = [], set()
    for number, (_index, file) in enumerate(ordered, 1):
        stem = slug(f"{DOSSIER_PARTS[file.part]} {file.detail}") or "Tai-lieu"
        extension = clean_extension(file.extension)
        name = f"{number:0{width}d}-{stem}.{extension}"
        copy = 1
        while name.lower() in taken:
            copy += 1
            name = f"{number:0{width}d}-{stem}-{copy}.{extension}"
        taken.add(name.lower())
        named.append((name, file))
    return named


def build_dossier_zip(files):
    """The ZIP of ``files`` named by ``dossier_file_names``: (bytes, names in order)."""
    named = dossier_file_names(files)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, file in named:
            archive.writestr(name, file.content)
    return output.getvalue(), [name for name, _file in named]


class DeadlineSettingError(ValueError):
    """The day and month of the year-end deadline make no date."""


def year_end_deadline(year, day, month):
    """The date year-end proposals of ``year`` are due by: ``day``/``month`` of ``year``.

    :raises DeadlineSettingError: when ``day``/``month`` is no date (e.g. 31/11)
    """
    try:
        # 29/02 is checked against a leap year: it is a date, which falls on 28/02 in others.
        datetime.date(2000, month, day)
    except (TypeError, ValueError) as error:
        raise DeadlineSettingError(f"{day}/{month}") from error
    if month == 2 and day == 29 and not _is_leap(year):
        day = 28
    return datetime.date(year, month, day)


def thematic_deadline(event_date, days_before):
    """The date a thematic proposal is due by: ``days_before`` days before the event."""
    if not event_date:
        return None
    return event_date - datetime.timedelta(days=max(days_before or 0, 0))


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

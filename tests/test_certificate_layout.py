import pytest

from tdkt_emulation.lib.certificate_layout import (
    FIELDS,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    PositionError,
    check_position,
    field_style,
    grid_lines,
    wkhtmltopdf_zoom,
)


def test_shipped_fields_are_on_the_sheet_in_the_order_of_art_104():
    for field in FIELDS:
        check_position(field.x, field.y, field.width, field.font_size)
    keys = [field.key for field in FIELDS]
    assert keys[:8] == [
        "national_name",
        "motto",
        "authority",
        "grant",
        "title",
        "recipient",
        "position_unit",
        "achievement",
    ]
    tops = [field.y for field in FIELDS[:8]]
    assert tops == sorted(tops)
    assert {field.key for field in FIELDS if field.preprinted} == {
        "national_name",
        "motto",
        "grant",
    }


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((PAGE_WIDTH_MM, 10, 10), "x"),
        ((-0.1, 10, 10), "x"),
        ((10, PAGE_HEIGHT_MM, 10), "y"),
        ((10, -1, 10), "y"),
        ((10, 10, 0), "width"),
        ((100, 10, 200), "right"),
        ((10, 10, 10, 5), "font_size"),
        ((10, 10, 10, 73), "font_size"),
    ],
)
def test_off_the_sheet(args, code):
    with pytest.raises(PositionError) as caught:
        check_position(*args)
    assert caught.value.code == code


def test_edges_are_allowed():
    check_position(0, 0, PAGE_WIDTH_MM)
    check_position(197, 209.9, 100, 72)


def test_style_in_millimetres():
    style = field_style(FIELDS[5], 50, 102.25, 150, 20)
    assert style.startswith(
        "left: 50.00mm; top: 102.25mm; width: 150.00mm; font-size: 20.0pt;"
    )
    assert "font-weight: bold" in style


def test_grid():
    lines = grid_lines()
    vertical = [line for line in lines if line[0] == "v"]
    horizontal = [line for line in lines if line[0] == "h"]
    assert len(vertical) == 297 and len(horizontal) == 210
    assert ("v", 150.0, "cm") in lines
    assert ("h", 35.0, "half") in lines
    assert ("h", 36.0, "mm") in lines


def test_zoom_for_the_wkhtmltopdf_build():
    assert wkhtmltopdf_zoom("wkhtmltopdf 0.12.6 (with patched qt)\n") == 1.0
    # Debian's build, on an unpatched Qt, prints 1 CSS mm as 0.768 mm.
    assert wkhtmltopdf_zoom("wkhtmltopdf 0.12.6\n") * 0.768 == pytest.approx(1.0)
    assert wkhtmltopdf_zoom("") * 0.768 == pytest.approx(1.0)

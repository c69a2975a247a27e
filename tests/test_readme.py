"""README.rst and static/description/index.html are those that tools/gen_addon_readme.py
makes from readme/*.md (./dev format regenerates them)."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDON = ROOT / "tdkt_emulation"
_spec = importlib.util.spec_from_file_location(
    "gen_addon_readme", ROOT / "tools" / "gen_addon_readme.py"
)
gen_addon_readme = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen_addon_readme)


def test_committed_readme_and_index_are_generated_from_the_fragments(tmp_path):
    readme, index = gen_addon_readme.generate(ADDON, tmp_path)
    message = "run ./dev format (or python tools/gen_addon_readme.py tdkt_emulation) and commit"
    assert (ADDON / "README.rst").read_text(encoding="utf-8") == readme.read_text(
        encoding="utf-8"
    ), message
    assert (
        ADDON / "static/description/index.html"
    ).read_bytes() == index.read_bytes(), message


def test_readme_has_oca_sections_and_names_the_source_digest():
    text = (ADDON / "README.rst").read_text(encoding="utf-8")
    for title in (
        "Installation",
        "Configuration",
        "Usage",
        "Changelog",
        "Bug Tracker",
        "Credits",
    ):
        assert f"\n{title}\n{'=' * len(title)}\n" in text, title
    assert "source digest: " + gen_addon_readme.source_digest(ADDON) in text


def test_description_covers_the_whole_addon():
    text = (ADDON / "readme" / "DESCRIPTION.md").read_text(encoding="utf-8").lower()
    for topic in (
        "plan",
        "task",
        "registration",
        "eligibility",
        "council",
        "secret ballot",
        "initiative",
        "decision",
        "award history",
        "dashboard",
        "reminder",
        "statistics",
    ):
        assert topic in text, topic


def test_markdown_is_converted_to_restructuredtext():
    rst = gen_addon_readme.markdown_to_rst(
        "A `code` and a [link](https://example.org), **bold**.\n- one\n  more\n\n## 18.0.1.0.0\n\n1. first\n",
        "HISTORY",
        2,
    )
    assert rst == (
        "A ``code`` and a `link <https://example.org>`__, **bold**.\n\n- one\n  more\n\n"
        "18.0.1.0.0\n----------\n\n1. first\n"
    )


@pytest.mark.parametrize(
    "markdown",
    [
        "```\ncode\n```\n",
        "text\n\n    indented code\n",
        "> quote\n",
        "a `span\nacross`\n",
    ],
)
def test_markdown_the_converter_does_not_know_is_refused(markdown):
    with pytest.raises(gen_addon_readme.FragmentError):
        gen_addon_readme.markdown_to_rst(markdown, "USAGE", 2)

"""README.rst and static/description/index.html of an addon, from its readme/*.md fragments.

The layout of OCA's oca-gen-addon-readme (maintainer-tools, which is not on PyPI): title,
badges, DESCRIPTION, the alpha warning, a table of contents, the other fragments as
sections, the bug tracker, the credits. Written for the project: it converts the Markdown
that the fragments use (paragraphs, lists, **bold**, *italics*, `code`, [links](url),
## headings) to reStructuredText itself instead of through pandoc, and refuses the rest.

    python tools/gen_addon_readme.py tdkt_emulation [--output-dir DIR]

Needs docutils (requirements-dev.txt), which checks the result and makes the HTML page that
Odoo shows for an application on its Apps screen.
"""

import argparse
import ast
import hashlib
import re
import sys
from pathlib import Path

# Sections in OCA's order: (fragment, title, heading level: 2 under the title, 3 under Credits).
SECTIONS = [
    ("CONTEXT", "Use Cases / Context", 2),
    ("INSTALL", "Installation", 2),
    ("CONFIGURE", "Configuration", 2),
    ("USAGE", "Usage", 2),
    ("DEVELOP", "Development", 2),
    ("ROADMAP", "Known issues / Roadmap", 2),
    ("HISTORY", "Changelog", 2),
]
CREDIT_SECTIONS = [("CONTRIBUTORS", "Contributors"), ("CREDITS", "Other credits")]
FRAGMENTS = (
    ["DESCRIPTION"]
    + [name for name, _t, _l in SECTIONS]
    + [name for name, _t in CREDIT_SECTIONS]
)
UNDERLINES = {1: "=", 2: "=", 3: "-", 4: "~"}

STATUS_BADGES = {
    "alpha": ("Alpha", "red"),
    "beta": ("Beta", "yellow"),
    "production/stable": ("Production%2FStable", "green"),
    "mature": ("Mature", "brightgreen"),
}
LICENSE_URLS = {
    "AGPL-3": "http://www.gnu.org/licenses/agpl-3.0-standalone.html",
    "LGPL-3": "http://www.gnu.org/licenses/lgpl-3.0-standalone.html",
    "GPL-3": "http://www.gnu.org/licenses/gpl-3.0-standalone.html",
}
# docutils settings for the HTML page: no file inclusion nor raw HTML, errors stop it.
HTML_SETTINGS = {
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "halt_level": 2,
    "smart_quotes": True,
    "syntax_highlight": "short",
    "xml_declaration": False,
    "output_encoding": "utf-8",
}


class FragmentError(ValueError):
    pass


# --- Markdown to reStructuredText ---------------------------------------------------------
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
CODE = re.compile(r"`([^`]+)`")
LIST_ITEM = re.compile(r"^(\s*)([-*]|\d+\.)\s+")
HEADING = re.compile(r"^(#{1,4})\s+(.*?)\s*#*$")


def convert_inline(text):
    """`code` becomes ``code``, [text](url) an anonymous link; the rest is the same in both."""
    parts = re.split(r"(`[^`]+`)", text)
    for index, part in enumerate(parts):
        if CODE.fullmatch(part):
            parts[index] = "``" + part[1:-1] + "``"
        else:
            parts[index] = LINK.sub(lambda m: f"`{m.group(1)} <{m.group(2)}>`__", part)
    return "".join(parts)


def markdown_to_rst(markdown, name, level):
    """The fragment ``name`` in reStructuredText, its ## headings one level under ``level``."""
    out = []
    previous = "blank"  # kind of the previous line: blank, text, item, heading
    for number, line in enumerate(markdown.splitlines(), 1):
        where = f"readme/{name}.md, line {number}"
        code_block = (
            line.startswith("    ")
            and previous == "blank"
            and not LIST_ITEM.match(line)
        )
        if line.startswith(("```", ">", "|", "<", "\t")) or code_block:
            raise FragmentError(
                f"{where}: only paragraphs, lists, headings and inline marks"
            )
        if line.count("`") % 2:
            raise FragmentError(
                f"{where}: a `code` span must end on the line it starts"
            )
        heading = HEADING.match(line)
        if heading:
            title = convert_inline(heading.group(2))
            depth = min(level + len(heading.group(1)) - 1, 4)
            if previous != "blank":
                out.append("")
            out += [title, UNDERLINES[depth] * len(title), ""]
            previous = "heading"
            continue
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            previous = "blank"
            continue
        item = LIST_ITEM.match(line)
        if item and previous == "text":
            out.append("")  # reStructuredText wants a blank line before a list
        if item and item.group(1) and previous == "item":
            out.append("")  # and around a nested list
        out.append(convert_inline(line.rstrip()))
        previous = (
            "item"
            if item
            else ("item" if previous == "item" and line.startswith(" ") else "text")
        )
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


# --- README.rst ---------------------------------------------------------------------------
def read_manifest(addon_dir):
    return ast.literal_eval((addon_dir / "__manifest__.py").read_text(encoding="utf-8"))


def source_digest(addon_dir):
    """sha256 of the manifest and the fragments, as README.rst's header records it."""
    digest = hashlib.sha256()
    for path in [
        addon_dir / "__manifest__.py",
        *sorted((addon_dir / "readme").glob("*.md")),
    ]:
        digest.update(path.relative_to(addon_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return "sha256:" + digest.hexdigest()


def section(title, body, underline):
    return f"{title}\n{underline * len(title)}\n\n{body}\n"


def render_readme(addon_dir):
    addon_dir = Path(addon_dir)
    manifest = read_manifest(addon_dir)
    addon = addon_dir.resolve().name
    fragments = {}
    for name in FRAGMENTS:
        path = addon_dir / "readme" / f"{name}.md"
        if path.is_file() and path.read_text(encoding="utf-8").strip():
            level = 3 if name in dict(CREDIT_SECTIONS) else 2
            fragments[name] = markdown_to_rst(
                path.read_text(encoding="utf-8"), name, level
            )
    if "DESCRIPTION" not in fragments:
        raise FragmentError(f"{addon_dir}/readme/DESCRIPTION.md is missing")
    unknown = {path.stem for path in (addon_dir / "readme").glob("*")} - set(FRAGMENTS)
    if unknown:
        raise FragmentError(
            f"unknown readme fragments: {sorted(unknown)} (known: {FRAGMENTS})"
        )
    match = re.match(r"https://github\.com/([^/]+)/([^/]+)", manifest["website"])
    if not match:
        raise FragmentError("the manifest's website is not a GitHub repository")
    org, repo = match.groups()
    branch = ".".join(manifest["version"].split(".")[:2])
    status = manifest.get("development_status", "Beta").lower()

    badges = []
    if status in STATUS_BADGES:
        label, color = STATUS_BADGES[status]
        badges.append(
            (
                f"https://img.shields.io/badge/maturity-{label}-{color}.png",
                "https://odoo-community.org/page/development-status",
                label.replace("%2F", "/"),
            )
        )
    if manifest.get("license") in LICENSE_URLS:
        license_ = manifest["license"]
        badges.append(
            (
                f"https://img.shields.io/badge/license-{license_.replace('-', '--')}-blue.png",
                LICENSE_URLS[license_],
                f"License: {license_}",
            )
        )
    badges.append(
        (
            f"https://img.shields.io/badge/github-{org.replace('-', '--')}%2F{repo.replace('-', '--')}"
            "-lightgray.png?logo=github",
            f"https://github.com/{org}/{repo}/tree/{branch}/{addon}",
            f"{org}/{repo}",
        )
    )

    name = manifest["name"]
    parts = [
        f"{'=' * len(name)}\n{name}\n{'=' * len(name)}\n",
        "..\n"
        "   !! This file is generated by tools/gen_addon_readme.py from readme/*.md: !!\n"
        "   !! changes made here will be overwritten.                                !!\n"
        f"   !! source digest: {source_digest(addon_dir)}\n",
        "".join(
            f".. |badge{n}| image:: {image}\n    :target: {target}\n    :alt: {alt}\n"
            for n, (image, target, alt) in enumerate(badges, 1)
        ),
        " ".join(f"|badge{n}|" for n in range(1, len(badges) + 1)) + "\n",
        fragments["DESCRIPTION"],
    ]
    if status == "alpha":
        parts.append(
            ".. IMPORTANT::\n"
            "   This is an alpha version, the data model and design can change at any time without warning.\n"
            "   Only for development or testing purpose, do not use in production.\n"
            "   `More details on development status <https://odoo-community.org/page/development-status>`_\n"
        )
    parts.append("**Table of contents**\n\n.. contents::\n   :local:\n")
    for fragment, title, _level in SECTIONS:
        if fragment in fragments:
            parts.append(section(title, fragments[fragment], "=").rstrip("\n") + "\n")
    issues = f"https://github.com/{org}/{repo}/issues"
    parts.append(
        section(
            "Bug Tracker",
            f"Bugs are tracked on `GitHub Issues <{issues}>`_.\n"
            "In case of trouble, please check there if your issue has already been reported.\n"
            "If you spotted it first, help us to smash it by providing a detailed and welcomed\n"
            f"`feedback <{issues}/new?body=module:%20{addon}%0Aversion:%20{branch}%0A%0A"
            "**Steps%20to%20reproduce**%0A-%20...%0A%0A**Current%20behavior**%0A%0A"
            "**Expected%20behavior**>`_.\n\n"
            "Do not contact contributors directly about support or help with technical issues.",
            "=",
        ).rstrip("\n")
        + "\n"
    )
    parts.append("Credits\n=======\n")
    authors = [
        author.strip()
        for author in manifest.get("author", "").split(",")
        if author.strip()
    ]
    if authors:
        parts.append(
            section("Authors", "\n".join(f"* {author}" for author in authors), "-")
        )
    for fragment, title in CREDIT_SECTIONS:
        if fragment in fragments:
            parts.append(section(title, fragments[fragment].rstrip("\n"), "-"))
    maintainers = manifest.get("maintainers", [])
    body = ""
    if maintainers:
        body += "".join(
            f".. |maintainer-{m}| image:: https://github.com/{m}.png?size=40px\n"
            f"    :target: https://github.com/{m}\n    :alt: {m}\n"
            for m in maintainers
        )
        plural = "s" if len(maintainers) > 1 else ""
        body += (
            f"\nCurrent maintainer{plural}:\n\n"
            + " ".join(f"|maintainer-{m}|" for m in maintainers)
            + "\n\n"
        )
    body += (
        f"This module is part of the `{org}/{repo} <https://github.com/{org}/{repo}/tree/{branch}/{addon}>`_ "
        "project on GitHub.\n\nYou are welcome to contribute."
    )
    parts.append(section("Maintainers", body, "-"))
    return "\n".join(part.rstrip("\n") + "\n" for part in parts)


def render_html(readme):
    """The page Odoo shows on the Apps screen (static/description/index.html)."""
    from docutils.core import publish_string

    html = publish_string(
        readme, writer_name="html4css1", settings_overrides=HTML_SETTINGS
    )
    # No docutils version in the page: a new docutils need not change it.
    return re.sub(rb'(<meta name="generator" content="Docutils)\s*[\d.]+', rb"\1", html)


def check_rst(readme):
    """docutils parses the text without a warning, or raises."""
    from docutils.core import publish_doctree

    publish_doctree(
        readme,
        settings_overrides={
            "halt_level": 2,
            "report_level": 2,
            "file_insertion_enabled": False,
        },
    )


def generate(addon_dir, output_dir=None):
    """Write README.rst and static/description/index.html under ``output_dir`` (default: the
    addon); return their paths."""
    addon_dir = Path(addon_dir)
    output_dir = Path(output_dir or addon_dir)
    readme = render_readme(addon_dir)
    check_rst(readme)
    readme_path = output_dir / "README.rst"
    index_path = output_dir / "static" / "description" / "index.html"
    index_path.parent.mkdir(parents=True, exist_ok=True)
    readme_path.write_text(readme, encoding="utf-8")
    index_path.write_bytes(render_html(readme))
    return readme_path, index_path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("addon_dir", type=Path)
    parser.add_argument(
        "--output-dir", type=Path, help="where to write (default: the addon folder)"
    )
    args = parser.parse_args(argv)
    try:
        for path in generate(args.addon_dir, args.output_dir):
            print(f"wrote {path}")
    except FragmentError as error:
        sys.exit(f"gen_addon_readme: {error}")


if __name__ == "__main__":
    main()

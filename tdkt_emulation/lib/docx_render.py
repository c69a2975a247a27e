"""Word documents from .docx templates with Jinja placeholders (docxtpl), and their PDF
through LibreOffice headless. No Odoo here: the Odoo layer turns :class:`TemplateError`
and :class:`ConverterError` into translated messages.

A template is checked before anything is rendered: a syntax error or a placeholder that
the document kind does not offer stops the rendering with the culprit named, so a bad
template never gives half a document. Templates are edited by the Office, not by
developers: they run in Jinja's sandbox, with every value escaped for the XML of Word.
"""

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate, RichText
from jinja2 import StrictUndefined, TemplateSyntaxError, Undefined
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from lxml import html as lxml_html

# HTML blocks that make a paragraph of their own.
BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
# How long LibreOffice may take to convert one document, in seconds.
CONVERT_TIMEOUT = 300


class TemplateError(Exception):
    """A template that cannot be rendered.

    ``code`` says why: ``not_docx`` (the file is no Word document), ``syntax`` (a Jinja
    tag is malformed; ``detail`` tells where), ``unknown_placeholder`` (``names`` lists
    the placeholders the document kind does not offer) or ``unsafe`` (the template tried
    what the sandbox forbids).
    """

    def __init__(self, code, names=(), detail=""):
        self.code = code
        self.names = tuple(names)
        self.detail = detail
        super().__init__(
            " ".join(part for part in (code, ", ".join(self.names), detail) if part)
        )


class ConverterError(Exception):
    """LibreOffice is missing or failed; ``code`` is ``missing``, ``failed`` or ``timeout``."""

    def __init__(self, code, detail=""):
        self.code = code
        self.detail = detail
        super().__init__(f"{code} {detail}".strip())


class _StrictUndefined(StrictUndefined):
    """Any use of a value the context does not hold (``{{ plan.nope }}``) stops the rendering
    with the name of that value."""

    def _fail_with_undefined_error(self, *args, **kwargs):
        raise TemplateError("unknown_placeholder", [self._undefined_name or "?"])


# Jinja binds __str__, __iter__, … to the base class's function: bind them to ours.
for _name, _value in {**vars(Undefined), **vars(StrictUndefined)}.items():
    if _value is Undefined._fail_with_undefined_error:
        setattr(_StrictUndefined, _name, _StrictUndefined._fail_with_undefined_error)


def _environment():
    return SandboxedEnvironment(undefined=_StrictUndefined, autoescape=True)


def _load(template):
    """A DocxTemplate of the bytes ``template``, or TemplateError ``not_docx``."""
    if not template:
        raise TemplateError("not_docx")
    try:
        docx_template = DocxTemplate(io.BytesIO(template))
        docx_template.init_docx()
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise TemplateError("not_docx", detail=str(error)) from error
    return docx_template


def template_placeholders(template):
    """The names the template's placeholders use at their top level (``plan`` for
    ``{{ plan.number }}``), loop variables excepted."""
    try:
        return _load(template).get_undeclared_template_variables(_environment())
    except TemplateSyntaxError as error:
        raise TemplateError(
            "syntax", detail=f"{error.message} (line {error.lineno})"
        ) from error


def check_template(template, allowed_names):
    """Raise TemplateError unless ``template`` is a Word file whose placeholders use only
    ``allowed_names`` at their top level."""
    unknown = sorted(template_placeholders(template) - set(allowed_names))
    if unknown:
        raise TemplateError("unknown_placeholder", unknown)


def render_docx(template, context, allowed_names=None):
    """The .docx bytes of ``template`` (bytes) rendered with ``context`` (a dict).

    ``allowed_names`` (default: the context's keys) are the top-level names a placeholder
    may use; any other stops the rendering before it starts.
    """
    check_template(template, context.keys() if allowed_names is None else allowed_names)
    docx_template = _load(template)
    try:
        docx_template.render(context, _environment(), autoescape=True)
    except SecurityError as error:
        raise TemplateError("unsafe", detail=str(error)) from error
    except TemplateSyntaxError as error:
        raise TemplateError(
            "syntax", detail=f"{error.message} (line {error.lineno})"
        ) from error
    except JinjaTemplateError as error:
        raise TemplateError("syntax", detail=str(error)) from error
    output = io.BytesIO()
    docx_template.save(output)
    return output.getvalue()


def html_runs(html):
    """The paragraphs of an HTML fragment (an Html field) as lists of runs
    ``(text, bold, italic, underline)``: one per block (a list item starts with "- ");
    empty blocks are left out, line breaks kept as "\\n"."""
    if not html or not str(html).strip():
        return []
    paragraphs = []
    current = []

    def flush():
        text = "".join(run[0] for run in current).strip()
        if text:
            paragraphs.append(_strip_runs(current))
        current.clear()

    def walk(element, bold, italic, underline):
        tag = element.tag if isinstance(element.tag, str) else ""
        bold = bold or tag in ("b", "strong")
        italic = italic or tag in ("i", "em")
        underline = underline or tag == "u"
        if tag in BLOCK_TAGS:
            flush()
            if tag == "li":
                current.append(("- ", False, False, False))
        if tag == "br":
            current.append(("\n", bold, italic, underline))
        elif element.text:
            current.append((element.text, bold, italic, underline))
        for child in element:
            walk(child, bold, italic, underline)
            if child.tail:
                current.append((child.tail, bold, italic, underline))
        if tag in BLOCK_TAGS:
            flush()

    root = lxml_html.fragment_fromstring(str(html), create_parent="div")
    walk(root, False, False, False)
    flush()
    return paragraphs


def _strip_runs(runs):
    """The runs with the spaces at the start and at the end of the paragraph removed, and
    the whitespace of the HTML source inside each run collapsed."""
    runs = [
        (text if text == "\n" else _collapse(text), *style) for text, *style in runs
    ]
    runs = [run for run in runs if run[0]]
    if runs:
        runs[0] = (runs[0][0].lstrip(), *runs[0][1:])
        runs[-1] = (runs[-1][0].rstrip(), *runs[-1][1:])
    return [run for run in runs if run[0]]


def _collapse(text):
    collapsed = " ".join(text.split())
    if text[:1].isspace() and collapsed:
        collapsed = " " + collapsed
    if text[-1:].isspace() and collapsed:
        collapsed += " "
    return collapsed or (" " if text else "")


def rich_paragraphs(html):
    """The paragraphs of an HTML fragment as docxtpl rich texts, for ``{{r p }}``."""
    paragraphs = []
    for runs in html_runs(html):
        rich = RichText()
        for text, bold, italic, underline in runs:
            rich.add(text, bold=bold, italic=italic, underline=underline)
        paragraphs.append(rich)
    return paragraphs


def find_converter():
    """The path of LibreOffice's ``soffice``, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx, timeout=CONVERT_TIMEOUT):
    """The PDF bytes of the .docx bytes ``docx``, converted by LibreOffice headless."""
    return convert_document(docx, "docx", "pdf:writer_pdf_Export", timeout=timeout)


def convert_document(content, source_suffix, target, timeout=CONVERT_TIMEOUT):
    """The bytes of ``content`` (a file of suffix ``source_suffix``) converted by
    LibreOffice headless to ``target``, a suffix optionally followed by ":" and an
    export filter ("docx", "pdf:writer_pdf_Export").

    Each call has its own LibreOffice profile in a temporary folder, so that conversions
    running at the same time (two workers, two users) never share one.
    """
    soffice = find_converter()
    if not soffice:
        raise ConverterError("missing")
    target_suffix = target.split(":", 1)[0]
    with tempfile.TemporaryDirectory(prefix="tdkt-convert-") as folder:
        folder = Path(folder)
        source = folder / f"document.{source_suffix}"
        source.write_bytes(content)
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            result = subprocess.run(  # noqa: S603 - a fixed command, no shell
                command,
                capture_output=True,
                timeout=timeout,
                check=False,
                env={**os.environ, "HOME": str(folder)},
            )
        except subprocess.TimeoutExpired as error:
            raise ConverterError("timeout", detail=str(timeout)) from error
        output = folder / "out" / f"document.{target_suffix}"
        if result.returncode or not output.is_file():
            detail = (
                (result.stderr or result.stdout or b"").decode(errors="replace").strip()
            )
            raise ConverterError("failed", detail=detail[-500:])
        return output.read_bytes()

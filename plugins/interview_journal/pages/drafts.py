"""The debrief page's drafts and briefing as HTML blocks (no MkDocs import here).

The logic lives in ``interview_journal.drafts``; this view renders the note templates as plain
text and the result through the autoescaping HTML templates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from jinja2 import Environment, TemplateError, TemplateSyntaxError

from ..drafts import Candidate, Render, briefing, round_drafts
from ..process import Round
from .render import Block, html_block, text_environment


def text_renderer(template_dirs: Sequence[Path] = ()) -> Render:
    """``render(name, context)`` over the text environment (not HTML-escaped)."""
    texts = text_environment(template_dirs)

    def render(name: str, context: Mapping[str, object]) -> str:
        try:
            return texts.get_template(name).render(**context)
        except TemplateSyntaxError:
            raise  # already names the template and the line
        except TemplateError as error:  # an unknown variable in a user's override, say
            raise TemplateError(f"{name}: {error.message}") from None

    return render


def round_blocks(env: Environment, render: Render, round_: Round, candidate: Candidate, public: bool) -> list[Block]:
    """The thank-you drafts of a done round and the briefing of a scheduled one.

    A public site gets no drafts at all (they are private correspondence, with addresses and
    your interest level) and a briefing without private notes.
    """
    blocks = []
    drafts = [] if public else round_drafts(round_, candidate, render)
    if drafts:
        blocks.append(html_block(env, "drafts/drafts.html", drafts=drafts))
    found = briefing(round_, private=not public)
    if found is not None:
        blocks.append(html_block(env, "drafts/briefing.html", b=found))
    return blocks

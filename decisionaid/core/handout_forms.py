"""Blank forms for handouts of the steps that ask the reader something.

A counsellor can print any step. A page prints as it reads; a step that asks questions prints
as an empty form the reader can fill in by hand, with nothing of any reader's answers in it.
"""

from __future__ import annotations

from collections.abc import Mapping

from decisionaid.core.decision_data import DecisionData
from decisionaid.core.escape import escape
from decisionaid.core.guide import Reference
from decisionaid.core.i18n import _

BOX = "☐"  # an empty tick box, in print as on paper forms


def _e(text: str) -> str:
    return escape(text, quote=True)


def _boxes(labels: list[str] | tuple[str, ...]) -> str:
    # A line may break between choices, never inside one ("Extremely / important").
    return "&nbsp;&nbsp; ".join(
        f"{BOX}&nbsp;{_e(label).replace(' ', '&nbsp;')}" for label in labels
    )


def _p(text: str) -> str:
    return f"<p>{_e(text)}</p>"


def _cite(key: str, references: Mapping[str, Reference]) -> str:
    ref = references.get(key)
    return f' <sup><a href="ref:{_e(key)}">[{ref.number}]</a></sup>' if ref else ""


def blank_form_html(
    kind: str,
    data: DecisionData,
    references: Mapping[str, Reference],
    options: tuple[str, ...] = (),
) -> str:
    """The form for a step of `kind`, or "" when that kind has no form (or no data). Answers
    that state facts carry their citation, so the handout lists the sources they come from."""
    if kind == "values" and data.values is not None:
        choices = [*data.values.scale, data.values.not_sure]
        rows = [f"<p><b>{_e(s.text)}</b><br/>{_boxes(choices)}</p>" for s in data.values.statements]
        return _p(_("For each sentence, tick how much it matters to you.")) + "".join(rows)
    if kind == "leaning" and data.leaning is not None:
        leaning = data.leaning.in_order(options)  # the comparison's column order
        return f"<p>{_e(leaning.question)}</p>" + "".join(
            f"<p>{BOX} {_e(choice.label)}</p>" for choice in leaning.choices
        )
    if kind == "quiz" and data.quiz is not None:
        items = []
        for n, item in enumerate(data.quiz, 1):
            items.append(f"<p><b>{n}. {_e(item.question)}</b><br/>{_boxes(item.choices)}</p>")
        answers = "".join(
            f"<li>{_e(item.choices[item.answer].rstrip('.?!'))}. {_e(item.explanation)}"
            f"{_cite(item.source, references)}</li>"
            for item in data.quiz
        )
        return "".join(items) + "<h2>" + _e(_("Answers")) + f"</h2><ol>{answers}</ol>"
    if kind == "questions" and data.questions is not None:
        bank = data.questions
        parts = [_p(_("Tick the questions you want to ask."))]
        for topic in bank.topics:
            parts.append(f"<h2>{_e(topic.title)}</h2>")
            parts += [f"<p>{BOX} {_e(q.text)}</p>" for q in bank.in_topic(topic.id)]
        parts.append(
            "<h2>"
            + _e(_("My own questions"))
            + "</h2>"
            + "<p>_______________________________</p>" * 3
        )
        return "".join(parts)
    if kind == "sure" and data.sure is not None:
        yes_no = _boxes((_("Yes"), _("No")))
        sure_items = "".join(
            f"<p><b>{_e(item.text)}</b><br/>{yes_no}</p>" for item in data.sure.items
        )
        return (
            sure_items
            + _p(
                _(
                    "If you answered No to one or more, you may want more information, more "
                    "time, or someone to talk it over with before you decide."
                )
            )
            + f"<p class='caption'>{_e(data.sure.citation)}</p>"
        )
    return ""

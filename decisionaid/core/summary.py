"""What the reader takes away: the summary of their answers, as words and as print-ready HTML.

Their questions also go in a QR code (core/qr_payload.py).

Everything here is built from the session on demand and never stored. Nothing that could
identify a person is added: no name, no date of birth, no clinic, no web address.
"""

from __future__ import annotations

from decisionaid.core.decision_data import DecisionData, SureData
from decisionaid.core.escape import escape
from decisionaid.core.record import record
from decisionaid.core.session import Session

# Leaning choices, in a fixed order that is not a ranking.
LEANINGS: tuple[tuple[str, str], ...] = (
    ("ketamine", "Toward ketamine or esketamine"),
    ("other", "Toward another treatment"),
    ("current", "Toward keeping my current care"),
    ("unsure", "I am not sure yet"),
)
LEANING_LABELS = dict(LEANINGS)

# Next steps for each SURE item answered "no" (Ottawa Personal Decision Guide, step 4).
SURE_NEXT_STEPS: dict[str, tuple[str, str, str]] = {
    # letter -> (suggestion, kind of step to go back to, button label)
    "U": (
        "Find out more. Go back over the benefits and risks, or ask your provider the questions "
        "on your list.",
        "questions",
        "Go to your questions",
    ),
    "R": (
        "Think again about what matters most to you. Your answers can change, and that is fine.",
        "values",
        "Go to what matters to you",
    ),
    "E": (
        "Talk it over with someone you trust: your provider, a counsellor, family or a friend.",
        "",
        "",
    ),
    "S": (
        "Take more time. You do not have to decide today.",
        "",
        "",
    ),
}


@record(frozen=True)
class ValueLine:
    statement: str
    answer: str


@record(frozen=True)
class Summary:
    values: tuple[ValueLine, ...]
    leaning: str
    sure_score: int | None
    sure_total: int
    sure_next_steps: tuple[str, ...]
    questions: tuple[str, ...]
    # The SURE test's licence asks for its citation wherever its result is given.
    sure_citation: str = ""

    @property
    def sure_heading(self) -> str:
        return "How sure I feel (the SURE test)" if self.sure_citation else "How sure I feel"

    @property
    def sure_line(self) -> str:
        if self.sure_score is None:
            return "You have not answered all four questions."
        return f"You answered yes to {self.sure_score} of {self.sure_total} questions."


def chosen_question_texts(session: Session, data: DecisionData) -> list[str]:
    """The reader's questions as text, in the reader's order."""
    texts = []
    for qid in session.state.question_order:
        if qid.startswith("own:"):
            text = session.own_question_text(qid)
        else:
            q = data.questions.get(qid) if data.questions else None
            text = q.text if q else ""
        if text:
            texts.append(text)
    return texts


def sure_next_steps(session: Session, sure: SureData | None) -> list[str]:
    """Suggestions for each "no", once all four are answered and the score is 3 or lower."""
    if sure is None:
        return []
    score = session.sure_score(len(sure.items))
    if score is None or score > len(sure.items) - 1:
        return []
    answers = session.state.sure_answers
    return [
        SURE_NEXT_STEPS[item.letter][0]
        for item in sure.items
        if answers.get(item.letter) is False and item.letter in SURE_NEXT_STEPS
    ]


def reflection(session: Session, data: DecisionData) -> list[tuple[str, list[str]]]:
    """The reader's own answers, grouped, to show back to them. It draws no conclusion."""
    if data.values is None:
        return []
    groups: dict[str, list[str]] = {"high": [], "middle": [], "low": [], "unsure": []}
    for st in data.values.statements:
        if st.id not in session.state.values:
            continue
        answer = session.state.values[st.id]
        if answer is None:
            groups["unsure"].append(st.reflect)
        elif answer >= 3:
            groups["high"].append(st.reflect)
        elif answer == 2:
            groups["middle"].append(st.reflect)
        else:
            groups["low"].append(st.reflect)
    titles = {
        "high": "You said these matter a lot to you",
        "middle": "You said these matter somewhat",
        "low": "You said these matter less to you",
        "unsure": "You were not sure about",
    }
    return [(titles[k], v) for k, v in groups.items() if v]


def build_summary(session: Session, data: DecisionData) -> Summary:
    values: list[ValueLine] = []
    if data.values is not None:
        for st in data.values.statements:
            if st.id in session.state.values:
                values.append(
                    ValueLine(st.text, data.values.answer_label(session.state.values[st.id]))
                )
    total = len(data.sure.items) if data.sure else 4
    return Summary(
        values=tuple(values),
        leaning=LEANING_LABELS.get(session.state.leaning or "", ""),
        sure_score=session.sure_score(total),
        sure_total=total,
        sure_next_steps=tuple(sure_next_steps(session, data.sure)),
        questions=tuple(chosen_question_texts(session, data)),
        sure_citation=data.sure.citation if data.sure else "",
    )


def summary_html(
    summary: Summary, *, title: str, hide_answers: bool = False, for_paper: bool = True
) -> str:
    """The summary in Qt's rich-text subset, laid out for paper: questions first, with room to write."""
    e = escape
    parts = [f"<h1>{e(title)}</h1>"]
    parts.append("<h2>My questions</h2>")
    # On paper each question gets room for the answer; on screen that room is just a gap.
    notes = '<p class="notes">Notes:</p>' if for_paper else ""
    if summary.questions:
        rows = "".join(
            f'<tr><td class="num" width="6%" valign="top">{i}.</td><td valign="top">{e(q)}{notes}</td></tr>'
            for i, q in enumerate(summary.questions, 1)
        )
        parts.append(
            f'<table class="questions" cellspacing="0" cellpadding="4" width="100%">{rows}</table>'
        )
    else:
        parts.append("<p>You have not chosen any questions yet.</p>")
    if hide_answers:
        parts.append("<p><i>Your other answers are hidden on this screen.</i></p>")
        return "".join(parts)
    parts.append("<h2>What matters to me</h2>")
    if summary.values:
        rows = "".join(
            f'<tr><td valign="top">{e(v.statement)}</td><td valign="top"><b>{e(v.answer)}</b></td></tr>'
            for v in summary.values
        )
        parts.append(
            f'<table class="values" cellspacing="0" cellpadding="6" border="1" width="100%">{rows}</table>'
        )
    else:
        parts.append("<p>Not answered.</p>")
    parts.append("<h2>Where I am leaning</h2>")
    parts.append(f"<p>{e(summary.leaning) if summary.leaning else 'Not answered.'}</p>")
    parts.append(f"<h2>{e(summary.sure_heading)}</h2>")
    parts.append(f"<p>{e(summary.sure_line)}</p>")
    if summary.sure_next_steps:
        items = "".join(f"<li>{e(s)}</li>" for s in summary.sure_next_steps)
        parts.append(f"<p>Things that may help:</p><ul>{items}</ul>")
    if summary.sure_citation:
        parts.append(f'<p class="citation">{e(summary.sure_citation)}</p>')
    parts.append(
        '<p class="footnote">This list is for you and your provider to talk over. '
        "It is not advice and does not recommend a treatment.</p>"
    )
    return "".join(parts)


def print_font_pt(large_print: bool) -> int:
    """Body text size on paper; 16 pt or more counts as large print."""
    return 17 if large_print else 12


def print_css(large_print: bool) -> str:
    """Stylesheet for paper: black on white, sizes in points so print and PDF agree.

    The body size is the document's default font (Qt ignores a font size on body).
    """
    base = print_font_pt(large_print)
    return f"""
h1 {{ font-size: {round(base * 1.6)}pt; font-weight: 600; margin-bottom: 8pt; }}
h2 {{ font-size: {round(base * 1.25)}pt; font-weight: 600; margin-top: 14pt; margin-bottom: 4pt; }}
p, li {{ margin-top: 2pt; margin-bottom: 6pt; }}
td.num {{ font-weight: 600; }}
p.notes {{ color: #555555; margin-bottom: {base * 2}pt; }}
table.values {{ border-color: #555555; border-style: solid; }}
p.footnote {{ color: #333333; margin-top: 16pt; }}
p.citation {{ color: #333333; font-size: {max(10, base - 2)}pt; }}
"""


def summary_text(summary: Summary, *, title: str) -> str:
    """The summary as plain words, for reading aloud and for tests."""
    lines = [title, "", "My questions:"]
    lines += [f"{i}. {q}" for i, q in enumerate(summary.questions, 1)] or ["None chosen yet."]
    lines += ["", "What matters to me:"]
    lines += [f"- {v.statement}: {v.answer}" for v in summary.values] or ["Not answered."]
    lines += ["", f"Where I am leaning: {summary.leaning or 'Not answered.'}"]
    lines += ["", f"{summary.sure_heading}: {summary.sure_line}"]
    lines += [f"- {s}" for s in summary.sure_next_steps]
    if summary.sure_citation:
        lines += [f"Source: {summary.sure_citation}"]
    return "\n".join(lines)

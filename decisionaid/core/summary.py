"""What the reader takes away: the summary of their answers, as words and as print-ready HTML.

Their questions also go in a QR code (core/qr_payload.py).

Everything here is built from the session on demand and never stored. Nothing that could
identify a person is added: no name, no date of birth, no clinic, no web address. The words
around the reader's answers come from the guide's step-wording.toml (core/wording.py), and
every printout says which edition of the guide it came from.
"""

from __future__ import annotations

from decisionaid.core.decision_data import DecisionData
from decisionaid.core.escape import escape
from decisionaid.core.guide import Guide
from decisionaid.core.i18n import N_, _
from decisionaid.core.record import record
from decisionaid.core.session import Session
from decisionaid.core.wording import Wording


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
    # Which edition of the guide this came from, and when its evidence was searched.
    edition_line: str = ""
    # Each question in English for the provider, beside `questions` ("" for none), when the
    # reader's language is not English (core/provider_copy.py).
    questions_in_english: tuple[str, ...] = ()


def sure_heading(summary: Summary, wording: Wording) -> str:
    return wording["summary.sure_cited" if summary.sure_citation else "summary.sure"]


def sure_line(summary: Summary, wording: Wording) -> str:
    if summary.sure_score is None:
        return wording["summary.sure_unanswered"]
    return wording.format("summary.sure_score", score=summary.sure_score, total=summary.sure_total)


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


def sure_next_steps(session: Session, data: DecisionData) -> list[str]:
    """Suggestions for each "no", once all four are answered and the score is 3 or lower."""
    sure = data.sure
    if sure is None:
        return []
    score = session.sure_score(len(sure.items))
    if score is None or score > len(sure.items) - 1:
        return []
    answers = session.state.sure_answers
    steps = [data.next_step_for(item.letter) for item in sure.items]
    return [
        step.suggestion
        for item, step in zip(sure.items, steps, strict=True)
        if answers.get(item.letter) is False and step is not None
    ]


def reflection(session: Session, data: DecisionData) -> list[tuple[str, list[str]]]:
    """The reader's own answers, grouped, to show back to them. It draws no conclusion."""
    if data.values is None or data.leaning is None:
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
    titles = data.leaning.reflect
    return [(titles[k], v) for k, v in groups.items() if v]


def build_summary(
    session: Session, data: DecisionData, guide: Guide, english: DecisionData | None = None
) -> Summary:
    """The reader's summary; with `english` (the English guide's decision data, for a reader
    in another language) each question also in English, for the provider."""
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
        leaning=data.leaning.label(session.state.leaning) if data.leaning else "",
        sure_score=session.sure_score(total),
        sure_total=total,
        sure_next_steps=tuple(sure_next_steps(session, data)),
        questions=tuple(chosen_question_texts(session, data)),
        sure_citation=data.sure.citation if data.sure else "",
        edition_line=guide.edition_line,
        questions_in_english=english_questions(session, data, english),
    )


def english_questions(
    session: Session, data: DecisionData, english: DecisionData | None
) -> tuple[str, ...]:
    if english is None:
        return ()
    from decisionaid.core.provider_copy import question_pairs

    return tuple(pair.english for pair in question_pairs(session, data, english))


def summary_html(
    summary: Summary,
    wording: Wording,
    *,
    title: str,
    hide_answers: bool = False,
    for_paper: bool = True,
) -> str:
    """The summary in Qt's rich-text subset, laid out for paper: questions first, with room to
    write, and the guide's edition at the foot."""
    e = escape
    w = wording
    # No title on screen, where the step's title already heads the page.
    parts = [f"<h1>{e(title)}</h1>"] if title else []
    parts.append(f"<h2>{e(w['summary.questions'])}</h2>")
    # On paper each question gets room for the answer; on screen that room is just a gap.
    notes = f'<p class="notes">{e(w["summary.notes"])}</p>' if for_paper else ""
    in_english = summary.questions_in_english if for_paper else ()
    if in_english:
        parts.append(provider_note())
    if summary.questions:
        rows = "".join(
            f'<tr><td class="num" width="6%" valign="top">{i}.</td><td valign="top">{e(q)}'
            f"{english_line(in_english, i - 1)}{notes}</td></tr>"
            for i, q in enumerate(summary.questions, 1)
        )
        parts.append(
            f'<table class="questions" cellspacing="0" cellpadding="4" width="100%">{rows}</table>'
        )
    else:
        parts.append(f"<p>{e(w['summary.no_questions'])}</p>")
    edition = f'<p class="edition">{e(summary.edition_line)}</p>' if summary.edition_line else ""
    if hide_answers:
        parts.append(f"<p><i>{e(w['summary.answers_hidden'])}</i></p>")
        return "".join(parts) + edition
    parts.append(f"<h2>{e(w['summary.values'])}</h2>")
    if summary.values:
        rows = "".join(
            f'<tr><td valign="top">{e(v.statement)}</td><td valign="top"><b>{e(v.answer)}</b></td></tr>'
            for v in summary.values
        )
        parts.append(
            f'<table class="values" cellspacing="0" cellpadding="6" border="1" width="100%">{rows}</table>'
        )
    else:
        parts.append(f"<p>{e(w['summary.not_answered'])}</p>")
    parts.append(f"<h2>{e(w['summary.leaning'])}</h2>")
    parts.append(f"<p>{e(summary.leaning or w['summary.not_answered'])}</p>")
    parts.append(f"<h2>{e(sure_heading(summary, w))}</h2>")
    parts.append(f"<p>{e(sure_line(summary, w))}</p>")
    if summary.sure_next_steps:
        items = "".join(f"<li>{e(s)}</li>" for s in summary.sure_next_steps)
        parts.append(f"<p>{e(w['summary.next_steps'])}</p><ul>{items}</ul>")
    if summary.sure_citation:
        parts.append(f'<p class="citation">{e(summary.sure_citation)}</p>')
    parts.append(f'<p class="footnote">{e(w["summary.footnote"])}</p>')
    return "".join(parts) + edition


# Said in the reader's language and in English, at the head of a bilingual list of questions.
PROVIDER_NOTE = N_("Under each question is the same question in English, for your provider.")


def provider_note() -> str:
    return (
        f'<p class="provider">{escape(_(PROVIDER_NOTE))}<br/>'
        f'<span lang="en">{escape(PROVIDER_NOTE)}</span></p>'
    )


def english_line(in_english: tuple[str, ...], index: int) -> str:
    """A question's English wording, under it on paper, for the provider."""
    text = in_english[index] if index < len(in_english) else ""
    return f'<p class="english" lang="en"><i>{escape(text)}</i></p>' if text else ""


def print_font_pt(large_print: bool) -> int:
    """Body text size on paper; 16 pt or more counts as large print."""
    return 17 if large_print else 12


def print_css(large_print: bool) -> str:
    """Stylesheet for paper: black on white, sizes in points so print and PDF agree.

    The body size is the document's default font (Qt ignores a font size on body). Spacing is
    in em, which follows the text size: Qt's rich text draws margins given in points far too
    small on a 300-dpi PDF, where the headings then sat on the text above them.
    """
    base = print_font_pt(large_print)
    return f"""
h1 {{ font-size: {round(base * 1.6)}pt; font-weight: 600; margin-bottom: 0.6em; }}
h2 {{ font-size: {round(base * 1.25)}pt; font-weight: 600; margin-top: 1.2em; margin-bottom: 0.3em; }}
p, li {{ margin-top: 0.15em; margin-bottom: 0.45em; }}
td.num {{ font-weight: 600; }}
p.notes {{ color: #555555; margin-bottom: 2em; }}
table.values {{ border-color: #555555; border-style: solid; }}
p.footnote {{ color: #333333; margin-top: 1.2em; }}
p.citation {{ color: #333333; font-size: {max(10, base - 2)}pt; }}
p.edition {{ color: #333333; font-size: {max(10, base - 2)}pt; margin-top: 1em; }}
p.provider {{ color: #333333; margin-bottom: 0.8em; }}
p.english {{ color: #333333; margin-top: 0.1em; }}
"""


def summary_text(summary: Summary, wording: Wording, *, title: str) -> str:
    """The summary as plain words, for reading aloud and for tests."""
    w = wording
    not_answered = w["summary.not_answered"]
    lines = [title, "", f"{w['summary.questions']}:"]
    lines += [f"{i}. {q}" for i, q in enumerate(summary.questions, 1)] or [
        w["summary.no_questions"]
    ]
    lines += ["", f"{w['summary.values']}:"]
    lines += [f"- {v.statement}: {v.answer}" for v in summary.values] or [not_answered]
    lines += ["", f"{w['summary.leaning']}: {summary.leaning or not_answered}"]
    lines += ["", f"{sure_heading(summary, w)}: {sure_line(summary, w)}"]
    lines += [f"- {s}" for s in summary.sure_next_steps]
    if summary.sure_citation:
        lines += [w.format("summary.source", source=summary.sure_citation)]
    if summary.edition_line:
        lines += ["", summary.edition_line]
    return "\n".join(lines)

"""The handout's copy for the provider: each question the reader chose, in the reader's
language, with the same question in English beneath it.

Questions from the guide's bank have the same id in every language, so the English words are
the English guide's own. A question the reader wrote has no English version: it is printed as
they wrote it, marked as their own words.
"""

from __future__ import annotations

from pathlib import Path

from decisionaid.core.decision_data import DecisionData
from decisionaid.core.record import record
from decisionaid.core.session import OWN_PREFIX, Session

PROVIDER_LANGUAGE = "en"
# Printed for the provider, so in English whatever the reader's language.
OWN_WORDS_NOTE = "(The reader's own question, in their words.)"


@record(frozen=True)
class QuestionPair:
    text: str  # in the reader's language
    english: str  # the same question in English; "" when the reader's language is English
    own: bool = False  # the reader wrote it


def question_pairs(
    session: Session, data: DecisionData, english: DecisionData | None
) -> list[QuestionPair]:
    """The reader's questions in their order, each with its English wording when `english`
    (the English guide's decision data) is given."""
    pairs = []
    for qid in session.state.question_order:
        if qid.startswith(OWN_PREFIX):
            text = session.own_question_text(qid)
            if text:
                pairs.append(QuestionPair(text, OWN_WORDS_NOTE if english else "", own=True))
            continue
        question = data.questions.get(qid) if data.questions else None
        if question is None or not question.text:
            continue
        in_english = english.questions.get(qid) if english and english.questions else None
        pairs.append(QuestionPair(question.text, in_english.text if in_english else ""))
    return pairs


def english_decision_data(english_root: Path) -> DecisionData:
    """The English guide's decision data, for the provider's copy of a handout."""
    from decisionaid.core.decision_files import load_decision_data

    return load_decision_data(english_root, PROVIDER_LANGUAGE)

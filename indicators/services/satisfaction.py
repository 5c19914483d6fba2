"""Satisfaction survey answers, by activity and in total."""

from django.db.models import Count, Q

from indicators.models import SurveyAnswer
from indicators.services.attendance import sessions_in
from indicators.services.periods import percent


def satisfaction_by_activity(period):
    """[{label, answers, satisfied, share}] per activity: answers to "Avez-vous passé un bon moment ?"
    about the period's sessions, and the share of "Oui"."""
    rows = (
        SurveyAnswer.objects.filter(
            question=SurveyAnswer.Question.GOOD_TIME, invitation__session__in=sessions_in(period)
        )
        .values("invitation__session__activity_id", "invitation__session__activity__title")
        .annotate(answers=Count("pk"), satisfied=Count("pk", filter=Q(choice=SurveyAnswer.Choice.YES)))
        .order_by("invitation__session__activity__title")
    )
    return [
        {
            "label": row["invitation__session__activity__title"],
            "answers": row["answers"],
            "satisfied": row["satisfied"],
            "share": percent(row["satisfied"], row["answers"]),
        }
        for row in rows
    ]


def satisfaction_totals(period):
    """Answers per question (yes / maybe / no) for the period's sessions."""
    counts = {question: dict.fromkeys(SurveyAnswer.Choice.values, 0) for question in SurveyAnswer.Question.values}
    rows = (
        SurveyAnswer.objects.filter(invitation__session__in=sessions_in(period))
        .values("question", "choice")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        counts[row["question"]][row["choice"]] = row["n"]
    labels = dict(SurveyAnswer.Question.choices)
    return [
        {
            "key": question,
            "label": labels[question],
            "counts": choices,
            "answers": sum(choices.values()),
            "share_yes": percent(choices["yes"], sum(choices.values())),
        }
        for question, choices in counts.items()
    ]

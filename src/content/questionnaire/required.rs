//! The few questions the engine cannot do without, checked when the questionnaire is read.

use super::problems::Problems;
use super::*;

/// The engine relies on a few fixed ids: the crisis question, the nine PHQ-9 items, the
/// treatments tried and one priorities question. This checks they are present and shaped as the engine expects.
pub(super) fn check_required_questions(questions: &[Question], problems: &mut Problems) {
    let find = |id: &str| questions.iter().find(|question| question.id.as_str() == id);
    match find(CRISIS_QUESTION) {
        Some(crisis) => {
            if crisis.kind != QuestionKind::Single || crisis.optional {
                problems.add(
                    &format!("question `{CRISIS_QUESTION}`"),
                    "must be a single-choice question that is not optional",
                );
            }
            if crisis.choice(&ChoiceId::from(CRISIS_NO_CHOICE)).is_none() {
                problems.add(
                    &format!("question `{CRISIS_QUESTION}`"),
                    format!("needs a `{CRISIS_NO_CHOICE}` choice"),
                );
            }
            if questions.first().map(|first| &first.id) != Some(&crisis.id) {
                problems.add(
                    &format!("question `{CRISIS_QUESTION}`"),
                    "must be the first question",
                );
            }
        }
        None => problems.add(
            "questions",
            format!("the crisis question `{CRISIS_QUESTION}` is missing"),
        ),
    }
    match find(TREATMENTS_TRIED_QUESTION) {
        Some(tried) if tried.kind == QuestionKind::Single => {}
        Some(_) => problems.add(
            &format!("question `{TREATMENTS_TRIED_QUESTION}`"),
            "must be a single-choice question (the printout repeats its answer)",
        ),
        None => problems.add(
            "questions",
            format!("the question `{TREATMENTS_TRIED_QUESTION}` is missing (the printout repeats its answer)"),
        ),
    }
    for item in PHQ9_ITEMS {
        let place = format!("question `{item}`");
        let Some(question) = find(item) else {
            problems.add("questions", format!("PHQ-9 item `{item}` is missing"));
            continue;
        };
        let scores: Vec<Option<u8>> = question.choices.iter().map(|choice| choice.score).collect();
        if scores != [Some(0), Some(1), Some(2), Some(3)] || question.kind != QuestionKind::Single {
            problems.add(
                &place,
                "a PHQ-9 item is a single choice with scores 0, 1, 2, 3 in order",
            );
        }
        if !question.optional || question.section != Section::Mood {
            problems.add(&place, "a PHQ-9 item is optional and in the `mood` section");
        }
    }
    for question in questions {
        let is_phq9 = PHQ9_ITEMS.contains(&question.id.as_str());
        let scored = question.choices.iter().any(|choice| choice.score.is_some());
        if scored && !is_phq9 {
            problems.add(
                &format!("question `{}`", question.id),
                "only PHQ-9 items have scores",
            );
        }
    }
    let priority_questions = questions
        .iter()
        .filter(|question| question.kind == QuestionKind::Priorities)
        .count();
    if priority_questions != 1 {
        problems.add("questions", "there must be exactly one priorities question");
    }
}

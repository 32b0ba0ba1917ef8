//! The engine: answers in, an explained [`FitReport`] out, with the PHQ-9, crisis and SURE checks.
//!
//! Nothing here picks a winner, and nothing is added up or sorted by score. Each option, in
//! display order, gets the considerations that follow from the person's own answers (each
//! naming the answer and the evidence row it rests on, and each safety flag its source) and one
//! cell per priority the person rated: fits, works against, or no difference shown. Every
//! function is total: partial, odd or empty answers give a report, never a panic.

use super::answers::{Answers, Leaning, SureAnswers};
use crate::content::questionnaire::{
    ChoiceId, Effect, EvidenceRef, LinkKind, PriorityId, QuestionId, QuestionKind, Questionnaire,
    CRISIS_NO_CHOICE, CRISIS_QUESTION, MAX_RATING, PHQ9_ITEM9, PHQ9_ITEMS,
};
use crate::content::{OptionId, Text};
use serde::Serialize;

/// One reason, drawn from one answer, that bears on one option.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Consideration {
    /// The question that was answered.
    pub question: QuestionId,
    /// The answer that leads to this consideration.
    pub choice: ChoiceId,
    pub kind: LinkKind,
    /// The comparison-table row this rests on; its claims carry the sources.
    pub evidence: EvidenceRef,
    /// The one source a safety flag rests on; `None` for other considerations, which cite
    /// every source of their row.
    pub source: Option<String>,
    /// The plain-language sentence to show.
    pub text: Text,
}

/// A priority the person rated above 0, and their rating (1 to 3).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RatedPriority {
    pub priority: PriorityId,
    pub rating: u8,
}

/// One cell of the priorities grid: how one option meets one priority the person rated.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PriorityCell {
    pub priority: PriorityId,
    pub effect: Effect,
    /// The row the reason rests on; `None` when the data shows no difference.
    pub evidence: Option<EvidenceRef>,
    /// The one-line reason; `None` when the data shows no difference.
    pub reason: Option<Text>,
}

/// What the answers mean for one option.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionFit {
    pub option: OptionId,
    /// Reasons this option may fit.
    pub favours: Vec<Consideration>,
    /// Reasons this option may fit less well.
    pub against: Vec<Consideration>,
    /// "Talk with your clinician about …" points.
    pub flags: Vec<Consideration>,
    /// Practical points worth knowing.
    pub notes: Vec<Consideration>,
    /// One cell per rated priority, in the order of [`FitReport::priorities`].
    pub priorities: Vec<PriorityCell>,
}

impl OptionFit {
    fn empty(option: OptionId) -> OptionFit {
        OptionFit {
            option,
            favours: Vec::new(),
            against: Vec::new(),
            flags: Vec::new(),
            notes: Vec::new(),
            priorities: Vec::new(),
        }
    }

    /// Every consideration of this option, in the order for, against, flags, notes.
    pub fn considerations(&self) -> impl Iterator<Item = &Consideration> {
        self.favours
            .iter()
            .chain(&self.against)
            .chain(&self.flags)
            .chain(&self.notes)
    }
}

/// A PHQ-9 severity band (Kroenke 2001): 0–4, 5–9, 10–14, 15–19, 20–27.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phq9Band {
    Minimal,
    Mild,
    Moderate,
    ModeratelySevere,
    Severe,
}

impl Phq9Band {
    /// The band of a total score; totals above 27 count as severe.
    pub fn of(total: u8) -> Phq9Band {
        match total {
            0..=4 => Phq9Band::Minimal,
            5..=9 => Phq9Band::Mild,
            10..=14 => Phq9Band::Moderate,
            15..=19 => Phq9Band::ModeratelySevere,
            _ => Phq9Band::Severe,
        }
    }

    /// The band's name in the questionnaire's words.
    pub fn label(self, questionnaire: &Questionnaire) -> &Text {
        let bands = &questionnaire.phq9.bands;
        match self {
            Phq9Band::Minimal => &bands.minimal,
            Phq9Band::Mild => &bands.mild,
            Phq9Band::Moderate => &bands.moderate,
            Phq9Band::ModeratelySevere => &bands.moderately_severe,
            Phq9Band::Severe => &bands.severe,
        }
    }
}

/// A complete PHQ-9: the total (0–27), its band and the item-9 score. Not a diagnosis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Phq9Result {
    pub total: u8,
    pub band: Phq9Band,
    /// The score of item 9 (thoughts of death or self-harm); 1 or more means crisis help first.
    pub item9: u8,
}

/// The SURE check (Légaré 2010), once all four items are answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SureResult {
    /// The number of "yes" answers, 0 to 4.
    pub score: u8,
}

impl SureResult {
    /// A score of 3 or less suggests decisional conflict: talk it through with someone.
    pub fn talk_it_through(self) -> bool {
        self.score <= 3
    }
}

/// Everything the results step shows, drawn only from the person's answers and the data.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FitReport {
    /// Any sign of risk: show the crisis panel before anything else.
    pub crisis: bool,
    /// Questions that are not optional and not answered yet, in the order they are asked.
    pub missing: Vec<QuestionId>,
    /// One entry per option, always in [`OptionId::ALL`] display order, whatever the answers.
    pub options: Vec<OptionFit>,
    /// The priorities the person rated above 0, in the order the questionnaire lists them;
    /// the columns of the priorities grid.
    pub priorities: Vec<RatedPriority>,
    /// `None` unless all nine PHQ-9 items are answered.
    pub phq9: Option<Phq9Result>,
    /// `None` unless all four SURE items are answered.
    pub sure: Option<SureResult>,
    pub leaning: Option<Leaning>,
}

impl FitReport {
    /// The report for `option`.
    pub fn option(&self, option: OptionId) -> Option<&OptionFit> {
        self.options.iter().find(|fit| fit.option == option)
    }

    /// Whether any priority was rated above 0, so that there is a priorities grid to show.
    pub fn has_priorities(&self) -> bool {
        !self.priorities.is_empty()
    }
}

/// Builds the report for `answers`. Pure and total; unknown ids in the answers are ignored.
pub fn assess(questionnaire: &Questionnaire, answers: &Answers) -> FitReport {
    let mut options: Vec<OptionFit> = OptionId::ALL.into_iter().map(OptionFit::empty).collect();
    let mut priorities = Vec::new();
    let mut missing = Vec::new();
    for question in &questionnaire.questions {
        let answered = match question.kind {
            QuestionKind::Single | QuestionKind::Multiple => {
                let mut chosen = answers
                    .selected(question.id.as_str())
                    .iter()
                    .filter_map(|id| question.choice(id))
                    .collect::<Vec<_>>();
                chosen.dedup_by(|a, b| a.id == b.id);
                if question.kind == QuestionKind::Single {
                    chosen.truncate(1);
                }
                for choice in &chosen {
                    let links = choice.links.iter().map(|link| {
                        (
                            link.kind,
                            &link.options,
                            link.row,
                            &link.text,
                            None::<String>,
                        )
                    });
                    let flags =
                        questionnaire
                            .flags
                            .shown_for(&question.id, &choice.id)
                            .map(|flag| {
                                let source = flag.source().map(str::to_string);
                                (LinkKind::Flag, &flag.options, flag.row, &flag.text, source)
                            });
                    for (kind, for_options, row, text, source) in links.chain(flags) {
                        for &option in for_options {
                            let consideration = Consideration {
                                question: question.id.clone(),
                                choice: choice.id.clone(),
                                kind,
                                evidence: EvidenceRef { option, row },
                                source: source.clone(),
                                text: text.clone(),
                            };
                            if let Some(fit) = options.iter_mut().find(|fit| fit.option == option) {
                                let list = match kind {
                                    LinkKind::For => &mut fit.favours,
                                    LinkKind::Against => &mut fit.against,
                                    LinkKind::Flag => &mut fit.flags,
                                    LinkKind::Note => &mut fit.notes,
                                };
                                list.push(consideration);
                            }
                        }
                    }
                }
                !chosen.is_empty()
            }
            QuestionKind::Priorities => {
                let mut any_rated = false;
                for priority in &question.priorities {
                    let Some(&rating) = answers.ratings.get(&priority.id) else {
                        continue;
                    };
                    any_rated = true;
                    let rating = rating.min(MAX_RATING);
                    if rating == 0 {
                        continue;
                    }
                    priorities.push(RatedPriority {
                        priority: priority.id.clone(),
                        rating,
                    });
                    for fit in &mut options {
                        let weight = priority
                            .weights
                            .iter()
                            .find(|weight| weight.option == fit.option);
                        fit.priorities.push(PriorityCell {
                            priority: priority.id.clone(),
                            effect: weight.map_or(Effect::NoDifference, |weight| weight.effect),
                            evidence: weight.map(|weight| EvidenceRef {
                                option: weight.option,
                                row: weight.row,
                            }),
                            reason: weight.map(|weight| weight.reason.clone()),
                        });
                    }
                }
                any_rated
            }
        };
        if !answered && !question.optional {
            missing.push(question.id.clone());
        }
    }
    FitReport {
        crisis: needs_crisis_help(answers),
        missing,
        options,
        priorities,
        phq9: phq9(questionnaire, answers),
        sure: sure_check(&answers.sure),
        leaning: answers.leaning,
    }
}

/// Whether to show the crisis panel now: the direct question answered with anything but "no",
/// or PHQ-9 item 9 answered with anything but "not at all". Unknown answers count as risk.
pub fn needs_crisis_help(answers: &Answers) -> bool {
    let direct = answers
        .selected(CRISIS_QUESTION)
        .iter()
        .any(|choice| choice.as_str() != CRISIS_NO_CHOICE);
    let item9 = answers
        .selected(PHQ9_ITEM9)
        .iter()
        .any(|choice| choice.as_str() != "0");
    direct || item9
}

/// The PHQ-9 total and band, or `None` unless all nine items have a scored answer.
pub fn phq9(questionnaire: &Questionnaire, answers: &Answers) -> Option<Phq9Result> {
    let mut total: u8 = 0;
    let mut item9 = 0;
    for item in PHQ9_ITEMS.iter() {
        let question = questionnaire.question(&QuestionId::from(*item))?;
        let chosen = answers.selected(item).first()?;
        let score = question.choice(chosen)?.score?.min(3);
        total = total.saturating_add(score);
        if *item == PHQ9_ITEM9 {
            item9 = score;
        }
    }
    Some(Phq9Result {
        total,
        band: Phq9Band::of(total),
        item9,
    })
}

/// The SURE score, or `None` until all four items are answered.
pub fn sure_check(sure: &SureAnswers) -> Option<SureResult> {
    let mut score = 0;
    for item in sure.items() {
        if item? {
            score += 1;
        }
    }
    Some(SureResult { score })
}

//! Native tests of the fit engine and its content, one module per concern: the report from
//! answers (`report`), scores and odd answers (`scores`), share links and storage (`share`),
//! the questionnaire's checks and plain language (`questions`), and the safety flags' table
//! (`flags`).

#[path = "../support/mod.rs"]
mod support;

mod digest;
mod flags;
mod legacy;
mod questions;
mod report;
mod scores;
mod share;

use ketamine_tms_widget::fit::Answers;

/// Builds answers from `(question, [choices])` pairs.
fn answers(pairs: &[(&str, &[&str])]) -> Answers {
    let mut answers = Answers::default();
    for (question, choices) in pairs {
        answers.choose_many(question, choices);
    }
    answers
}

/// The two answer sets the clinical review ran: metal in the head with "being able to drive",
/// and an aneurysm with "feeling better fast".
fn review_answer_sets() -> [(&'static str, Answers); 2] {
    let mut metal = answers(&[("implants", &["in-head"])]);
    metal.rate("keep-driving", 3);
    let mut aneurysm = answers(&[("heart-vessels", &["aneurysm"])]);
    aneurysm.rate("fast-relief", 3);
    [
        ("metal in the head and driving", metal),
        ("an aneurysm and fast relief", aneurysm),
    ]
}

//! Native, table-driven tests of the one source of crisis text (`crisis`), one module per
//! concern: every sentence and link for US defaults and for a UK clinic in each language
//! (`text`), the rule that no content file or other source writes a US crisis number itself
//! (`numbers`), and the risk levels (below).

#[path = "../support/mod.rs"]
mod support;

mod numbers;
mod text;

use ketamine_tms_widget::fit::{
    needs_crisis_help, risk, Answers, Questionnaire, Risk, CRISIS_QUESTION, CRISIS_URGENT_CHOICE,
};

#[test]
fn only_might_act_on_them_is_urgent() {
    let questionnaire =
        Questionnaire::from_bundle().unwrap_or_else(|_| panic!("the questionnaire"));
    let question = questionnaire
        .questions
        .iter()
        .find(|q| q.id.as_str() == CRISIS_QUESTION)
        .unwrap();
    assert!(
        question
            .choices
            .iter()
            .any(|c| c.id.as_str() == CRISIS_URGENT_CHOICE),
        "the crisis question must keep the `{CRISIS_URGENT_CHOICE}` answer"
    );
    let cases: &[(&[(&str, &str)], Risk)] = &[
        (&[], Risk::None),
        (&[("self-harm-thoughts", "no")], Risk::None),
        (&[("self-harm-thoughts", "yes-sometimes")], Risk::Concern),
        (&[("self-harm-thoughts", "yes-often")], Risk::Concern),
        (&[("self-harm-thoughts", "yes-now")], Risk::Urgent),
        (&[("self-harm-thoughts", "something-new")], Risk::Concern),
        (&[("phq9-9", "0")], Risk::None),
        (&[("phq9-9", "1")], Risk::Concern),
        (&[("phq9-9", "3")], Risk::Concern),
        (
            &[("self-harm-thoughts", "no"), ("phq9-9", "3")],
            Risk::Concern,
        ),
        (
            &[("self-harm-thoughts", "yes-now"), ("phq9-9", "0")],
            Risk::Urgent,
        ),
    ];
    for (pairs, expected) in cases {
        let mut answers = Answers::default();
        for (question, choice) in pairs.iter() {
            answers.choose(question, choice);
        }
        assert_eq!(risk(&answers), *expected, "{pairs:?}");
        assert_eq!(
            needs_crisis_help(&answers),
            *expected != Risk::None,
            "{pairs:?}"
        );
    }
}

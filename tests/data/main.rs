//! Native tests of the bundled evidence, one module per concern: the compiled content is
//! exactly the validated files (below); broken copies are rejected with messages naming the
//! file, option and row (`broken`); options get comparable detail, outcomes follow the
//! evidence plan and wrong seed claims stay out (`plan`); and English text reads at grade 8
//! or below (`plain`); a misshapen file is reported with its line (`shape`). That the real files pass the checks needs no test: `build.rs` runs the
//! same checks and refuses to build when they fail.

#[path = "../support/mod.rs"]
mod support;

mod broken;
mod plain;
mod plan;
mod shape;

use ketamine_tms_widget::content::{bundled_files, Bundle};
use support::content::evidence;

/// What the widget ships (validated by `build.rs`, compiled in binary form) is exactly what
/// validating the data files returns, evidence, questionnaire and both catalogues.
#[test]
fn compiled_content_equals_the_validated_files() {
    let files = bundled_files().expect("the data files of the build");
    let validated = Bundle::from_files(&files)
        .unwrap_or_else(|errors| panic!("the data files are invalid:\n{}", errors.join("\n")));
    let compiled = Bundle::compiled()
        .unwrap_or_else(|errors| panic!("the compiled content is unreadable: {errors:?}"));
    assert!(
        compiled == validated.for_widget(),
        "the compiled content differs from the data files"
    );
    assert_eq!(compiled.evidence, evidence().without_quotes());
}

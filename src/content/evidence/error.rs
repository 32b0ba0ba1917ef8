//! [`DataError`]: one problem in the content, naming its file and, where it applies, the
//! option and row, so that a failed build says exactly what to fix.

use super::vocabulary::OptionId;
use std::fmt;

/// One problem in the data, naming the file and, where it applies, the option and row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub option: Option<OptionId>,
    pub row: Option<String>,
    pub message: String,
}

impl DataError {
    /// A problem with a whole file.
    pub fn file(file: &str, message: String) -> DataError {
        DataError {
            file: file.to_string(),
            option: None,
            row: None,
            message,
        }
    }

    /// A problem at one option and row of a file.
    pub(super) fn at(
        file: &str,
        option: Option<OptionId>,
        row: Option<&str>,
        message: String,
    ) -> DataError {
        DataError {
            file: file.to_string(),
            option,
            row: row.map(str::to_string),
            message,
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(option) = self.option {
            write!(f, ", option {option}")?;
        }
        if let Some(row) = &self.row {
            write!(f, ", {row}")?;
        }
        write!(f, ": {}", self.message)
    }
}

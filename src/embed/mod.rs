//! The only code that touches the host page: configuration, mounting into a shadow root, and
//! the failure message. `config` and `crisis` (every crisis sentence and number) are pure and
//! tested natively; the rest runs in the browser.

pub mod config;
pub mod crisis;
pub mod failure;
pub mod host;
mod mount;

pub use mount::{mount, WidgetHandle};

//! The only code that touches the host page: mounting into a shadow root, the browser's
//! [`Host`](crate::ui::host::Host), the failure message, and the loader script.

mod after_frame;
pub mod browser_host;
pub mod failure;
mod js_value;
mod mount;
mod speech;

pub use mount::{mount, WidgetHandle};

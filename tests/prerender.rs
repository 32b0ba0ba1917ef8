//! The first screen the build prerenders into the patient pages must be what the live app
//! first draws on any device with the same settings, node for node, because the live app
//! takes those nodes over (hydration) and Yew stops on a mismatch. These render the app's
//! first screen natively, as the build does, on devices that differ where a page may differ.

mod support;

use ketamine_tms_widget::content::Lang;
use ketamine_tms_widget::ui::host::{Host, MemoryPage};
use ketamine_tms_widget::ui::prerender::first_screen_props;
use ketamine_tms_widget::ui::App;
use std::cell::RefCell;
use std::rc::Rc;
use support::content::content;
use yew::LocalServerRenderer;

/// The first screen in `lang`, drawn on a device described by `page`.
async fn first_screen(lang: Lang, page: MemoryPage) -> String {
    let mut props = first_screen_props(content(), lang);
    props.host = Rc::new(Host {
        evidence_url: Some("evidence.html".to_string()),
        ..Host::memory(Rc::new(RefCell::new(page)))
    });
    LocalServerRenderer::<App>::with_props(props).render().await
}

#[tokio::test]
async fn the_first_screen_is_the_same_on_every_device() {
    let devices = [
        (
            "a device with voices for both languages",
            MemoryPage {
                voices: vec!["en".into(), "es".into()],
                ..Default::default()
            },
        ),
        (
            "a device on another day",
            MemoryPage {
                today: "2027-06-30".into(),
                ..Default::default()
            },
        ),
    ];
    for lang in [Lang::En, Lang::Es] {
        let built = LocalServerRenderer::<App>::with_props(first_screen_props(content(), lang))
            .render()
            .await;
        assert!(
            built.contains("ktw-title"),
            "{lang:?}: the first screen has the title"
        );
        for (device, page) in devices.clone() {
            assert!(
                first_screen(lang, page).await == built,
                "{lang:?}: on {device}, the live app's first render differs from the build's"
            );
        }
    }
}

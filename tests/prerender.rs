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

/// One page the live app may find: what differs from the page the build assumed.
struct Page {
    what: &'static str,
    prerendered: Option<&'static str>,
    clinic_name: Option<&'static str>,
    lang: Lang,
    memory: MemoryPage,
    sandboxed: bool,
    takes_over: bool,
}

/// Where the live app may take over the prerendered first screen, and where it must draw its
/// own: one row per way a page can differ from the one the build assumed.
#[test]
fn the_app_takes_over_the_prerender_only_where_its_first_screen_is_the_built_one() {
    use ketamine_tms_widget::config::Config;
    use ketamine_tms_widget::ui::host::FrameLimits;
    use ketamine_tms_widget::ui::prerender::draws_first_screen;
    let page = |what, edit: fn(&mut Page)| {
        let mut page = Page {
            what,
            prerendered: Some("en"),
            clinic_name: None,
            lang: Lang::En,
            memory: MemoryPage::default(),
            sandboxed: false,
            takes_over: false,
        };
        edit(&mut page);
        page
    };
    let pages = [
        page("a first visit in English", |p| p.takes_over = true),
        page("a device with voices", |p| {
            p.memory.voices = vec!["en".into()];
            p.takes_over = true;
        }),
        page("a Spanish widget over the English prerender", |p| {
            p.lang = Lang::Es
        }),
        page("a container with no prerender", |p| p.prerendered = None),
        page("a clinic's settings", |p| p.clinic_name = Some("Riverside")),
        page("a shared link", |p| p.memory.fragment = "ktw=abc".into()),
        page("saved answers", |p| p.memory.stored = Some("{}".into())),
        page("blocked storage", |p| p.memory.storage_blocked = true),
        page("a sandboxed frame", |p| p.sandboxed = true),
    ];
    for page in pages {
        let config = Config {
            clinic_name: page.clinic_name.map(String::from),
            ..Config::default()
        };
        let host = Host {
            frame: FrameLimits {
                sandboxed: page.sandboxed,
                no_address: page.sandboxed,
            },
            ..Host::memory(Rc::new(RefCell::new(page.memory)))
        };
        assert_eq!(
            draws_first_screen(page.prerendered, &config, page.lang, &host),
            page.takes_over,
            "{}",
            page.what
        );
    }
}

/// The first render, which the build prerenders and the live app takes over, leaves the
/// questionnaire behind its closed tab for the next task, so that task is shorter; a widget
/// that opens on the questionnaire draws it at once.
#[tokio::test]
async fn the_first_screen_leaves_the_hidden_questionnaire_for_the_next_task() {
    use ketamine_tms_widget::config::{Config, Start};
    let built = LocalServerRenderer::<App>::with_props(first_screen_props(content(), Lang::En))
        .render()
        .await;
    assert!(built.contains("id=\"ktw-panel-fit\""), "the panel is there");
    assert!(
        !built.contains("class=\"ktw-fit\""),
        "the hidden questionnaire is not in the first render"
    );
    let mut opens_on_it = first_screen_props(content(), Lang::En);
    opens_on_it.config = Rc::new(Config {
        start: Start::Fit,
        ..Config::default()
    });
    let html = LocalServerRenderer::<App>::with_props(opens_on_it)
        .render()
        .await;
    assert!(
        html.contains("class=\"ktw-fit\""),
        "a questionnaire on screen is drawn in the first render"
    );
}

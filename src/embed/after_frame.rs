//! Work the UI leaves for after the next frame (the comparison's cells further down), run from
//! a task after that frame, or at once when the page is about to print, so a printout never
//! shows a cell that was still waiting.
//!
//! While anything waits, the window has one `beforeprint` listener; it is removed when the
//! queue empties, so a widget taken off the page leaves nothing on the window behind.

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The tasks still waiting, each under its own number, and the print listener while any wait.
#[derive(Default)]
struct Waiting {
    next: u64,
    tasks: Vec<(u64, Box<dyn FnOnce()>)>,
    on_print: Option<Closure<dyn FnMut()>>,
    listening: bool,
}

thread_local! {
    static WAITING: RefCell<Waiting> = RefCell::default();
}

/// Calls `then` from a task queued by the next animation frame, so it runs after that frame is
/// drawn: at background priority where the browser has `scheduler.postTask`, so it also waits
/// for the page's own tasks, and from a timer elsewhere. Without a window it runs at once; in a
/// hidden tab, when the tab shows; when the page prints first, before it prints.
pub fn after_frame(then: Box<dyn FnOnce()>) {
    let Some(window) = web_sys::window() else {
        then();
        return;
    };
    let number = wait(&window, then);
    let frame = Closure::once_into_js(move || in_background(Box::new(move || run(number))));
    if window
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        // A refused frame is treated as one drawn.
        run(number);
    }
}

/// Puts `then` in the queue and returns its number; the first one waiting adds the listener.
fn wait(window: &web_sys::Window, then: Box<dyn FnOnce()>) -> u64 {
    WAITING.with(|waiting| {
        let mut waiting = waiting.borrow_mut();
        let number = waiting.next;
        waiting.next += 1;
        waiting.tasks.push((number, then));
        if !waiting.listening {
            let listener = waiting
                .on_print
                .get_or_insert_with(|| Closure::new(run_all));
            let function: &js_sys::Function = listener.as_ref().unchecked_ref();
            waiting.listening = window
                .add_event_listener_with_callback("beforeprint", function)
                .is_ok();
        }
        number
    })
}

/// Runs task `number` if it still waits (printing may have run it already).
fn run(number: u64) {
    let task = WAITING.with(|waiting| {
        let mut waiting = waiting.borrow_mut();
        let index = waiting.tasks.iter().position(|(n, _)| *n == number)?;
        let (_, task) = waiting.tasks.remove(index);
        stop_listening_if_done(&mut waiting);
        Some(task)
    });
    // The queue is not borrowed while a task runs, so the task may queue more.
    if let Some(task) = task {
        task();
    }
}

/// Runs every waiting task now: the page is about to print.
fn run_all() {
    let tasks = WAITING.with(|waiting| {
        let mut waiting = waiting.borrow_mut();
        let tasks = std::mem::take(&mut waiting.tasks);
        stop_listening_if_done(&mut waiting);
        tasks
    });
    for (_, task) in tasks {
        task();
    }
}

/// Removes the print listener once nothing waits. The closure itself is kept for the next
/// time, since it may be the one running now.
fn stop_listening_if_done(waiting: &mut Waiting) {
    if !waiting.tasks.is_empty() || !waiting.listening {
        return;
    }
    if let (Some(window), Some(listener)) = (web_sys::window(), &waiting.on_print) {
        let function: &js_sys::Function = listener.as_ref().unchecked_ref();
        let _ = window.remove_event_listener_with_callback("beforeprint", function);
    }
    waiting.listening = false;
}

/// Queues `then` as a background task, or as a timer where `scheduler.postTask` is missing.
fn in_background(then: Box<dyn FnOnce()>) {
    let Some(window) = web_sys::window() else {
        then();
        return;
    };
    let task = Closure::once_into_js(then);
    let scheduler = js_sys::Reflect::get(&window, &JsValue::from_str("scheduler"))
        .ok()
        .filter(JsValue::is_object);
    if let Some(scheduler) = scheduler {
        let post = js_sys::Reflect::get(&scheduler, &JsValue::from_str("postTask"))
            .ok()
            .and_then(|post| post.dyn_into::<js_sys::Function>().ok());
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &options,
            &JsValue::from_str("priority"),
            &JsValue::from_str("background"),
        );
        if post.is_some_and(|post| post.call2(&scheduler, &task, &options).is_ok()) {
            return;
        }
    }
    let _ = window.set_timeout_with_callback(task.unchecked_ref());
}

// ketamine-tms-widget: how and when a widget starts. Starting takes three tasks (instantiate,
// mount, draw). A widget near the viewport starts at once; one far below the fold compiles the
// module in the background and starts when it comes near or the page is idle. `cargo xtask
// dist` puts this inside the loader's function, where `w` is the window and `compiledModule()`,
// `createBindings()`, `attach(state)` and `showMessage(...)` are the loader's.

// A promise settled in a new task: `scheduler.yield()` where the browser has it (it runs
// ahead of other queued work), else a zero timeout.
function nextTask() {
  if (w.scheduler && typeof w.scheduler.yield === "function") {
    return w.scheduler.yield();
  }
  return new Promise(function (resolve) { w.setTimeout(resolve, 0); });
}

// Runs one call into the widget's WebAssembly; if it throws (a page policy, a bug), says
// so in the widget, unless a panic drew the message already, and returns false.
function wasmStep(state, call) {
  try { call(); return true; } catch (err) {
    if (!state.container.hasAttribute("data-ktw-failed")) {
      showMessage(state, "internal", "ketamine-tms-widget: the widget could not draw (" + (err && err.message || err) + ").");
    }
    return false;
  }
}

// Starts one widget: instantiates the module, mounts (settings, content), then draws.
function start(state) {
  if (typeof w.WebAssembly !== "object" || typeof w.WebAssembly.compile !== "function") {
    showMessage(state, "no-webassembly",
      "ketamine-tms-widget: this browser has no WebAssembly, so the widget shows a short message instead.");
    return;
  }
  compiledModule().then(function (module) {
    if (state.dead) { return; }
    var bindings = createBindings();
    // Instantiating, mounting (settings and content) and drawing each get a task of their
    // own, so the browser is never blocked for all three at once.
    return bindings({ module_or_path: module }).then(nextTask).then(function () {
      if (state.dead || !attach(state)) { return; }
      if (!wasmStep(state, function () {
        state.handle = bindings.mount(state.el, state.container, state.options || undefined, EVIDENCE_URL,
          pageLanguage(state.el), drawFailure);
      })) { return; }
      state.options = null;
      return nextTask().then(function () {
        if (!state.dead && state.handle) { wasmStep(state, function () { state.handle.draw(); }); }
      });
    });
  }).catch(function (err) {
    if (state.dead) { return; }
    var hint = /Content Security Policy|wasm-unsafe-eval|unsafe-eval/i.test(String(err && err.message))
      ? " Add 'wasm-unsafe-eval' to the page's script-src policy." : "";
    showMessage(state, hint ? "webassembly-blocked" : "webassembly-failed",
      "ketamine-tms-widget: WebAssembly could not start (" + (err && err.message ? err.message : err) + ")." + hint);
  });
}

// A widget this close to the viewport (in pixels) counts as near: it starts at once, and a
// far one starts when it comes this close. Idle start waits until the page has settled (its
// load event, then IDLE_AFTER_LOAD_MS, so it does not compete with the first taps on the
// clinic's own page), then for an idle moment, or at most IDLE_TIMEOUT_MS more.
var NEAR_PX = 1000;
var IDLE_AFTER_LOAD_MS = 5000;
var IDLE_TIMEOUT_MS = 3000;

function isNear(el) {
  var box = el.getBoundingClientRect();
  var height = w.innerHeight || w.document.documentElement.clientHeight;
  return box.bottom > -NEAR_PX && box.top < height + NEAR_PX;
}

function whenIdle(callback) {
  var cancelled = false;
  var run = function () { if (!cancelled) { callback(); } };
  var idle = function () {
    if (typeof w.requestIdleCallback === "function") {
      w.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    } else {
      run();
    }
  };
  var later = function () { w.setTimeout(idle, IDLE_AFTER_LOAD_MS); };
  if (w.document.readyState === "complete") {
    later();
  } else {
    w.addEventListener("load", later, { once: true });
  }
  return function () { cancelled = true; };
}

// Starts a widget now, or, far below the fold, compiles the module in the background and
// starts when the widget comes near the viewport or the page is idle, whichever is first.
// Until then the placeholder stays, so nothing moves.
function schedule(state) {
  if (START_WHEN === "now" || typeof w.IntersectionObserver !== "function" || isNear(state.el)) {
    start(state);
    return;
  }
  if (typeof w.WebAssembly === "object" && typeof w.WebAssembly.compile === "function") {
    compiledModule().catch(function () { /* start() reports the failure when it runs. */ });
  }
  var go = function () {
    state.waiting();
    if (!state.dead) { start(state); }
  };
  var observer = new w.IntersectionObserver(function (entries) {
    if (entries.some(function (entry) { return entry.isIntersecting; })) { go(); }
  }, { rootMargin: NEAR_PX + "px 0px" });
  observer.observe(state.el);
  var cancelIdle = START_WHEN === "near" ? function () {} : whenIdle(go);
  state.waiting = function () {
    observer.disconnect();
    cancelIdle();
    state.waiting = function () {};
  };
}

/*! ketamine-tms-widget @VERSION@ | a patient decision aid | no network calls, no cookies | MIT OR Apache-2.0 */
// The classic-script loader that `cargo xtask dist` wraps around the wasm-bindgen glue, the
// stylesheet and the gzip-compressed WebAssembly. It finds every widget element (now and
// later), gives each its own shadow root and WebAssembly instance, and tears it down when the
// element leaves the page. It fetches nothing: everything it needs is inside this file.
(function () {
  "use strict";
  var w = typeof window !== "undefined" ? window : null;
  if (!w || !w.document) {
    return; // Included off-browser (server rendering): nothing to do.
  }
  var existing = w.KetamineTmsWidget;
  if (existing && existing.version) {
    return; // The tag was pasted twice: the first copy already runs every widget.
  }
  var queued = existing && existing.q && existing.q.length ? existing.q.slice() : [];
  // When widgets start (set on the stub before the script): "auto" (the default) starts one
  // near the top at once and one far below the fold when it comes near or the page is idle;
  // "near" never starts at idle (for tests); "now" starts every widget at once.
  var START_WHEN = existing && (existing.startWhen === "now" || existing.startWhen === "near")
    ? existing.startWhen : "auto";
  if (w.performance && typeof w.performance.mark === "function") {
    w.performance.mark("ktw-script-start"); // For the benchmark and for clinics measuring their pages.
  }

  var VERSION = "@VERSION@";
  var TAG = "ketamine-tms-widget";
  var MARKER = "data-ketamine-tms-widget";
  var SELECTOR = TAG + ",[" + MARKER + "]";
  // Every attribute the widget reads, with `price-<id>` and `insurance-<id>` for every option
  // id: `cargo xtask dist` writes it from the one attribute table, src/config/attributes.rs.
  var ATTRIBUTES = "@ATTRIBUTES@";
  // The clinicians' evidence table ships beside this script; an inlined copy (offline.html)
  // finds it beside the page instead.
  var EVIDENCE_URL = (function () {
    try {
      var script = w.document.currentScript;
      return new w.URL("evidence.html", (script && script.src) || w.document.baseURI).href;
    } catch (err) {
      return undefined;
    }
  })();
  var CSS = "@CSS@";
  var WASM_GZIP_BASE64 = "@WASM@";

  // The placeholder's words until the widget draws; the languages the loader knows are these.
  var LOADING = {
    en: "Loading the treatment guide\u2026",
    es: "Cargando la gu\u00eda de tratamientos\u2026"
  };
  // The wasm-bindgen glue, evaluated afresh for every widget so each has its own instance.
  function createBindings() {
    /*@GLUE@*/
    return __ktw;
  }

  function attr(el, name) {
    var custom = el.tagName && el.tagName.toLowerCase() === TAG;
    return custom ? el.getAttribute(name) : el.getAttribute("data-" + name);
  }

  // A language the loader knows, from a tag such as "es-MX" (as Lang::from_tag reads it), or null.
  function known(tag) {
    var primary = String(tag || "").trim().split(/[-_]/)[0].toLowerCase();
    return Object.prototype.hasOwnProperty.call(LOADING, primary) ? primary : null;
  }

  // The page's language around the widget: the nearest `lang` above it, else the browser's
  // first known language, else English. This is the only detection: the widget takes it from
  // here unless the clinic sets `lang`.
  function pageLanguage(el) {
    var near = el.parentElement && el.parentElement.closest ? el.parentElement.closest("[lang]") : null;
    var found = near ? known(near.getAttribute("lang")) : null;
    var browser = w.navigator.languages || [w.navigator.language];
    for (var i = 0; !found && i < browser.length; i++) { found = known(browser[i]); }
    return found || "en";
  }

  // The language the loader speaks for `el` before the widget runs: its `lang`, else the page's.
  function language(el) {
    return known(attr(el, "lang")) || pageLanguage(el);
  }

  var sheet = null;
  function style(shadow) {
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      }
      shadow.adoptedStyleSheets = [sheet];
    } catch (err) {
      // Browsers without constructable stylesheets get a <style> element (which a strict
      // style-src policy would block; those browsers are rare and CSP-strict pages rarer).
      var element = w.document.createElement("style");
      element.textContent = CSS;
      shadow.appendChild(element);
    }
  }

  // compiledModule(), which unpacks the wasm (gunzip with DecompressionStream or the
  // JavaScript inflater) and compiles it once, is in src/embed/inflate.js; `cargo xtask dist`
  // puts it here.
  /*@INFLATE@*/


  var widgets = new Map();
  // Each host's shadow root, attached closed so page scripts (analytics, tag managers, replay
  // tools) cannot read the patient's answers through `element.shadowRoot`; only the loader
  // keeps the reference. Hosts the page unmounted through the API, which scan() leaves alone.
  var roots = new WeakMap();
  var unmountedByPage = new WeakSet();
  // The "do not record" markers of session-replay tools, each from the tool's own docs (see
  // the README's privacy section): FullStory, PostHog, Sentry, LogRocket, Microsoft Clarity
  // and Datadog.
  var NO_RECORD_CLASSES = ["fs-exclude", "ph-no-capture", "sentry-block"];
  var NO_RECORD_ATTRIBUTES = [["data-private", ""], ["data-clarity-mask", "true"], ["data-dd-privacy", "hidden"]];

  // The failure message's one builder, drawFailure(container, reason, facts), its words, and
  // showMessage(state, reason, logLine) for a widget that cannot run at all, are in
  // src/embed/failure.js; `cargo xtask dist` puts them here.
  /*@FAILURE@*/

  function markNoRecord(el) {
    NO_RECORD_CLASSES.forEach(function (name) { el.classList.add(name); });
    NO_RECORD_ATTRIBUTES.forEach(function (pair) { if (!el.hasAttribute(pair[0])) { el.setAttribute(pair[0], pair[1]); } });
  }

  // A widget with fallback content (the patient pages carry a static copy) shows it as the
  // page's own until the app or its failure message draws, and only then gets its shadow
  // root: attaching it earlier lays the whole copy out again, once more than needed (76 ms
  // on the patient page, in the script's own task). One without shows the placeholder now.
  function createState(el, options) {
    var state = { el: el, container: null, handle: null, dead: false, options: options || null,
      observer: null, fallback: false, waiting: function () {} };
    return el.firstElementChild || attach(state) ? state : null;
  }

  // Gives the widget its shadow root (once), with the styles and a container in which the
  // element's fallback content shows through a slot, or the placeholder until there is some.
  // False when the element cannot have a shadow root.
  function attach(state) {
    if (state.container) { return true; }
    var el = state.el;
    var prerendered = roots.has(el) ? null : firstScreen(el);
    if (prerendered) {
      roots.set(el, prerendered.getRootNode());
      markNoRecord(el);
      state.container = prerendered;
      return true;
    }
    var shadow;
    try {
      shadow = roots.get(el) || el.attachShadow({ mode: "closed" });
      roots.set(el, shadow);
    } catch (err) {
      if (w.console) {
        w.console.error("ketamine-tms-widget: cannot show a widget inside <" + el.tagName.toLowerCase() +
          ">: use a <div data-ketamine-tms-widget> or <ketamine-tms-widget> element.");
      }
      return false;
    }
    markNoRecord(el);
    Array.prototype.slice.call(shadow.childNodes).forEach(function (node) { shadow.removeChild(node); });
    style(shadow);
    var container = w.document.createElement("div");
    container.className = "ktw-mount";
    // The slot is always there: a synchronous script in <head> mounts the element before the
    // parser has added its children, and they come later (slotchange).
    var slot = w.document.createElement("slot");
    var loading = w.document.createElement("div");
    loading.className = "ktw-loading";
    loading.setAttribute("role", "status");
    loading.textContent = LOADING[language(el)];
    var sawFallback = function () {
      if (state.fallback || !el.firstElementChild) { return; }
      state.fallback = true;
      if (loading.parentNode) { loading.parentNode.removeChild(loading); }
    };
    slot.addEventListener("slotchange", sawFallback);
    container.appendChild(slot);
    container.appendChild(loading);
    sawFallback();
    shadow.appendChild(container);
    state.container = container;
    return true;
  }

  // The patient pages carry the widget's first screen in a closed declarative shadow root,
  // which only the element's internals reach; the app draws over it in one task, so the first
  // paint is the widget and nothing flashes. Null anywhere else (attachShadow then empties any
  // such root).
  function firstScreen(el) {
    try {
      var root = el.attachInternals ? el.attachInternals().shadowRoot : null;
      return root && root.querySelector("[data-ktw-prerender]");
    } catch (err) {
      return null; // Not a custom element, or the page took its internals already.
    }
  }

  // start(state), which instantiates, mounts and draws a widget in three tasks, and
  // schedule(state), which calls it now or when the widget comes near the viewport or the page
  // is idle, are in src/embed/start.js; `cargo xtask dist` puts them here.
  /*@START@*/

  function watchAttributes(state) {
    if (state.el.tagName.toLowerCase() === TAG || typeof w.MutationObserver !== "function") {
      return; // The custom element hears its own attribute changes.
    }
    state.observer = new w.MutationObserver(function () { refresh(state.el); });
    state.observer.observe(state.el, { attributes: true });
  }

  function refresh(el, options) {
    var state = widgets.get(el);
    if (!state || state.dead) { return; }
    if (state.handle) {
      state.handle.update(options || undefined, pageLanguage(el));
    } else if (options) {
      state.options = Object.assign({}, state.options || {}, options);
    }
  }

  function handleFor(el) {
    return {
      element: el,
      update: function (options) { refresh(el, options || {}); },
      unmount: function () { unmountOnPurpose(el); }
    };
  }

  function mount(el, options) {
    if (!el || el.nodeType !== 1) {
      if (w.console) { w.console.error("ketamine-tms-widget: mount() needs an element."); }
      return null;
    }
    unmountedByPage.delete(el);
    if (widgets.has(el)) {
      if (options) { refresh(el, options); }
      return handleFor(el);
    }
    var state = createState(el, options);
    if (!state) { return null; }
    widgets.set(el, state);
    watchAttributes(state);
    schedule(state);
    return handleFor(el);
  }

  function unmount(el) {
    var state = widgets.get(el);
    if (!state) { return; }
    state.dead = true;
    state.waiting();
    widgets.delete(el);
    if (state.observer) { state.observer.disconnect(); }
    if (state.handle) {
      try {
        state.handle.unmount();
        state.handle.free();
      } catch (err) {
        // A widget that already failed has nothing left to tear down.
      }
    }
    if (state.container) { state.container.textContent = ""; }
  }

  // The page's own unmount() (the API's): scan() will not mount this element again.
  function unmountOnPurpose(el) {
    if (el && el.nodeType === 1) { unmountedByPage.add(el); }
    unmount(el);
  }

  function unmountIfGone(el) {
    // A task later, so that moving an element keeps its widget even when the insert comes
    // a microtask after the remove (a framework that awaits between them; WebKit's driver).
    w.setTimeout(function () {
      if (!el.isConnected) { unmount(el); }
    }, 0);
  }

  // Mounts every widget element under `root`, except those the page unmounted on purpose.
  function scan(root) {
    root = root || w.document;
    var found = root.nodeType === 1 && root.matches && root.matches(SELECTOR) ? [root] : [];
    if (root.querySelectorAll) { found = found.concat(Array.prototype.slice.call(root.querySelectorAll(SELECTOR))); }
    found.forEach(function (el) { if (!unmountedByPage.has(el)) { mount(el); } });
  }

  // A panic inside a widget's instance traps; the Rust panic hook has already logged one
  // clear line and drawn the failure message, so the browser's second report is dropped.
  w.addEventListener("error", function (event) {
    var RuntimeError = w.WebAssembly && w.WebAssembly.RuntimeError;
    if (!RuntimeError || !(event.error instanceof RuntimeError)) { return; }
    widgets.forEach(function (state) {
      if (state.container && state.container.hasAttribute("data-ktw-failed") && !state.reported) {
        state.reported = true;
        event.preventDefault();
        // Replace the container with a copy that has no listeners into the stopped instance.
        var copy = state.container.cloneNode(true);
        state.container.replaceWith(copy);
        state.container = copy;
        state.handle = null;
      }
    });
  });

  if (w.customElements && !w.customElements.get(TAG)) {
    w.customElements.define(TAG, class extends HTMLElement {
      static get observedAttributes() { return ATTRIBUTES; }
      connectedCallback() { mount(this); }
      disconnectedCallback() { unmountIfGone(this); }
      attributeChangedCallback() { refresh(this); }
    });
  }

  function watchPage() {
    scan(w.document);
    if (typeof w.MutationObserver !== "function") { return; }
    new w.MutationObserver(function (records) {
      records.forEach(function (record) {
        Array.prototype.forEach.call(record.addedNodes, function (node) {
          if (node.nodeType === 1) { scan(node); }
        });
        if (record.removedNodes.length) {
          widgets.forEach(function (state) { if (!state.el.isConnected) { unmountIfGone(state.el); } });
        }
      });
    }).observe(w.document.documentElement, { childList: true, subtree: true });
  }

  var api = {
    version: VERSION,
    mount: mount,
    unmount: unmountOnPurpose,
    scan: scan
  };
  w.KetamineTmsWidget = api;
  queued.forEach(function (call) {
    var name = call && call[0];
    if (typeof api[name] === "function") { api[name].apply(api, Array.prototype.slice.call(call, 1)); }
  });
  if (w.document.readyState === "loading") {
    w.document.addEventListener("DOMContentLoaded", watchPage);
  } else {
    watchPage();
  }
})();

// Test helper: removes WebAssembly, as in a browser that lacks it or has it turned off.
delete window.WebAssembly;
// Firefox brings a deleted built-in back on the next lookup, so hide it by value as well.
if (typeof WebAssembly !== "undefined") {
  window.WebAssembly = undefined;
}
// What the page's own scripts now see (a WebDriver script may run in its own sandbox).
document.documentElement.setAttribute("data-webassembly", typeof WebAssembly);

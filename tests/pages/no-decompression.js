// Test helper: makes the page an older browser's, without DecompressionStream,
// Uint8Array.fromBase64 or scheduler.yield, so the loader must use its own inflater, its
// base64 loop and a zero timeout.
delete window.DecompressionStream;
window.DecompressionStream = undefined;
Object.defineProperty(Uint8Array, "fromBase64", { value: undefined, configurable: true, writable: true });
if (window.scheduler) { window.scheduler.yield = undefined; }
// What the page's own scripts (the loader among them) now see; Firefox runs a WebDriver
// script in a sandbox that still sees the browser's own builtins, so the test reads this.
window.__pageSees = [typeof window.DecompressionStream, typeof Uint8Array.fromBase64,
  typeof (window.scheduler && window.scheduler.yield)];

// Test helper: removes DecompressionStream so the loader must use its own inflater.
delete window.DecompressionStream;
window.DecompressionStream = undefined;

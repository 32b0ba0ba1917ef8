// Test helper: removes WebAssembly, as in a browser that lacks it or has it turned off.
delete window.WebAssembly;

// Test helper: the queue stub from the README, then a mount call made before the script loads.
window.KetamineTmsWidget = window.KetamineTmsWidget || {
  q: [],
  mount: function () { this.q.push(["mount"].concat([].slice.call(arguments))); }
};
window.KetamineTmsWidget.mount(document.getElementById("queued"), { clinicName: "Queued Clinic", lang: "es" });

//! The plain-DOM typed sample: the global API, its options and handle, and typed listeners on
//! the element and the document. Each `@ts-expect-error` line must fail to type-check.
import type { KetamineTmsWidgetElement, KetamineTmsWidgetHandle } from "ketamine-tms-widget";

const element: KetamineTmsWidgetElement = document.createElement("ketamine-tms-widget");
element.addEventListener("ktw-cta", (event) => {
  const kind: "call" | "text" | "email" | "book" = event.detail.kind;
  console.log(kind);
});
element.addEventListener("ktw-step", (event) => console.log(event.detail.step + event.detail.total, event.detail.question));
element.addEventListener("ktw-ready", (event) => console.log(event.detail.version, event.detail.lang, event.detail.view));
element.addEventListener("click", (event) => console.log(event.clientX));
document.addEventListener("ktw-complete", (event) => console.log(event.detail.answers));
document.addEventListener("ktw-error", (event) => {
  const reason: string = event.detail.reason;
  console.log(reason);
});

const handle: KetamineTmsWidgetHandle | null = window.KetamineTmsWidget.mount(element, {
  clinicName: "Riverside Mental Health",
  offered: ["tms", "itbs"],
  hideUnoffered: true,
  lang: "es",
  "booking-url": "https://example.org/book",
  priceTms: "From $250 a session",
});
handle?.update({ theme: "dark", accent: "#1a5fb4" });
handle?.unmount();
KetamineTmsWidget.scan(document.body);
console.log(KetamineTmsWidget.version);

// @ts-expect-error `kinds` is not a field of the ktw-cta detail.
element.addEventListener("ktw-cta", (event) => console.log(event.detail.kinds));
// @ts-expect-error `purple` is not a theme.
KetamineTmsWidget.mount(element, { theme: "purple" });
// @ts-expect-error `tmss` is not an option id.
KetamineTmsWidget.mount(element, { offered: ["tmss"] });
// @ts-expect-error `crash` is not a reason of ktw-error.
document.addEventListener("ktw-error", (event) => event.detail.reason === "crash");

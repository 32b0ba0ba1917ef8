//! The React 19 typed sample: `<ketamine-tms-widget>` with its attributes, a ref and typed
//! `onktw-*` listeners. Each `@ts-expect-error` line must fail to type-check.
import type {} from "ketamine-tms-widget/react";
import type { KetamineTmsWidgetElement } from "ketamine-tms-widget";
import { useRef } from "react";

export function ClinicPage() {
  const widget = useRef<KetamineTmsWidgetElement>(null);
  return (
    <main>
      <ketamine-tms-widget ref={widget} clinic-name="Riverside Mental Health" phone="+1 555 010 2030" offered="tms,itbs" hide-unoffered theme="dark" accent="#1a5fb4" lang="es" price-tms="From $250" onktw-cta={(event) => console.log(event.detail.kind)} />
      <ketamine-tms-widget view="fit" start="fit" crisis-line="Samaritans, 116 123" emergency-number="999" onktw-complete={(event) => console.log(event.detail.answers)} />
      {/* @ts-expect-error `purple` is not a theme. */}
      <ketamine-tms-widget theme="purple" />
      {/* @ts-expect-error `blue` is not a colour the accent takes (`#rgb` or `#rrggbb`). */}
      <ketamine-tms-widget accent="blue" />
      {/* @ts-expect-error `clinicname` is not an attribute. */}
      <ketamine-tms-widget clinicname="Riverside" />
      {/* @ts-expect-error `kinds` is not a field of the ktw-cta detail. */}
      <ketamine-tms-widget onktw-cta={(event) => console.log(event.detail.kinds)} />
    </main>
  );
}

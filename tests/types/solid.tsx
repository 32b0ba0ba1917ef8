/** @jsxImportSource solid-js */
//! The Solid typed sample: `<ketamine-tms-widget>` with its attributes and typed `on:` listeners.
//! Each `@ts-expect-error` line must fail to type-check.
import type {} from "ketamine-tms-widget/solid";

export function ClinicPage() {
  return (
    <main>
      <ketamine-tms-widget clinic-name="Riverside Mental Health" view="compare" on:ktw-cta={(event) => console.log(event.detail.kind)} />
      {/* @ts-expect-error `purple` is not a theme. */}
      <ketamine-tms-widget theme="purple" />
      {/* @ts-expect-error `kinds` is not a field of the ktw-cta detail. */}
      <ketamine-tms-widget on:ktw-cta={(event) => console.log(event.detail.kinds)} />
    </main>
  );
}

/** @jsxImportSource preact */
//! The Preact typed sample: `<ketamine-tms-widget>` with its attributes and typed listeners.
//! Each `@ts-expect-error` line must fail to type-check.
import type {} from "ketamine-tms-widget/preact";

export function ClinicPage() {
  return (
    <main>
      <ketamine-tms-widget clinic-name="Riverside Mental Health" theme="light" lang="en" onktw-step={(event) => console.log(event.detail.step)} />
      {/* @ts-expect-error `purple` is not a theme. */}
      <ketamine-tms-widget theme="purple" />
      {/* @ts-expect-error `kinds` is not a field of the ktw-cta detail. */}
      <ketamine-tms-widget onktw-cta={(event) => console.log(event.detail.kinds)} />
    </main>
  );
}

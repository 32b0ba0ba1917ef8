//! The React 19 app of the package test: it imports the installed npm package, renders a
//! `<ketamine-tms-widget>` whose props change with three buttons, lists the widget's events
//! it hears through React's `onktw-*` props, and can remove the widget.
import type {} from "ketamine-tms-widget/react";
import "ketamine-tms-widget";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";

function App() {
  const [clinic, setClinic] = useState("Riverside Mental Health");
  const [lang, setLang] = useState<"en" | "es">("en");
  const [shown, setShown] = useState(true);
  const [heard, setHeard] = useState<string[]>([]);
  const hear = (line: string) => setHeard((lines) => [...lines, line]);
  return (
    <main>
      <h1>React clinic page</h1>
      <button id="rename" onClick={() => setClinic("Hillside Clinic")}>Rename the clinic</button>
      <button id="spanish" onClick={() => setLang("es")}>Español</button>
      <button id="remove" onClick={() => setShown(false)}>Remove the widget</button>
      {shown && (
        <ketamine-tms-widget
          id="aid"
          clinic-name={clinic}
          lang={lang}
          phone="+1 555 010 2030"
          onktw-complete={() => hear("ktw-complete")}
          onktw-cta={(event) => hear(`ktw-cta ${event.detail.kind}`)}
        />
      )}
      <ul id="heard">
        {heard.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </main>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

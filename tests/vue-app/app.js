//! The Vue 3 app of the guides test: it tells Vue's template compiler that
//! `ketamine-tms-widget` is a custom element (the README's one step for Vue), binds two
//! attributes that buttons change, hears `ktw-ready` with `@ktw-ready`, and can remove the
//! widget with `v-if`. The widget's script loads after this one (index.html), so the
//! compiler cannot find the element defined yet, as when Vite compiles templates ahead.
import { createApp } from "vue";

const app = createApp({
  data() {
    return { clinic: "Riverside Mental Health", lang: "en", shown: true, heard: [] };
  },
  template: `
    <main>
      <h1>Vue clinic page</h1>
      <button id="rename" @click="clinic = 'Hillside Clinic'">Rename the clinic</button>
      <button id="spanish" @click="lang = 'es'">Español</button>
      <button id="remove" @click="shown = false">Remove the widget</button>
      <ketamine-tms-widget v-if="shown" id="aid" :clinic-name="clinic" :lang="lang"
        @ktw-ready="heard.push('ktw-ready ' + $event.detail.lang)"></ketamine-tms-widget>
      <ul id="heard"><li v-for="line in heard">{{ line }}</li></ul>
    </main>`,
});
app.config.compilerOptions.isCustomElement = (tag) => tag === "ketamine-tms-widget";
app.mount("#root");

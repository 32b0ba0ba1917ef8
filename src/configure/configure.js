//! The configurator's form, live preview and snippet (dist/configure.html). It builds one
//! field per attribute from the attribute table that `cargo xtask dist` puts in the page's
//! data block, sets each value on the preview widget as it changes, and writes the snippet to
//! copy. It fetches nothing and builds everything with DOM calls, never HTML strings.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ktw-configure-data").textContent);
  var form = document.getElementById("ktw-configure-form");
  var preview = document.getElementById("ktw-preview");
  var base = document.getElementById("ktw-script-base");
  var snippet = document.getElementById("ktw-snippet");
  var status = document.getElementById("ktw-copy-status");
  // The value of every attribute that is set, by name ("" for a flag that is on).
  var values = {};

  // An element with properties and children (strings become text).
  function node(tag, props, children) {
    var element = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === "for" || key.indexOf("aria-") === 0) {
        element.setAttribute(key, props[key]);
      } else {
        element[key] = props[key];
      }
    });
    (children || []).forEach(function (child) {
      element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return element;
  }

  function sentence(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // The name of a language in English ("es" gives "Spanish"), or its tag.
  function languageName(tag) {
    try {
      return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) || tag;
    } catch (err) {
      return tag;
    }
  }

  // Sets (or, for null, removes) one attribute on the preview and in the snippet.
  function set(name, value) {
    if (value === null) {
      delete values[name];
      preview.removeAttribute(name);
    } else {
      values[name] = value;
      preview.setAttribute(name, value);
    }
    writeSnippet();
  }

  // A text value: empty means not set.
  function textValue(input) {
    var value = input.value.trim();
    return value === "" ? null : value;
  }

  function hint(attribute, id) {
    return node("p", { className: "hint", id: id + "-hint" },
      ["Attribute ", node("code", {}, [attribute.name]), ". " + attribute.hint]);
  }

  var INPUT_TYPES = { phone: "tel", email: "email", "https-url": "url" };

  // One field for a plain value: text, phone, email, link or crisis line.
  function inputField(attribute, id) {
    var input = node("input", { id: id, type: INPUT_TYPES[attribute.kind] || "text", "aria-describedby": id + "-hint" });
    input.name = attribute.name;
    if (attribute.maxChars) { input.maxLength = attribute.maxChars; }
    if (attribute.kind === "https-url") { input.placeholder = "https://"; }
    input.addEventListener("input", function () { set(attribute.name, textValue(input)); });
    return [node("label", { for: id }, [sentence(attribute.description)]), input];
  }

  // A select for a choice or a language; the empty choice leaves the attribute out.
  function selectField(attribute, id) {
    var select = node("select", { id: id, "aria-describedby": id + "-hint" });
    select.name = attribute.name;
    var choices = attribute.kind === "language" ? data.languages : attribute.choices;
    var none = attribute.kind === "language" ? "The page's language" : "Default (" + attribute.default + ")";
    select.appendChild(node("option", { value: "" }, [none]));
    choices.forEach(function (choice) {
      var label = attribute.kind === "language" ? languageName(choice) + " (" + choice + ")" : choice;
      select.appendChild(node("option", { value: choice }, [label]));
    });
    select.addEventListener("change", function () { set(attribute.name, select.value === "" ? null : select.value); });
    return [node("label", { for: id }, [sentence(attribute.description)]), select];
  }

  // A checkbox for a flag: on sets the attribute with no value.
  function flagField(attribute, id) {
    var box = node("input", { id: id, type: "checkbox", "aria-describedby": id + "-hint" });
    box.name = attribute.name;
    box.addEventListener("change", function () { set(attribute.name, box.checked ? "" : null); });
    return [node("div", { className: "check" }, [box, node("label", { for: id }, [sentence(attribute.description)])])];
  }

  // One checkbox per option; none ticked leaves `offered` out (every option is offered).
  function optionsField(attribute, id) {
    var boxes = data.options.map(function (option) {
      var box = node("input", { id: id + "-" + option.id, type: "checkbox", value: option.id });
      box.name = attribute.name;
      box.addEventListener("change", function () {
        var ticked = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
        set(attribute.name, ticked.length ? ticked.join(",") : null);
      });
      return box;
    });
    var legend = node("legend", {}, [sentence(attribute.description)]);
    var rows = boxes.map(function (box, index) {
      return node("div", { className: "check" }, [box, node("label", { for: box.id }, [data.options[index].name])]);
    });
    return [node("fieldset", { "aria-describedby": id + "-hint" }, [legend].concat(rows))];
  }

  // A text field for the accent colour with a colour picker beside it.
  function colourField(attribute, id) {
    var text = inputField(attribute, id);
    var input = text[1];
    input.placeholder = "#1a5fb4";
    var picker = node("input", { id: id + "-picker", type: "color", value: "#0b5d4b" });
    picker.addEventListener("input", function () {
      input.value = picker.value;
      set(attribute.name, picker.value);
    });
    var pickerLabel = node("label", { for: picker.id }, ["Pick a colour"]);
    return [text[0], node("div", { className: "colour" }, [input, picker, pickerLabel])];
  }

  var BUILDERS = {
    "option-ids": optionsField,
    flag: flagField,
    choice: selectField,
    language: selectField,
    colour: colourField
  };

  data.attributes.forEach(function (attribute) {
    var id = "ktw-field-" + attribute.name;
    var build = BUILDERS[attribute.kind] || inputField;
    form.appendChild(node("div", { className: "field" }, build(attribute, id).concat([hint(attribute, id)])));
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  function escapeAttribute(value) {
    return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // The folder the clinic named, ending in a slash, or the example one.
  function folder() {
    var value = base.value.trim() || data.base;
    return /\/$/.test(value) ? value : value + "/";
  }

  // The README's policy line with the script's origin in place of its placeholder.
  function policy() {
    var origin;
    try {
      origin = new URL(folder()).origin;
    } catch (err) {
      origin = null;
    }
    return origin && origin !== "null" ? data.csp.replace(/<[^>]+>/, origin) : data.csp;
  }

  function writeSnippet() {
    var attributes = data.attributes.filter(function (attribute) {
      return Object.prototype.hasOwnProperty.call(values, attribute.name);
    }).map(function (attribute) {
      var value = values[attribute.name];
      return value === "" ? attribute.name : attribute.name + "=\"" + escapeAttribute(value) + "\"";
    });
    var element = attributes.length
      ? "<ketamine-tms-widget\n    " + attributes.join("\n    ") + ">"
      : "<ketamine-tms-widget>";
    snippet.textContent = [
      "<script src=\"" + escapeAttribute(folder() + data.script) + "\"",
      "        integrity=\"" + data.integrity + "\" crossorigin=\"anonymous\" defer></script>",
      "",
      element + "</ketamine-tms-widget>",
      "",
      "<!-- Width: " + data.width + " -->",
      "<!-- Near the top of the page: " + data.room + " (in your own CSS) keeps the page from moving when the widget draws. -->",
      "<!-- If the page sends a Content-Security-Policy, it needs: " + policy() + " -->"
    ].join("\n");
    status.textContent = "";
  }

  base.value = data.base;
  base.addEventListener("input", writeSnippet);
  writeSnippet();

  // Copies the snippet; where the clipboard is refused (a file: page, say), selects it instead.
  document.getElementById("ktw-copy").addEventListener("click", function () {
    var text = snippet.textContent;
    var selectIt = function () {
      var range = document.createRange();
      range.selectNodeContents(snippet);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      status.textContent = "Selected: press Ctrl+C (or Cmd+C) to copy.";
    };
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = "Copied.";
      }, selectIt);
    } else {
      selectIt();
    }
  });
})();

//! JSON values as JavaScript objects, built directly with `js_sys::Object` and `Reflect`, not
//! through `JSON.parse`, so a page that replaces `JSON.parse` still gets proper `detail`s.
//!
//! Hand-written rather than `serde-wasm-bindgen`: the widget already builds every detail as a
//! `serde_json::Value`, and this walk is a few lines where that crate would add its own
//! serializer to the wasm.

use serde_json::Value;
use wasm_bindgen::JsValue;

/// `value` as a JavaScript value: objects and arrays are fresh ones, numbers are numbers.
pub fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(flag) => JsValue::from_bool(*flag),
        Value::Number(number) => number.as_f64().map_or(JsValue::NULL, JsValue::from_f64),
        Value::String(text) => JsValue::from_str(text),
        Value::Array(items) => items.iter().map(to_js).collect::<js_sys::Array>().into(),
        Value::Object(entries) => {
            let object = js_sys::Object::new();
            for (key, item) in entries {
                let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &to_js(item));
            }
            object.into()
        }
    }
}

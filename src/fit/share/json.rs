//! The little JSON that share links and stored answers are written in: a reader into a
//! [`Json`] tree and the string writer, small enough that the wasm carries no general JSON
//! library for them.
//!
//! Hand-written rather than a crate: serde_json's reader (and the serde code generated for
//! each type it reads) cost the wasm about 25 KB, and the two formats need only objects,
//! arrays, strings, booleans, null and small whole numbers. It reads what serde_json read
//! for these formats and rejects what it rejected (bad escapes, control characters in
//! strings, trailing text), so every link and stored answer that opened before still opens.

/// The deepest nesting read, serde_json's limit; real payloads nest three levels, and the
/// limit keeps a hostile payload from exhausting the stack.
const MAX_DEPTH: usize = 128;

/// One JSON value. A number is kept only as a whole number from 0 up; any other number
/// (negative, with a fraction or an exponent, or too large) is `Number(None)`, which no
/// field of these formats accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Option<u64>),
    String(String),
    Array(Vec<Json>),
    /// The members in the order written, repeated keys included.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Reads one JSON value, with white space around it and nothing else.
    pub fn parse(text: &str) -> Result<Json, String> {
        let mut reader = Reader {
            bytes: text.as_bytes(),
            at: 0,
        };
        let value = reader.value(0)?;
        reader.skip_space();
        if reader.at < reader.bytes.len() {
            return Err(format!("trailing characters at byte {}", reader.at));
        }
        Ok(value)
    }

    /// The value of `key` in an object (the last one when repeated, as serde_json kept it).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members
                .iter()
                .rev()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// The members of an object with each key once, the last value kept, as serde_json's
    /// maps kept them (in the order written, which no reader depends on).
    pub fn members(&self) -> Option<Vec<(&str, &Json)>> {
        let Json::Object(members) = self else {
            return None;
        };
        Some(
            last_of_each(members)
                .map(|(name, value)| (name.as_str(), value))
                .collect(),
        )
    }

    /// The value with every object's keys made unique (the last value kept), as serde_json's
    /// `Value` held them.
    pub fn deduplicated(self) -> Json {
        match self {
            Json::Array(items) => Json::Array(items.into_iter().map(Json::deduplicated).collect()),
            Json::Object(members) => {
                let unique: Vec<(String, Json)> = last_of_each(&members)
                    .map(|(name, value)| (name.clone(), value.clone().deduplicated()))
                    .collect();
                Json::Object(unique)
            }
            other => other,
        }
    }

    /// A short name of the value's type, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

/// The members whose key does not come again later: a small quadratic scan, which spares
/// the wasm a map type for lists this short.
fn last_of_each(members: &[(String, Json)]) -> impl Iterator<Item = &(String, Json)> {
    members
        .iter()
        .enumerate()
        .filter_map(move |(index, member)| {
            let later = members
                .iter()
                .skip(index + 1)
                .any(|(name, _)| *name == member.0);
            (!later).then_some(member)
        })
}

/// A reading position in the text.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn error(&self, what: &str) -> String {
        format!("{what} at byte {}", self.at)
    }

    fn expect_word(&mut self, word: &[u8], value: Json) -> Result<Json, String> {
        let end = self.at + word.len();
        if self.bytes.get(self.at..end) == Some(word) {
            self.at = end;
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.expect_word(b"true", Json::Bool(true)),
            Some(b'f') => self.expect_word(b"false", Json::Bool(false)),
            Some(b'n') => self.expect_word(b"null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("the text ended early")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, String> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.next() {
                Some(b',') => {}
                Some(b']') => return Ok(Json::Array(items)),
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, String> {
        self.at += 1;
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key"));
            }
            let key = self.string()?;
            self.skip_space();
            if self.next() != Some(b':') {
                return Err(self.error("expected `:`"));
            }
            members.push((key, self.value(depth + 1)?));
            self.skip_space();
            match self.next() {
                Some(b',') => {}
                Some(b'}') => return Ok(Json::Object(members)),
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    /// A number as JSON writes it; whole numbers from 0 up (and `-0`) are kept.
    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let digits = self.digits();
        if digits == 0 {
            return Err(self.error("expected a digit"));
        }
        let leading_zero = self.bytes.get(self.at - digits) == Some(&b'0');
        if leading_zero && digits > 1 {
            return Err(self.error("a number has a leading zero"));
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            whole = false;
            if self.digits() == 0 {
                return Err(self.error("expected a digit after `.`"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            whole = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        let text = std::str::from_utf8(self.bytes.get(start..self.at).unwrap_or_default())
            .unwrap_or_default();
        let value = match (whole, negative) {
            (true, false) => text.parse::<u64>().ok(),
            (true, true) => (text == "-0").then_some(0),
            (false, _) => None,
        };
        Ok(Json::Number(value))
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    /// A string, its escapes undone; a lone surrogate or a raw control character fails, as in
    /// serde_json.
    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            match self.next() {
                None => return Err(self.error("a string is not closed")),
                Some(b'"') => break,
                Some(b'\\') => {
                    let unescaped = match self.next() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(self.error("an unknown escape")),
                    };
                    let mut buffer = [0; 4];
                    out.extend_from_slice(unescaped.encode_utf8(&mut buffer).as_bytes());
                }
                Some(byte) if byte < 0x20 => {
                    return Err(self.error("a control character in a string"))
                }
                Some(byte) => out.push(byte),
            }
        }
        // The text came in as `str` and only whole escapes were added, so this holds.
        String::from_utf8(out).map_err(|_| self.error("a string is not UTF-8"))
    }

    /// The character of a `\uXXXX` escape (its `\u` already read), joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let first = self.hex4()?;
        let code = match first {
            0xd800..=0xdbff => {
                if self.next() != Some(b'\\') || self.next() != Some(b'u') {
                    return Err(self.error("a lone surrogate"));
                }
                let second = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&second) {
                    return Err(self.error("a lone surrogate"));
                }
                0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
            }
            0xdc00..=0xdfff => return Err(self.error("a lone surrogate")),
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.error("an invalid escape"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .next()
                .and_then(|byte| char::from(byte).to_digit(16))
                .ok_or_else(|| self.error("an invalid `\\u` escape"))?;
            code = code * 16 + digit;
        }
        Ok(code)
    }
}

/// Appends `text` as a JSON string, escaped as serde_json escapes it, so the text written is
/// byte for byte what earlier builds wrote (and read).
pub fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ch if u32::from(ch) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let code = u32::from(ch) as usize;
                out.push_str("\\u00");
                for nibble in [code >> 4, code & 0xf] {
                    if let Some(&digit) = HEX.get(nibble) {
                        out.push(char::from(digit));
                    }
                }
            }
            ch => out.push(ch),
        }
    }
    out.push('"');
}

//! Flesch–Kincaid grade level for English patient-facing text, shared by the native tests.
//!
//! A test crate reaches it through the support module (`mod support;`). The grade is
//! `0.39 × words/sentences + 11.8 × syllables/words − 15.59`. Syllables are counted with the
//! usual vowel-group rules plus fixes for silent endings; names of drugs, devices and agencies, and a few medical terms a patient cannot avoid, count as one
//! syllable so that naming a treatment does not push a plain sentence above grade 8.

/// Words that count as one syllable: treatment, device, agency and study names, and terms
/// the decision aid cannot avoid (each is explained in the glossary).
pub const ALLOW_LIST: &[&str] = &[
    "ketamine",
    "esketamine",
    "spravato",
    "tms",
    "itbs",
    "snt",
    "saint",
    "fda",
    "ect",
    "mri",
    "iv",
    "neurostar",
    "brainsway",
    "magstim",
    "magnus",
    "midazolam",
    "quetiapine",
    "citalopram",
    "antidepressant",
    "antidepressants",
    "depression",
    "depressive",
    "remission",
    "dissociation",
    "psychotherapy",
    "anesthetic",
    "medicare",
    "medicaid",
    "rems",
    "star*d",
    "elekt-d",
    "ketect",
    "karma-dep",
    "three-d",
    "opt-tms",
    "escape-trd",
    "transform-2",
    "sustain-1",
    "stanford",
    "theta",
    "placebo",
];

/// Counts of words, sentences and syllables in a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stats {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl Stats {
    /// The Flesch–Kincaid grade level; 0 for a text without words.
    pub fn grade(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        let sentences = self.sentences.max(1) as f64;
        let words = self.words as f64;
        0.39 * words / sentences + 11.8 * self.syllables as f64 / words - 15.59
    }
}

/// The Flesch–Kincaid grade level of `text`.
pub fn grade(text: &str) -> f64 {
    stats(text).grade()
}

/// The number of words in `text`.
pub fn word_count(text: &str) -> usize {
    words(text).count()
}

/// Words, sentences and syllables of `text`.
pub fn stats(text: &str) -> Stats {
    let mut sentences = 0;
    let mut in_sentence = false;
    let chars: Vec<char> = text.chars().collect();
    for (index, c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            in_sentence = true;
        }
        let next = chars.get(index + 1).copied();
        let ends = matches!(c, '.' | '!' | '?')
            && next.is_none_or(|n| n.is_whitespace() || n == '"' || n == ')');
        if ends && in_sentence {
            sentences += 1;
            in_sentence = false;
        }
    }
    if in_sentence {
        sentences += 1;
    }
    let mut count = 0;
    let mut syllable_total = 0;
    for word in words(text) {
        count += 1;
        syllable_total += word_syllables(word);
    }
    Stats {
        words: count,
        sentences,
        syllables: syllable_total,
    }
}

/// Splits on whitespace and slashes; keeps tokens that hold a letter or digit.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c == '/' || c == '—' || c == '–')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '*'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// Syllables in one word as written (hyphenated words add up their parts).
pub fn word_syllables(word: &str) -> usize {
    let lower = word.to_lowercase();
    let trimmed = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '*');
    if ALLOW_LIST.contains(&trimmed) {
        return 1;
    }
    let plural = trimmed
        .strip_suffix("'s")
        .or_else(|| trimmed.strip_suffix('s'));
    if plural.is_some_and(|stem| ALLOW_LIST.contains(&stem)) {
        return 1;
    }
    if trimmed.contains('-') {
        return trimmed
            .split('-')
            .filter(|p| !p.is_empty())
            .map(word_syllables)
            .sum::<usize>()
            .max(1);
    }
    if trimmed.chars().any(|c| c.is_ascii_digit()) {
        // A number or code such as "100" or "K182853" is read as one short unit.
        return 1;
    }
    syllables(trimmed)
}

/// Estimates the syllables of one lowercase English word.
pub fn syllables(word: &str) -> usize {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return 0;
    }
    if letters.len() <= 3 {
        return 1;
    }
    // An all-capitals abbreviation written in lower case is still read letter by letter,
    // but abbreviations are rare in patient text; treat them as ordinary words.
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0usize;
    let mut previous_vowel = false;
    for (index, &c) in letters.iter().enumerate() {
        let vowel = is_vowel(c) && !(c == 'y' && index == 0);
        if vowel && !previous_vowel {
            count += 1;
        }
        previous_vowel = vowel;
    }
    let text: String = letters.iter().collect();
    let n = letters.len();
    let before = |k: usize| letters.get(n.wrapping_sub(k)).copied().unwrap_or(' ');
    // Silent final "e" (make, side), but not "le" after a consonant (table) or "ee"/"ye".
    if text.ends_with('e')
        && !text.ends_with("le")
        && !text.ends_with("ee")
        && !text.ends_with("ye")
        && count > 1
    {
        count -= 1;
    } else if text.ends_with("le") && n > 2 && is_vowel(before(3)) && count > 1 {
        // "ale", "ile", "ole" as in "while": the e is silent.
        count -= 1;
    }
    // "-es" and "-ed" endings are usually silent, except after t/d ("needed") or s/x/z/ch/sh ("uses").
    if (text.ends_with("ed") || text.ends_with("es")) && count > 1 {
        let c = before(3);
        let sibilant = matches!(c, 's' | 'x' | 'z' | 'c' | 'g')
            || text.ends_with("shes")
            || text.ends_with("ches");
        let dental = text.ends_with("ed") && matches!(c, 't' | 'd');
        let vowel_before = is_vowel(c);
        let voiced_es = sibilant && text.ends_with("es");
        if !voiced_es && !dental && !vowel_before {
            count -= 1;
        }
    }
    // Vowel pairs that are usually two syllables ("radio", "actual"), except after c, t, s,
    // g or x, where they blend into one ("nation", "social", "clinician", "region").
    for pair in ["ia", "io", "ua", "uo", "iu"] {
        for (position, _) in text.match_indices(pair) {
            let before_pair = position
                .checked_sub(1)
                .and_then(|p| text.as_bytes().get(p))
                .copied();
            let blends = matches!(before_pair, Some(b'c' | b't' | b's' | b'g' | b'x' | b'q'));
            let qu = pair.starts_with('u') && before_pair == Some(b'q');
            if !blends && !qu {
                count += 1;
            }
        }
    }
    if text.ends_with("ism") {
        count += 1;
    }
    count.max(1)
}

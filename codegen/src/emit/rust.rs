//! The generated module of the crate: built with quote, checked by syn,
//! formatted by prettyplease, so no rustfmt binary is needed.
//!
//! Lookups are plain `match`es in article order: deterministic output, no
//! hashing at run time, and `const fn` everywhere the language allows.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::error::{Error, Result};
use crate::model::{Action, Catalog, Category, Code, ErrorEntry, Status};

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// Escapes text for rustdoc markdown so the article's prose shows literally:
/// markup characters are escaped, URLs become autolinks wherever they sit in a
/// word (rustdoc warns on bare ones), and hidden characters (bidi controls,
/// which rustc refuses in doc comments, and C0/C1 controls) show as `[U+202E]`.
fn doc_escape(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        let url_at = word.find("https://").or_else(|| word.find("http://"));
        match url_at {
            Some(start) => {
                let rest = &word[start..];
                let url = rest.trim_end_matches(|c: char| {
                    matches!(
                        c,
                        '.' | ','
                            | ';'
                            | ':'
                            | ')'
                            | ']'
                            | '"'
                            | '\''
                            | '!'
                            | '?'
                            | '>'
                            | '*'
                            | '_'
                            | '`'
                    )
                });
                let url_text: String = url
                    .chars()
                    .map(|c| match c {
                        '<' => "%3C".to_owned(),
                        '>' => "%3E".to_owned(),
                        c if crate::controls::is_hidden(c) => String::new(),
                        c => c.to_string(),
                    })
                    .collect();
                escape_words(&word[..start], &mut out);
                out.push_str(&format!("<{url_text}>"));
                escape_words(&rest[url.len()..], &mut out);
            }
            None => escape_words(word, &mut out),
        }
    }
    out
}

fn escape_words(text: &str, out: &mut String) {
    for c in text.chars() {
        if crate::controls::is_hidden(c) {
            out.push_str(&format!("\\[{}\\]", crate::controls::code_point(c)));
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Renders a cell as rustdoc paragraphs: plain lines are paragraphs, `- item`
/// lines stay a list.
fn doc_block(text: &str, lines: &mut Vec<String>) {
    let mut in_list = false;
    for line in text.lines() {
        match line.strip_prefix("- ") {
            Some(item) => {
                if !in_list && !lines.last().is_some_and(String::is_empty) {
                    lines.push(String::new());
                }
                lines.push(format!("- {}", doc_escape(item)));
                in_list = true;
            }
            None => {
                if !lines.last().is_some_and(String::is_empty) {
                    lines.push(String::new());
                }
                lines.push(doc_escape(line));
                in_list = false;
            }
        }
    }
}

fn doc_attrs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    quote! { #( #[doc = #lines] )* }
}

fn variant_doc(entry: &ErrorEntry) -> Vec<String> {
    let mut lines = vec![format!(
        "`{}`: {}",
        entry.code,
        doc_escape(entry.description.lines().next().unwrap_or_default())
    )];
    let rest: Vec<&str> = entry.description.lines().skip(1).collect();
    if !rest.is_empty() {
        doc_block(&rest.join("\n"), &mut lines);
    }
    if !entry.solution.is_empty() {
        lines.push(String::new());
        lines.push("**Possible cause and suggested solution:**".into());
        doc_block(&entry.solution, &mut lines);
    }
    for (column, value) in &entry.extra {
        lines.push(String::new());
        lines.push(format!(
            "**{}:** {}",
            doc_escape(column),
            doc_escape(&value.replace('\n', " "))
        ));
    }
    lines.push(String::new());
    let retry = if entry.action.is_retryable() {
        "retryable"
    } else {
        "not retryable"
    };
    lines.push(format!(
        "Category: [`Category::{}`]; action: [`Action::{}`] ({retry}); id: `{}`.",
        entry.category.variant(),
        entry.action.variant(),
        crate::names::stable_id(&entry.name)
    ));
    if let Some(when) = entry.status.deprecated_when() {
        lines.push(String::new());
        lines.push(format!(
            "**No longer listed in the article** (deprecated {when})."
        ));
    }
    lines
}

fn code_value(code: &Code) -> TokenStream {
    match code {
        Code::Numeric(n) => {
            let n = Literal::u32_unsuffixed(*n);
            quote! { Code::Numeric(#n) }
        }
        Code::Alphanumeric(s) => quote! { Code::Alphanumeric(#s) },
    }
}

fn optional(text: &str) -> TokenStream {
    if text.is_empty() {
        quote! { None }
    } else {
        quote! { Some(#text) }
    }
}

fn action_items(type_name: &str) -> TokenStream {
    let variants: Vec<Ident> = Action::ALL.iter().map(|a| ident(a.variant())).collect();
    let docs: Vec<&str> = Action::ALL.iter().map(|a| a.summary()).collect();
    let names: Vec<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
    let retryable: Vec<Ident> = Action::ALL
        .iter()
        .filter(|a| a.is_retryable())
        .map(|a| ident(a.variant()))
        .collect();
    let rows: String = Category::ALL
        .iter()
        .map(|c| {
            format!(
                "| [`Category::{}`] | [`Action::{}`] |\n",
                c.variant(),
                c.default_action().variant()
            )
        })
        .collect();
    let defaults = format!(
        " Each code's action is set in the crate's annotations; a code without\n one takes its category's default:\n\n | Category | Default action |\n | --- | --- |\n{}\n Unknown codes are [`Category::Unknown`], so they escalate: a code\n nobody has classified is never retried blindly.",
        rows.lines().map(|l| format!(" {l}\n")).collect::<String>()
    );
    let intro = format!(
        " What a client should do when a call fails with a code:\n [`{type_name}::action`] answers it per code."
    );
    quote! {
        #[doc = #intro]
        ///
        #[doc = #defaults]
        ///
        /// Non-exhaustive: a later release may add actions, so keep a
        /// wildcard arm.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        #[non_exhaustive]
        pub enum Action {
            #( #[doc = #docs] #variants, )*
        }

        impl Action {
            /// Every action.
            pub const ALL: &'static [Action] = &[ #( Action::#variants ),* ];

            /// A stable snake_case id (`"fix_request"`), for logs and metric labels.
            pub const fn as_str(self) -> &'static str {
                match self { #( Action::#variants => #names, )* }
            }

            /// Whether the same request may succeed later unchanged:
            /// [`Action::Backoff`] and [`Action::Retry`].
            pub const fn is_retryable(self) -> bool {
                matches!(self, #( Action::#retryable )|* )
            }

            /// One sentence on what to do.
            pub const fn description(self) -> &'static str {
                match self { #( Action::#variants => #docs, )* }
            }
        }
    }
}

fn category_items() -> TokenStream {
    let variants: Vec<Ident> = Category::ALL.iter().map(|c| ident(c.variant())).collect();
    let docs: Vec<&str> = Category::ALL.iter().map(|c| c.summary()).collect();
    let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    let defaults: Vec<Ident> = Category::ALL
        .iter()
        .map(|c| ident(c.default_action().variant()))
        .collect();
    quote! {
        /// What kind of failure a code reports. Sets the default
        /// [`Action`] of the codes in it.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        #[non_exhaustive]
        pub enum Category {
            #( #[doc = #docs] #variants, )*
        }

        impl Category {
            /// Every category.
            pub const ALL: &'static [Category] = &[ #( Category::#variants ),* ];

            /// The snake_case name used in the JSON fixture and annotations.
            pub const fn as_str(self) -> &'static str {
                match self { #( Category::#variants => #names, )* }
            }

            /// What to do about a code of this kind unless its annotation
            /// says otherwise.
            pub const fn default_action(self) -> Action {
                match self { #( Category::#variants => Action::#defaults, )* }
            }

            /// Whether failures of this kind are, by default, worth retrying
            /// unchanged (after a backoff).
            pub const fn is_retryable(self) -> bool {
                self.default_action().is_retryable()
            }

            /// One sentence on what the category means.
            pub const fn description(self) -> &'static str {
                match self { #( Category::#variants => #docs, )* }
            }
        }
    }
}

/// The generated module for `catalog`, as formatted source with its header.
pub fn emit(catalog: &Catalog, type_name: &str, url: &str) -> Result<String> {
    let ty = ident(type_name);
    let entries = &catalog.errors;
    let variants: Vec<Ident> = entries.iter().map(|e| ident(&e.name)).collect();
    let docs: Vec<TokenStream> = entries.iter().map(|e| doc_attrs(&variant_doc(e))).collect();
    let deprecations: Vec<TokenStream> = entries
        .iter()
        .map(|e| match &e.status {
            Status::Removed { since: Some(since) } => {
                let note = format!("no longer listed in the article since version {since}; the API may still send it");
                quote! { #[deprecated(since = #since, note = #note)] }
            }
            Status::Removed { since: None } => {
                let note = "no longer listed in the article; the API may still send it";
                quote! { #[deprecated(note = #note)] }
            }
            Status::Listed => quote! {},
        })
        .collect();
    let numeric: Vec<(Literal, &Ident)> = entries
        .iter()
        .zip(&variants)
        .filter_map(|(e, v)| Some((Literal::u32_unsuffixed(e.code.as_u32()?), v)))
        .collect();
    let (numbers, numeric_variants): (Vec<_>, Vec<_>) = numeric.into_iter().unzip();
    let strings: Vec<String> = entries.iter().map(|e| e.code.to_string()).collect();
    let codes: Vec<TokenStream> = entries.iter().map(|e| code_value(&e.code)).collect();
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    let categories: Vec<Ident> = entries
        .iter()
        .map(|e| ident(e.category.variant()))
        .collect();
    let actions: Vec<Ident> = entries.iter().map(|e| ident(e.action.variant())).collect();
    let ids: Vec<String> = entries
        .iter()
        .map(|e| crate::names::stable_id(&e.name))
        .collect();
    let listed: Vec<&Ident> = entries
        .iter()
        .zip(&variants)
        .filter(|(e, _)| e.status.is_listed())
        .map(|(_, v)| v)
        .collect();
    let descriptions: Vec<&str> = entries.iter().map(|e| e.description.as_str()).collect();
    let solutions: Vec<TokenStream> = entries.iter().map(|e| optional(&e.solution)).collect();
    let extras: Vec<TokenStream> = entries
        .iter()
        .map(|e| {
            let (columns, values): (Vec<&String>, Vec<&String>) = e.extra.iter().unzip();
            quote! { &[ #( (#columns, #values) ),* ] }
        })
        .collect();
    let type_doc = format!(
        " A {} error code, as TikTok sends it in a response's `code` field.",
        "TikTok Business Messaging"
    );
    let sha256 = &catalog.source.sha256;
    let category_items = category_items();
    let action_items = action_items(type_name);
    let listed_arm = if listed.is_empty() {
        quote! { false }
    } else {
        quote! { matches!(self, #( #ty::#listed )|* ) }
    };

    let tokens = quote! {
        use crate::{Code, UnknownCode};

        #[doc = #type_doc]
        ///
        /// Known codes are variants, named in the crate's annotations and
        /// documented with the article's text; any other number is kept in
        /// [`Self::Unknown`], so nothing is lost and a new code is never a
        /// breaking change. Match with a wildcard arm: the enum is
        /// non-exhaustive because TikTok adds codes.
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #ty {
            #( #docs #deprecations #variants, )*
            /// A code this version of the crate does not know. It keeps its
            /// value ([`Self::code`]) and never equals a known variant.
            Unknown(UnknownCode),
        }

        #[allow(deprecated)]
        impl #ty {
            /// Every code this crate knows: those the article lists, in its
            /// order, then deprecated ones it no longer lists.
            pub const ALL: &'static [#ty] = &[ #( #ty::#variants ),* ];

            /// Where the article this crate was generated from is published.
            pub const ARTICLE_URL: &'static str = #url;

            /// The sha256 of the captured article this version was generated
            /// from (the capture the repository keeps).
            pub const ARTICLE_SHA256: &'static str = #sha256;

            /// The code for a number TikTok sent. Never fails: an unknown
            /// number becomes [`Self::Unknown`] and keeps its value.
            pub const fn from_code(code: u32) -> #ty {
                match code {
                    #( #numbers => #ty::#numeric_variants, )*
                    other => #ty::Unknown(UnknownCode::new(other)),
                }
            }

            /// A known code from its exact string form (`"40100"`, `"E1001"`).
            pub(crate) fn from_known_str(code: &str) -> Option<#ty> {
                match code {
                    #( #strings => Some(#ty::#variants), )*
                    _ => None,
                }
            }

            /// The code's value: a number for every numeric code, known or not.
            pub const fn code(self) -> Code {
                match self {
                    #( #ty::#variants => #codes, )*
                    #ty::Unknown(unknown) => Code::Numeric(unknown.get()),
                }
            }

            /// A stable snake_case id (`"rate_limited"`, `"unknown"`) for logs
            /// and metric labels. It follows the variant's name, never the
            /// article's prose, so rewording the article cannot change it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    #( #ty::#variants => #ids, )*
                    #ty::Unknown(_) => "unknown",
                }
            }

            /// The variant's name (`"RateLimited"`), or `"Unknown"`.
            pub const fn name(self) -> &'static str {
                match self {
                    #( #ty::#variants => #names, )*
                    #ty::Unknown(_) => "Unknown",
                }
            }

            /// What kind of failure this is; [`Category::Unknown`] for unknown codes.
            pub const fn category(self) -> Category {
                match self {
                    #( #ty::#variants => Category::#categories, )*
                    #ty::Unknown(_) => Category::Unknown,
                }
            }

            /// What a client should do about this code: back off, retry,
            /// reauthorise, fix the request or escalate to a person. Unknown
            /// codes escalate ([`Category::Unknown`]'s default).
            pub const fn action(self) -> Action {
                match self {
                    #( #ty::#variants => Action::#actions, )*
                    #ty::Unknown(_) => Category::Unknown.default_action(),
                }
            }

            /// Whether the same request may succeed if retried after a backoff:
            /// whether [`Self::action`] is [`Action::Backoff`] or [`Action::Retry`].
            /// Unknown codes are not retryable: retrying blindly can amplify load.
            pub const fn is_retryable(self) -> bool {
                self.action().is_retryable()
            }

            /// Whether the article listed this code when the crate was generated
            /// (false for deprecated and unknown codes).
            pub const fn is_listed(self) -> bool {
                #listed_arm
            }

            /// The article's description; `None` for unknown codes.
            pub const fn description(self) -> Option<&'static str> {
                match self {
                    #( #ty::#variants => Some(#descriptions), )*
                    #ty::Unknown(_) => None,
                }
            }

            /// The article's possible cause and suggested solution; `None` for
            /// unknown codes and where the article gives none. List items are
            /// lines starting with `- `.
            pub const fn solution(self) -> Option<&'static str> {
                match self {
                    #( #ty::#variants => #solutions, )*
                    #ty::Unknown(_) => None,
                }
            }

            /// Columns the article has beyond code, description and solution,
            /// as `(header, text)` pairs.
            pub const fn extra(self) -> &'static [(&'static str, &'static str)] {
                match self {
                    #( #ty::#variants => #extras, )*
                    #ty::Unknown(_) => &[],
                }
            }
        }

        #category_items

        #action_items
    };
    let file: syn::File = syn::parse2(tokens)
        .map_err(|e| Error::new(format!("generated Rust does not parse: {e}")))?;
    let header: String = crate::emit::provenance(catalog)
        .split(". ")
        .map(|sentence| format!("// {}\n", sentence.trim_end_matches('.').to_owned() + "."))
        .collect();
    Ok(format!("{header}\n{}", prettyplease::unparse(&file)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_and_urls_anywhere_in_a_word_are_safe_for_rustdoc() {
        assert_eq!(
            doc_escape("(see https://x.y/a_b). \"https://q.r\""),
            "(see <https://x.y/a_b>). \"<https://q.r>\""
        );
        assert_eq!(doc_escape("a\u{202e}b\u{1b}"), "a\\[U+202E\\]b\\[U+001B\\]");
    }

    #[test]
    fn doc_text_is_escaped_and_urls_linked() {
        assert_eq!(
            doc_escape("a *b* [c] <d> see https://x.y/z."),
            "a \\*b\\* \\[c\\] \\<d\\> see <https://x.y/z>."
        );
        let mut lines = Vec::new();
        doc_block("Check this:\n- one\n- two\nThen that.", &mut lines);
        assert_eq!(
            lines,
            ["", "Check this:", "", "- one", "- two", "", "Then that."]
        );
    }
}

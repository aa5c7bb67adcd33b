//! The generated module of the crate: built with quote, checked by syn,
//! formatted by prettyplease, so no rustfmt binary is needed.
//!
//! Lookups are plain `match`es in article order: deterministic output, no
//! hashing at run time, and `const fn` everywhere the language allows.
//! Everything vendor-specific comes from the model and the article's
//! configuration; the support types every crate needs (`Code`,
//! `UnknownCode`, parse errors, serde) are emitted by `support`.

use proc_macro2::{Ident, TokenStream};
use quote::{ToTokens, quote};

use crate::emit::tokens::{Kind, arms, ident};
use crate::error::{Error, Result};
use crate::model::{Catalog, CategoryDef, Code, ErrorEntry, Status, Vendor};

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
        let Some(start) = word.find("https://").or_else(|| word.find("http://")) else {
            escape_words(word, &mut out);
            continue;
        };
        let rest = &word[start..];
        let url = rest.trim_end_matches(|c: char| ".,;:)]\"'!?>*_`".contains(c));
        let url_text: String = url
            .chars()
            .filter(|&c| !crate::controls::is_hidden(c))
            .collect();
        let url_text = url_text.replace('<', "%3C").replace('>', "%3E");
        escape_words(&word[..start], &mut out);
        out.push_str(&format!("<{url_text}>"));
        escape_words(&rest[url.len()..], &mut out);
    }
    out
}

fn escape_words(text: &str, out: &mut String) {
    for c in text.chars() {
        if crate::controls::is_hidden(c) {
            out.push_str(&format!("\\[{}\\]", crate::controls::code_point(c)));
            continue;
        }
        if "\\`*_[]<>#|~!&$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Renders a cell's lines as rustdoc paragraphs: plain lines are
/// paragraphs, `- item` lines stay a list.
fn doc_block<'a>(text: impl Iterator<Item = &'a str>, lines: &mut Vec<String>) {
    let mut in_list = false;
    for line in text {
        let item = line.strip_prefix("- ");
        let after_blank = lines.last().is_some_and(String::is_empty);
        if !(after_blank || in_list && item.is_some()) {
            lines.push(String::new());
        }
        lines.push(match item {
            Some(item) => format!("- {}", doc_escape(item)),
            None => doc_escape(line),
        });
        in_list = item.is_some();
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

fn variant_doc(entry: &ErrorEntry, vendor: &Vendor) -> Vec<String> {
    let key = match &entry.subcode {
        Some(sub) => format!("`{}` (sub-code `{sub}`)", entry.code),
        None => format!("`{}`", entry.code),
    };
    let mut lines = vec![format!(
        "{key}: {}",
        doc_escape(entry.description.lines().next().unwrap_or_default())
    )];
    // No blank `///` lines at the end for a description that ends in
    // empty lines (a hand-edited baseline: the readers trim every cell).
    doc_block(
        entry.description.trim_end_matches('\n').lines().skip(1),
        &mut lines,
    );
    for (title, text) in [
        (&vendor.cause_title, &entry.cause),
        (&vendor.solution_title, &entry.solution),
    ] {
        if !text.is_empty() {
            lines.extend([String::new(), format!("**{}:**", doc_escape(title))]);
            doc_block(text.lines(), &mut lines);
        }
    }
    for (column, value) in &entry.extra {
        let (column, value) = (doc_escape(column), doc_escape(&value.replace('\n', " ")));
        lines.extend([String::new(), format!("**{column}:** {value}")]);
    }
    if let Some(section) = entry.section_note() {
        lines.extend([String::new(), format!("Section: {}.", doc_escape(&section))]);
    }
    let retry = if entry.action.is_retryable() {
        "retryable"
    } else {
        "not retryable"
    };
    let (category, action) = (entry.category.variant(), entry.action.variant());
    let id = crate::names::stable_id(&entry.name);
    lines.extend([
        String::new(),
        format!("Category: [`Category::{category}`]; action: [`Action::{action}`] ({retry}); id: `{id}`."),
    ]);
    if let Some(when) = entry.status.deprecated_when() {
        let note = format!("**No longer listed in the article** (deprecated {when}).");
        lines.extend([String::new(), note]);
    }
    lines
}

/// A variant's `#[deprecated]`, if the article no longer lists it.
fn deprecation(status: &Status) -> TokenStream {
    let Status::Removed { since } = status else {
        return quote! {};
    };
    let when = since
        .as_ref()
        .map_or(String::new(), |v| format!(" since version {v}"));
    let note = format!("no longer listed in the article{when}; the API may still send it");
    let since = since.as_ref().map(|since| quote! { since = #since, });
    quote! { #[deprecated(#since note = #note)] }
}

fn optional(text: &str) -> TokenStream {
    let some = (!text.is_empty()).then(|| quote! { Some(#text) });
    some.unwrap_or_else(|| quote! { None })
}

/// The category table's docs: each category's default action (the
/// crate's `Action` is the shared runtime's, re-exported).
fn category_defaults(type_name: &str, categories: &[CategoryDef]) -> String {
    let rows: String = categories
        .iter()
        .map(|c| {
            format!(
                " | [`Category::{}`] | [`Action::{}`] |\n",
                crate::model::Category(c.name.clone()).variant(),
                c.action.variant()
            )
        })
        .collect();
    format!(
        " Each code's action is set in the crate's annotations ([`{type_name}::action`]);\n a code without one takes its category's default:\n\n | Category | Default action |\n | --- | --- |\n{rows}\n Unknown codes are [`Category::Unknown`], so they take its action: a\n code nobody has classified is never silently given another."
    )
}

fn category_items(type_name: &str, categories: &[CategoryDef]) -> TokenStream {
    let defaults_doc = category_defaults(type_name, categories);
    let variants: Vec<Ident> = categories
        .iter()
        .map(|c| ident(&crate::model::Category(c.name.clone()).variant()))
        .collect();
    let docs: Vec<String> = categories.iter().map(|c| format!(" {}", c.doc)).collect();
    let plain: Vec<&str> = categories.iter().map(|c| c.doc.as_str()).collect();
    let names: Vec<&str> = categories.iter().map(|c| c.name.as_str()).collect();
    let defaults: Vec<Ident> = categories
        .iter()
        .map(|c| ident(&c.action.variant()))
        .collect();
    quote! {
        /// What kind of failure a code reports. Sets the default
        /// [`Action`] of the codes in it, and maps to one of the categories
        /// every channel shares ([`Category::shared`]).
        ///
        #[doc = #defaults_doc]
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
                match self { #( Category::#variants => #plain, )* }
            }
        }

        impl ::core::fmt::Display for Category {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}

fn kind_of(catalog: &Catalog) -> Result<Kind> {
    // The model refuses a code its type cannot hold at the article's line
    // (`catalog::build`); this keeps the emitter safe for any model.
    let code_type = catalog.vendor.code_type;
    let number = code_type.range().map(|_| code_type.as_str());
    let subcodes = catalog.has_subcodes();
    let file = &catalog.article.annotations;
    for entry in &catalog.errors {
        if let Some(number) = number
            && !std::iter::once(&entry.code)
                .chain(&entry.subcode)
                .all(|code| code_type.holds(code))
        {
            // The capture's code, whatever file is being emitted.
            return Err(Error::new(format!(
                "code {} does not fit {number}: set code_type = \"i64\" under [vendor] in {file}",
                entry.key(),
            ))
            .in_file(&catalog.source.path));
        }
        if let Some(sub) = &entry.subcode
            && (number.is_none() || !matches!(sub, Code::Numeric(_)))
        {
            return Err(Error::new(format!(
                "code {}: sub-codes must be numbers with a numeric code_type (u32 or i64) in {file}",
                entry.key()
            )));
        }
    }
    let by = catalog.key_part();
    if let Some(part) = by
        && (number.is_none() || subcodes)
    {
        return Err(Error::new(format!(
            "entries keyed by {} need a numeric code_type (u32 or i64) and no sub-code column; set code_type under [vendor] in {file}, or key = \"code\" under [columns] if the repeats are mistakes",
            part.describe()
        )));
    }
    Ok(Kind {
        number: number.map(ident),
        subcodes,
        by,
        vendor: catalog.vendor.name.clone(),
    })
}

/// `category` and `action`. An unknown code is [`Category::Unknown`] and
/// takes its default, except a sub-code the article does not list of a code
/// it does: that one is unknown (it keeps the sub-code) but classified as
/// the code's own entry, so a new sub-code never changes what a client does.
fn classification(
    ty: &Ident,
    kind: &Kind,
    category_arms: &TokenStream,
    action_arms: &TokenStream,
) -> TokenStream {
    let (binding, category, action, unknown_doc, category_doc) = if kind.subcodes {
        (
            quote! { unknown },
            quote! { match unknown.code_entry() { Some(own) => own.category(), None => Category::Unknown } },
            quote! { match unknown.code_entry() { Some(own) => own.action(), None => Category::Unknown.default_action() } },
            " codes take [`Category::Unknown`]'s default, but an unlisted\n sub-code of a listed code takes the code's own ([`UnknownCode::code_entry`]).",
            " What kind of failure this is; [`Category::Unknown`] for unknown codes\n but an unlisted sub-code of a listed code, which takes the code's own.",
        )
    } else {
        (
            quote! { _ },
            quote! { Category::Unknown },
            quote! { Category::Unknown.default_action() },
            " codes take [`Category::Unknown`]'s default.",
            " What kind of failure this is; [`Category::Unknown`] for unknown codes.",
        )
    };
    let action_doc = format!(
        " What a client should do about this code: back off, retry,\n reauthorise, fix the request or escalate to a person. Unknown\n{unknown_doc}"
    );
    quote! {
        #[doc = #category_doc]
        pub const fn category(self) -> Category {
            match self {
                #category_arms
                #ty::Unknown(#binding) => #category,
            }
        }

        #[doc = #action_doc]
        pub const fn action(self) -> Action {
            match self {
                #action_arms
                #ty::Unknown(#binding) => #action,
            }
        }
    }
}

/// The generated module for `catalog`, as formatted source with its header.
pub fn emit(catalog: &Catalog) -> Result<String> {
    let kind = kind_of(catalog)?;
    let (type_name, url) = (&catalog.article.type_name, &catalog.article.url);
    let ty = ident(type_name);
    let entries = &catalog.errors;
    let variants: Vec<Ident> = entries.iter().map(|e| ident(&e.name)).collect();
    let listed: Vec<&Ident> = entries
        .iter()
        .zip(&variants)
        .filter(|(e, _)| e.status.is_listed())
        .map(|(_, v)| v)
        .collect();
    let enum_variants: TokenStream = entries
        .iter()
        .zip(&variants)
        .map(|(entry, variant)| {
            let docs = doc_attrs(&variant_doc(entry, &catalog.vendor));
            let deprecation = deprecation(&entry.status);
            quote! { #docs #deprecation #variant, }
        })
        .collect();
    let arms_of = |value: &dyn Fn(&ErrorEntry) -> TokenStream| arms(&ty, entries, &variants, value);
    let id_arms = arms_of(&|e| crate::names::stable_id(&e.name).into_token_stream());
    let name_arms = arms_of(&|e| e.name.to_token_stream());
    let category_arms = arms_of(&|e| {
        let category = ident(&e.category.variant());
        quote! { Category::#category }
    });
    let action_arms = arms_of(&|e| {
        let action = ident(&e.action.variant());
        quote! { Action::#action }
    });
    let classification = classification(&ty, &kind, &category_arms, &action_arms);
    let description_arms = arms_of(&|e| {
        let description = &e.description;
        quote! { Some(#description) }
    });
    let solution_arms = arms_of(&|e| optional(&e.solution));
    let cause_arms = arms_of(&|e| optional(&e.cause));
    let section_arms = arms_of(&|e| optional(e.section.as_deref().unwrap_or_default()));
    let extra_arms = arms_of(&|e| {
        let (columns, values): (Vec<&String>, Vec<&String>) = e.extra.iter().unzip();
        quote! { &[ #( (#columns, #values) ),* ] }
    });
    let type_doc = format!(" {}", catalog.vendor.type_doc);
    let vendor = &kind.vendor;
    let unknown_doc = format!(
        " Known codes are variants, named in the crate's annotations and\n documented with the article's text; any other code is kept in\n [`Self::Unknown`], so nothing is lost and a new code is never a\n breaking change. Match with a wildcard arm: the enum is\n non-exhaustive because {vendor} adds codes."
    );
    let sha256 = &catalog.source.sha256;
    let category_items = category_items(type_name, &catalog.categories);
    let shared_items = crate::emit::shared::items(catalog);
    let envelope = catalog.envelope.is_some();
    let support = crate::emit::support::items(&ty, &kind, entries, &variants, envelope);
    let listed_arm = if listed.is_empty() {
        quote! { false }
    } else {
        quote! { matches!(self, #( #ty::#listed )|* ) }
    };

    let tokens = quote! {
        #[doc = #type_doc]
        ///
        #[doc = #unknown_doc]
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #ty {
            #enum_variants
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

            /// A stable snake_case id (`"rate_limited"`, `"unknown"`) for logs
            /// and metric labels. It follows the variant's name, never the
            /// article's prose, so rewording the article cannot change it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    #id_arms
                    #ty::Unknown(_) => "unknown",
                }
            }

            /// The variant's name (`"RateLimited"`), or `"Unknown"`.
            pub const fn name(self) -> &'static str {
                match self {
                    #name_arms
                    #ty::Unknown(_) => "Unknown",
                }
            }

            #classification

            /// Whether the same request may succeed if retried after a backoff:
            /// whether [`Self::action`] is [`Action::Backoff`] or [`Action::Retry`].
            pub const fn is_retryable(self) -> bool {
                self.action().is_retryable()
            }

            /// Whether the article listed this code when the crate was generated
            /// (false for deprecated and unknown codes).
            pub const fn is_listed(self) -> bool {
                #listed_arm
            }

            /// Whether this crate knows the code (it has a variant).
            pub const fn is_known(self) -> bool {
                !matches!(self, #ty::Unknown(_))
            }

            /// The article's description; `None` for unknown codes.
            pub const fn description(self) -> Option<&'static str> {
                match self {
                    #description_arms
                    #ty::Unknown(_) => None,
                }
            }

            /// The article's solution text; `None` for unknown codes and where
            /// the article gives none. List items are lines starting with `- `.
            pub const fn solution(self) -> Option<&'static str> {
                match self {
                    #solution_arms
                    #ty::Unknown(_) => None,
                }
            }

            /// The article's cause, where it has a cause column apart from
            /// the solution; `None` otherwise.
            pub const fn cause(self) -> Option<&'static str> {
                match self {
                    #cause_arms
                    #ty::Unknown(_) => None,
                }
            }

            /// The title of the article's section (table) that lists the code,
            /// where the article has several; `None` otherwise.
            pub const fn section(self) -> Option<&'static str> {
                match self {
                    #section_arms
                    #ty::Unknown(_) => None,
                }
            }

            /// Columns the article has beyond code, description and solution,
            /// as `(header, text)` pairs.
            pub const fn extra(self) -> &'static [(&'static str, &'static str)] {
                match self {
                    #extra_arms
                    #ty::Unknown(_) => &[],
                }
            }
        }

        #support

        #category_items

        #shared_items
    };
    let header: String = crate::emit::provenance(catalog)
        .split(". ")
        .map(|sentence| format!("// {}\n", sentence.trim_end_matches('.').to_owned() + "."))
        .collect();
    let file: syn::File = syn::parse2(crate::emit::docs::one_per_line(tokens))
        .map_err(|e| Error::new(format!("generated Rust does not parse: {e}")))?;
    Ok(header + "\n" + &prettyplease::unparse(&file))
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
        doc_block("Check this:\n- one\n- two\nThen that.".lines(), &mut lines);
        assert_eq!(
            lines,
            ["", "Check this:", "", "- one", "- two", "", "Then that."]
        );
    }

    #[test]
    fn a_description_ending_in_empty_lines_ends_its_docs_with_text() {
        let entry: ErrorEntry = serde_json::from_value(serde_json::json!({
            "code": 7,
            "name": "Code7",
            "description": "Gone.\nSecond line  \n\n",
            "solution": "",
            "category": "unknown",
            "action": "escalate",
        }))
        .unwrap();
        let doc = variant_doc(&entry, &Vendor::default());
        assert_eq!(doc[..4], ["`7`: Gone.", "", "Second line  ", ""]);
        assert!(doc[4].starts_with("Category:"), "{doc:?}");
        let blank_run = doc.windows(2).any(|w| w[0].is_empty() && w[1].is_empty());
        assert!(!blank_run, "{doc:?}");
    }
}

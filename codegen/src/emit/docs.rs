//! One `#[doc]` attribute per line, so the generated module reads like
//! hand-written Rust: prettyplease prints a one-line doc attribute as `///`
//! but a multi-line one as a `/** … */` block (or, when the text holds
//! `*/`, as `#[doc = "…"]`), which switched style mid-comment. rustdoc
//! joins consecutive doc attributes with line breaks, so the docs read the
//! same.

use proc_macro2::{Delimiter, Group, Literal, TokenStream, TokenTree};
use quote::quote;

/// `tokens` with every outer `#[doc = "a\nb"]` split into `#[doc = "a"]
/// #[doc = "b"]`, at any depth. A CR ends a line too: `///` may hold no
/// bare CR.
pub(crate) fn one_per_line(tokens: TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    let mut trees = tokens.into_iter().peekable();
    while let Some(tree) = trees.next() {
        match tree {
            TokenTree::Punct(hash) if hash.as_char() == '#' => {
                let lines = match trees.peek() {
                    Some(TokenTree::Group(group)) => doc_lines(group),
                    _ => None,
                };
                match lines {
                    Some(lines) => {
                        trees.next();
                        for line in lines {
                            let line = Literal::string(&line);
                            out.extend(quote! { #[doc = #line] });
                        }
                    }
                    None => out.extend([TokenTree::Punct(hash)]),
                }
            }
            TokenTree::Group(group) => {
                let mut inner = Group::new(group.delimiter(), one_per_line(group.stream()));
                inner.set_span(group.span());
                out.extend([TokenTree::Group(inner)]);
            }
            other => out.extend([other]),
        }
    }
    out
}

/// The lines of a `[doc = "…"]` attribute's text; `None` for any other
/// bracket group.
fn doc_lines(group: &Group) -> Option<Vec<String>> {
    if group.delimiter() != Delimiter::Bracket {
        return None;
    }
    let meta: syn::MetaNameValue = syn::parse2(group.stream()).ok()?;
    let text = match meta.value {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) if meta.path.is_ident("doc") => text.value(),
        _ => return None,
    };
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    Some(text.split('\n').map(str::to_owned).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(tokens: TokenStream) -> String {
        prettyplease::unparse(&syn::parse2(one_per_line(tokens)).unwrap())
    }

    #[test]
    fn a_multi_line_doc_prints_as_line_comments() {
        let text = " First line.\n\n Ends a comment */ here.\r\n /* opens one";
        let tokens = quote! {
            #[doc = #text]
            #[derive(Clone)]
            pub enum E {
                #[doc = " A\n B"]
                A,
            }
        };
        assert_eq!(
            printed(tokens),
            "/// First line.\n///\n/// Ends a comment */ here.\n/// /* opens one\n#[derive(Clone)]\npub enum E {\n    /// A\n    /// B\n    A,\n}\n"
        );
    }

    #[test]
    fn other_attributes_and_one_line_docs_are_kept() {
        let tokens = quote! {
            /// One line.
            #[deprecated(note = "a\nb")]
            #[cfg_attr(test, doc = "x")]
            pub fn f() { let _ = [1]; }
        };
        let plain = prettyplease::unparse(&syn::parse2(tokens.clone()).unwrap());
        assert_eq!(printed(tokens), plain);
        assert!(plain.contains("#[deprecated(note = \"a\\nb\")]"), "{plain}");
    }
}

//! The per-article part of a crate's wiring into the shared runtime
//! (`channel-errors`): its `VENDOR`, what its own categories map to, and
//! the `ENVELOPE` its configuration describes. The trait impls and the
//! response reader are ordinary Rust in `support/` (`shared*.rs`,
//! `envelope.rs`); `Action` is the shared crate's, re-exported.

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::tokens::ident;
use crate::model::{Catalog, CategoryDef, Envelope, SuccessSignal};

/// `VENDOR`, the re-exported `Action`, `Category::shared` and its `From`,
/// and `ENVELOPE` when the configuration describes one.
pub(crate) fn items(catalog: &Catalog) -> TokenStream {
    let (id, name) = (catalog.vendor.id(), &catalog.vendor.name);
    let vendor_doc = format!(
        " The channel these codes come from, for the shared runtime: its id\n (`{id}`) qualifies stable ids (`{id}.unknown`)."
    );
    let categories = categories(&catalog.categories);
    let envelope = catalog.envelope.as_ref().map(envelope);
    quote! {
        #[doc = #vendor_doc]
        pub const VENDOR: ::channel_errors::Vendor = ::channel_errors::Vendor::new(#id, #name);

        /// What a client should do about a failure: the shared runtime's
        /// `Action`, the same for every channel's crate.
        pub use ::channel_errors::Action;

        #categories
        #envelope
    }
}

fn categories(categories: &[CategoryDef]) -> TokenStream {
    let arms = categories.iter().map(|c| {
        let own = ident(&crate::model::Category(c.name.clone()).variant());
        let shared = ident(&crate::model::Category(c.shared_id().to_owned()).variant());
        quote! { Category::#own => ::channel_errors::Category::#shared, }
    });
    quote! {
        impl Category {
            /// The cross-vendor category this one maps to (the article's
            /// configuration says which), shared by every channel's crate.
            pub const fn shared(self) -> ::channel_errors::Category {
                match self { #( #arms )* }
            }
        }

        impl From<Category> for ::channel_errors::Category {
            fn from(category: Category) -> ::channel_errors::Category {
                category.shared()
            }
        }
    }
}

fn envelope(envelope: &Envelope) -> TokenStream {
    let code = &envelope.code;
    let optional = |method: &str, pointer: &Option<String>| {
        let method = ident(method);
        pointer.as_ref().map(|p| quote! { .#method(#p) })
    };
    let parts = [
        optional("subcode", &envelope.subcode),
        optional("message", &envelope.message),
        optional("request_id", &envelope.request_id),
        optional("request_id_header", &envelope.request_id_header),
        optional("data", &envelope.data),
    ];
    let success = match &envelope.success {
        SuccessSignal::CodeIs(code) => {
            let code = crate::emit::tokens::int(*code);
            quote! { ::channel_errors::Success::CodeIs(#code) }
        }
        SuccessSignal::NoCode => quote! { ::channel_errors::Success::NoCode },
        SuccessSignal::Flag(flag) => quote! { ::channel_errors::Success::Flag(#flag) },
    };
    let statuses = (!envelope.error_statuses.is_empty()).then(|| {
        let ranges = envelope.error_statuses.iter().map(|&(low, high)| {
            let [low, high] = [low, high].map(proc_macro2::Literal::u16_unsuffixed);
            quote! { (#low, #high) }
        });
        quote! { .error_statuses(&[ #( #ranges ),* ]) }
    });
    quote! {
        /// The API's response envelope, as the article's configuration
        /// describes it: what `read_response` (feature `json`) reads a
        /// response by.
        pub const ENVELOPE: ::channel_errors::Envelope = ::channel_errors::Envelope::new(VENDOR, #code)
            #( #parts )*
            .success(#success)
            #statuses;
    }
}

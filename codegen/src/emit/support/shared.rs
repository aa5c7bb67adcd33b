// Every crate's: the shared runtime's `VendorCode` for the code type, so
// that one policy, log line or dashboard takes any channel's codes through
// `&dyn channel_errors::VendorCode`. `quote!` writes `VENDOR` and
// `Category::shared`; the shape's file the conversion to
// `channel_errors::Code` and `FromVendorCode`. Each method calls the
// inherent one by path: `self.action()` here would be this trait's.

impl ::channel_errors::VendorCode for ErrorCode {
    fn vendor(&self) -> ::channel_errors::Vendor {
        VENDOR
    }

    fn code(&self) -> ::channel_errors::Code {
        ::channel_errors::Code::from(*self)
    }

    fn stable_id(&self) -> &'static str {
        ErrorCode::as_str(*self)
    }

    fn action(&self) -> ::channel_errors::Action {
        ErrorCode::action(*self)
    }

    fn category(&self) -> ::channel_errors::Category {
        ErrorCode::category(*self).shared()
    }

    fn description(&self) -> Option<&'static str> {
        ErrorCode::description(*self)
    }

    fn solution(&self) -> Option<&'static str> {
        ErrorCode::solution(*self)
    }

    fn article_url(&self) -> &'static str {
        ErrorCode::ARTICLE_URL
    }

    fn is_known(&self) -> bool {
        ErrorCode::is_known(*self)
    }
}

/// A category from its stable id ([`Category::as_str`]: `"rate_limit"`), as
/// configurations, logs and dashboards write it.
impl ::core::str::FromStr for Category {
    type Err = ::channel_errors::ParseError;

    fn from_str(id: &str) -> Result<Category, ::channel_errors::ParseError> {
        Category::ALL
            .iter()
            .copied()
            .find(|category| category.as_str() == id)
            .ok_or(::channel_errors::ParseError::new(
                "category id",
                "the snake_case id of one of the crate's categories (Category::ALL)",
            ))
    }
}

/// A category as its stable id, both ways (feature `serde`).
#[cfg_attr(not(test), cfg(feature = "serde"))]
mod category_serde {
    use super::Category;
    use ::serde::de::{self, Deserialize, Deserializer};
    use ::serde::ser::{Serialize, Serializer};

    impl Serialize for Category {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    impl<'de> Deserialize<'de> for Category {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Category, D::Error> {
            struct Id;
            impl de::Visitor<'_> for Id {
                type Value = Category;
                fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str("a category's stable id, such as \"rate_limit\"")
                }
                fn visit_str<E: de::Error>(self, id: &str) -> Result<Category, E> {
                    id.parse().map_err(E::custom)
                }
            }
            deserializer.deserialize_str(Id)
        }
    }
}

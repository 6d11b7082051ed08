//! Reads a map that refuses a key given twice. Serde's maps keep the last value silently, so a scenario with
//! two overrides for one municipality would lose one without a word.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};

pub fn deserialize<'de, D, V>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    deserializer.deserialize_map(UniqueMap(PhantomData))
}

struct UniqueMap<V>(PhantomData<V>);

impl<'de, V: Deserialize<'de>> Visitor<'de> for UniqueMap<V> {
    type Value = BTreeMap<String, V>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map with each municipality code once")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut map = BTreeMap::new();
        while let Some((key, value)) = access.next_entry::<String, V>()? {
            if map.contains_key(&key) {
                return Err(A::Error::custom(format!("the municipality {key:?} is listed twice")));
            }
            map.insert(key, value);
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    #[derive(serde::Deserialize, Debug)]
    struct Doc {
        #[serde(deserialize_with = "super::deserialize")]
        map: BTreeMap<String, u32>,
    }

    #[test]
    fn a_key_given_twice_is_refused_with_its_line() {
        let e = crate::fileio::parse_ron::<Doc>("(map: {\n\"0301\": 1,\n\"0301\": 2,\n})", "x.ron").unwrap_err();
        assert!(e.message.contains("\"0301\" is listed twice"), "{}", e.message);
        assert_eq!(e.line, 3);
    }

    #[test]
    fn distinct_keys_are_kept() {
        let doc = crate::fileio::parse_ron::<Doc>("(map: {\"0301\": 1, \"1103\": 2})", "x.ron").unwrap();
        assert_eq!(doc.map.len(), 2);
    }
}

//! How a column and a dataset's credits read in the interface's language. Datasets store units and credits in
//! bokmål; English output translates the known words and keeps anything else as it is.

use super::dataset::{ColumnMeta, Dataset};
use crate::lang::Lang;

/// Unit words as datasets write them, and in English.
const UNIT_WORDS: [(&str, &str); 6] = [
    ("personer", "persons"),
    ("person", "person"),
    ("år", "year"),
    ("indeks", "index"),
    ("klasse", "class"),
    ("kr", "NOK"),
];

/// Credit phrases as datasets write them, and in English.
const CREDIT_PHRASES: [(&str, &str); 5] = [
    ("Statistikk:", "Statistics:"),
    ("Kart:", "Map:"),
    (" og ", " and "),
    ("avledet", "derived"),
    ("Kilde:", "Source:"),
];

impl ColumnMeta {
    pub fn label_in(&self, lang: Lang) -> &str {
        lang.pick(&self.label.nb, &self.label.en)
    }

    /// "Employment rate (all), 2013"; a label that already names its year is not given it twice
    /// ("Refugees settled, mean 2017–2019", not "…2017–2019, 2017–2019").
    pub fn label_with_year(&self, lang: Lang) -> String {
        let label = self.label_in(lang);
        if self.year.is_empty() || label.contains(self.year.as_str()) {
            label.to_owned()
        } else {
            format!("{label}, {}", self.year)
        }
    }

    /// The unit in `lang`: "personer/år" reads "persons/year" in English.
    pub fn unit_in(&self, lang: Lang) -> String {
        if lang == Lang::Nb {
            return self.unit.clone();
        }
        self.unit
            .split('/')
            .map(|part| UNIT_WORDS.iter().find(|(nb, _)| *nb == part).map_or(part, |(_, en)| en))
            .collect::<Vec<_>>()
            .join("/")
    }
}

impl Dataset {
    /// The credits line in `lang` ("Statistikk: SSB og IMDi" reads "Statistics: SSB and IMDi").
    pub fn credits_in(&self, lang: Lang) -> String {
        match lang {
            Lang::Nb => self.credits.clone(),
            Lang::En => CREDIT_PHRASES.iter().fold(self.credits.clone(), |s, (nb, en)| s.replace(nb, en)),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::data::embedded_dataset;
    use crate::lang::Lang;

    #[test]
    fn a_year_in_the_label_is_not_repeated() {
        let d = embedded_dataset("norway-2020").unwrap();
        let mean = &d.column("bosatt_snitt_2017_2019").unwrap().meta;
        assert_eq!(mean.label_with_year(Lang::En), "Refugees settled, mean 2017–2019");
        let employment = &d.column("sysselsettingsrate_2013_pst").unwrap().meta;
        assert_eq!(employment.label_with_year(Lang::Nb), "Sysselsettingsrate (alle), 2013");
    }

    #[test]
    fn units_and_credits_read_in_english() {
        let d = embedded_dataset("norway-2020").unwrap();
        assert_eq!(d.column("bosatt_snitt_2017_2019").unwrap().meta.unit_in(Lang::En), "persons/year");
        assert_eq!(d.column("bosatt_snitt_2017_2019").unwrap().meta.unit_in(Lang::Nb), "personer/år");
        assert_eq!(d.column("innvandrerandel_2020_pst").unwrap().meta.unit_in(Lang::En), "%");
        let credits = d.credits_in(Lang::En);
        assert_eq!(credits, "Statistics: SSB and IMDi (NLOD 2.0). Map: © Kartverket (CC BY 4.0).");
        assert_eq!(d.credits_in(Lang::Nb), d.credits);
    }
}

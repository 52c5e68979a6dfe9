//! The structure of a report: chapters, sections, paragraphs, sentences, each with its span.

use crate::source::Span;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Serialize, Default)]
pub struct Report {
    /// Text before the first chapter heading (report titles, web-page debris), kept unread.
    pub preamble: Vec<Span>,
    pub chapters: Vec<Chapter>,
    /// The edition a report title line states (`2019 Trafficking in Persons Report: Turkey`).
    #[serde(skip)]
    pub title_edition: Option<i32>,
    /// Lines of PDF page furniture (page numbers, running titles, a chapter's country name
    /// alone), read as blank lines: never a paragraph or a heading.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub furniture: Vec<Span>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Chapter {
    pub span: Span,
    /// `None` for an excerpt without a heading.
    pub heading: Option<Heading>,
    pub sections: Vec<Section>,
    /// Lines that are neither headings nor prose (a stray title, a short label): kept, not checked.
    pub unknown: Vec<Span>,
}

impl Chapter {
    pub fn country(&self) -> Option<&str> {
        self.heading.as_ref().map(|h| h.country.as_str())
    }
    pub fn tier(&self) -> Option<Tier> {
        self.heading.as_ref().and_then(|h| h.tier)
    }
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.sections.iter().flat_map(|s| s.paragraphs.iter())
    }
    pub fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.paragraphs().flat_map(|p| p.sentences.iter())
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub span: Span,
    /// The name as written.
    pub name: String,
    pub name_span: Span,
    /// The name as the country list spells it, or the written name in title case.
    pub country: String,
    pub tier: Option<Tier>,
    pub tier_span: Option<Span>,
    /// Why the heading does not have the expected form, if it does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Tier {
    #[serde(rename = "Tier 1")]
    Tier1,
    #[serde(rename = "Tier 2")]
    Tier2,
    #[serde(rename = "Tier 2 Watch List")]
    Tier2WatchList,
    #[serde(rename = "Tier 3")]
    Tier3,
    #[serde(rename = "Special Case")]
    SpecialCase,
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Tier::Tier1 => "Tier 1",
            Tier::Tier2 => "Tier 2",
            Tier::Tier2WatchList => "Tier 2 Watch List",
            Tier::Tier3 => "Tier 3",
            Tier::SpecialCase => "Special Case",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    Intro,
    Recommendations,
    Prosecution,
    Protection,
    Prevention,
    Profile,
}

impl SectionKind {
    pub fn from_name(name: &str) -> Option<SectionKind> {
        Some(match name {
            "intro" => SectionKind::Intro,
            "recommendations" => SectionKind::Recommendations,
            "prosecution" => SectionKind::Prosecution,
            "protection" => SectionKind::Protection,
            "prevention" => SectionKind::Prevention,
            "profile" => SectionKind::Profile,
            _ => return None,
        })
    }
    /// How the section is named to a reader.
    pub fn display(self) -> &'static str {
        match self {
            SectionKind::Intro => "the introduction",
            SectionKind::Recommendations => "PRIORITIZED RECOMMENDATIONS",
            SectionKind::Prosecution => "PROSECUTION",
            SectionKind::Protection => "PROTECTION",
            SectionKind::Prevention => "PREVENTION",
            SectionKind::Profile => "TRAFFICKING PROFILE",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub kind: SectionKind,
    /// The label as written; `None` for the intro.
    pub title: Option<String>,
    pub title_span: Option<Span>,
    /// `true` when the label and the first paragraph share a line (`TRAFFICKING PROFILE: …`).
    pub inline: bool,
    pub span: Span,
    pub paragraphs: Vec<Paragraph>,
    /// Only in the recommendations section.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    /// From the first byte of the first part to the last byte of the last part.
    pub span: Span,
    /// More than one when a page break split the paragraph; between parts is only whitespace.
    pub parts: Vec<Span>,
    pub sentences: Vec<Sentence>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    pub span: Span,
    /// It ends with its own `.`, `?` or `!`; a sentence without one ends only where its
    /// paragraph does (and, at the end of the input, may have been cut off).
    #[serde(skip)]
    pub ended: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Recommendation {
    /// The item's text, without its bullet or ` * ` separator.
    pub span: Span,
    /// The bullet or separator before it, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<Span>,
}

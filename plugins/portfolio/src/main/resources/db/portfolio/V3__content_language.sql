-- The language a collection, a piece of work or a comment is written in (a BCP 47 tag such as "pl"), or
-- null for the page's language: what people write is never translated, but marked so a screen reader
-- reads it in the right voice.
ALTER TABLE pf_collections ADD COLUMN lang VARCHAR(35);
ALTER TABLE pf_artefacts ADD COLUMN lang VARCHAR(35);
ALTER TABLE pf_comments ADD COLUMN lang VARCHAR(35);

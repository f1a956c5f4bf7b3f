-- The language a post or a comment is written in (a BCP 47 tag such as "pl"), or null for the page's
-- language: what people write is never translated, but marked so a screen reader reads it in the right voice.
ALTER TABLE blog_posts ADD COLUMN lang VARCHAR(35);
ALTER TABLE blog_comments ADD COLUMN lang VARCHAR(35);

-- The language a revision's title and text are written in (a BCP 47 tag such as "ar"), or null for
-- the page's language. Kept with each revision, so a page keeps its language from one edit to the next
-- (the edit form offers the current one), an edit may change it, and bringing back an earlier text
-- brings back its language. Added by a new migration, never by editing V1.
ALTER TABLE wiki_revisions ADD COLUMN lang VARCHAR(35);

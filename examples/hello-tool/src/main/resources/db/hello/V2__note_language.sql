-- The language a note is written in (a BCP 47 tag), or null for the page's language. Added by a new
-- migration, never by editing V1: schools already have notes made by it.
ALTER TABLE hello_notes ADD COLUMN lang VARCHAR(35);

-- The language a sign's words and notes are written in (a BCP 47 tag such as "cy"), or null for the
-- page's language; an unfinished upload keeps it until its sign is made. Added by a new migration,
-- never by editing V1.
ALTER TABLE sg_signs ADD COLUMN lang VARCHAR(35);
ALTER TABLE sg_uploads ADD COLUMN lang VARCHAR(35);

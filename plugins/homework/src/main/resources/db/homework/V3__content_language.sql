-- The language a learner's answer and a teacher's comment on it are written in (BCP 47 tags such as "pl"),
-- or null for the page's language: what people write is never translated, but marked so a screen reader
-- reads it in the right voice.
ALTER TABLE hw_submissions ADD COLUMN lang VARCHAR(35);
ALTER TABLE hw_submissions ADD COLUMN feedback_lang VARCHAR(35);

-- The space a comment was written in: the owner's personal space, where the portfolio lives. The
-- portfolio keeps collections by owner, so this is how it names the space when it tells the owner of
-- new comments (the agenda). Null for comments written before this change.
ALTER TABLE pf_comments ADD COLUMN space_id BIGINT;

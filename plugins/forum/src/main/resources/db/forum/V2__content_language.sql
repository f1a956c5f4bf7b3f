-- The language a discussion's title and a post are written in (a BCP 47 tag such as "pl"), or null
-- for the page's language. Added by a new migration, never by editing V1: schools already have posts.
ALTER TABLE forum_discussions ADD COLUMN lang VARCHAR(35);
ALTER TABLE forum_posts ADD COLUMN lang VARCHAR(35);

-- The forum a space starts with is named by the tool, so each reader sees its name and description in
-- their own language; what is stored is only the English, for sorting. Forums made before this change
-- are recognised by the English words the tool wrote then.
ALTER TABLE forum_forums ADD COLUMN made_by_tool BOOLEAN;
UPDATE forum_forums SET made_by_tool = TRUE
  WHERE title LIKE '% forum' AND description = 'Talk about anything to do with ' || SUBSTR(title, 1, LENGTH(title) - 6) || '.';

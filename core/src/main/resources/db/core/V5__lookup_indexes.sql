-- Lookups by the second column of a two-column key scanned the whole table: a learner's spaces
-- (every page's menu) and a child's parents. In a school of 1,500 learners and 2,000 parents those
-- tables hold thousands of rows.
CREATE INDEX memberships_user ON memberships(user_id);
CREATE INDEX parent_links_child ON parent_links(child_id);
-- A space's page lists the spaces inside it, and the menu lists the schools: with one personal
-- space per user, the spaces table has thousands of rows, and these were found scanning it.
CREATE INDEX spaces_parent_order ON spaces(parent_id, kind, name);
CREATE INDEX spaces_kind_name ON spaces(kind, name);

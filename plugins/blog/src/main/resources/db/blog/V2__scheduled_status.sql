-- A post set to appear later is "scheduled" until the publishing job makes it "published" at its time
-- (before, it was "published" with a future time and every page compared times).
UPDATE blog_posts SET status = 'scheduled' WHERE status = 'published' AND publish_at > CURRENT_TIMESTAMP;
CREATE INDEX blog_posts_due ON blog_posts(status, publish_at);

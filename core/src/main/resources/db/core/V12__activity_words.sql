-- An activity's summary as a message of its tool (key and JSON arguments), shown in the reader's
-- language on the usage page; summary keeps the English for older rows and for the subject access download.
ALTER TABLE activity ADD COLUMN summary_key VARCHAR(200);
ALTER TABLE activity ADD COLUMN summary_args VARCHAR(4000);

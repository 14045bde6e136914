-- Which server is streaming an image's data while it is 'saving', so that server can put its own
-- interrupted uploads back to 'queued' when it restarts (several servers may share one database).
ALTER TABLE images ADD saving_node VARCHAR(255);
CREATE INDEX ix_images_saving_node ON images (saving_node);
CREATE INDEX ix_image_locations_status ON image_locations (status);

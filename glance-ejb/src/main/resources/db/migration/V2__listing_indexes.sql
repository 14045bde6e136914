-- Indexes for GET /v2/images at 100,000+ images (src/benchmarks/list-pagination.sh).
--
-- The default order is created_at DESC, id DESC. MariaDB walks an ascending index backwards, but H2
-- cannot: without a descending index every page was a scan and sort of the whole table.
CREATE INDEX ix_images_created_at_desc ON images (created_at DESC, id DESC);

-- sort=name:asc means name, created_at, id, all ascending: one index serves that order, paging after a
-- marker in it, and name= filters. The same for sort=size:asc and size ranges. Other orders are sorted
-- per request (a few hundred ms at 100,000 images on H2; MariaDB also walks these indexes backwards).
DROP INDEX ix_images_name ON images;
CREATE INDEX ix_images_name ON images (name, created_at, id);
DROP INDEX ix_images_size ON images;
CREATE INDEX ix_images_size ON images (size, created_at, id);

-- Custom property filters (os_distro=debian) find their images from the value, not by probing every
-- image. MariaDB can only index a prefix of a TEXT column.
CREATE INDEX ix_image_properties_name_value ON image_properties (name, prop_value${text_key_prefix});

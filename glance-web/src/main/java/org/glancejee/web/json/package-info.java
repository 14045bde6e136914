/** JSON in and out: request bodies to plain Java values, images to Glance's views, and the schemas. */
package org.glancejee.web.json;

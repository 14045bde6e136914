/**
 * The operator's import plugins ({@code image_import_plugins}), run in order on the staged data of every
 * import except copy-image: image_conversion (qemu-img), image_decompression (gzip, zip),
 * inject_image_metadata, no_op.
 */
package org.glancejee.imports.plugins;

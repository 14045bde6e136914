/** The filesystem store: one file per image under a directory. */
package org.glancejee.store.filesystem;

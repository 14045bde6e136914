/**
 * The contract between the image service and a storage back end. Depends on {@code java.*} only, so a
 * driver can be written and tested without the rest of the application.
 */
package org.glancejee.store.spi;

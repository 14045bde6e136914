/** Turns refusals into the status codes and error bodies Glance sends. */
package org.glancejee.web.error;

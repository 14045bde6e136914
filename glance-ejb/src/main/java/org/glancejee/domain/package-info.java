/** The image catalogue's rules: the image aggregate, its statuses, attributes and the conditions that refuse a change. */
package org.glancejee.domain;

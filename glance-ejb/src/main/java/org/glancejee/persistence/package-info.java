/** JPA repositories, converters, the datasource and the versioned schema migrations. */
package org.glancejee.persistence;

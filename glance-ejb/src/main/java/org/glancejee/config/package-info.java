/** Settings read through MicroProfile Config, keys named after Glance's options under a {@code glance.} prefix. */
package org.glancejee.config;

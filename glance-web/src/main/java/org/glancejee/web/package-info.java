/** HTTP: the JAX-RS application; resources, JSON, errors and the request context live in sub-packages. */
package org.glancejee.web;

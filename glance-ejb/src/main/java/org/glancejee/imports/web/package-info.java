/**
 * The web-download import method: which URIs may be fetched (Glance's import filtering, and more), and a
 * fetcher that connects only to addresses that passed, re-checking every redirect.
 */
package org.glancejee.imports.web;

/**
 * Interoperable image import: the staging area, the import request's checks, the tasks that carry imports
 * out in the background, and recovery of imports a crash interrupted. Sources of data (web-download) and the
 * operator's import plugins live in the sub-packages.
 */
package org.glancejee.imports;

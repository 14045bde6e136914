/** Image bytes in flight: digests computed while streaming, size caps, byte ranges. */
package org.glancejee.imagedata;

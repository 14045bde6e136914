/** Image data stores: the SPI, its drivers, and the registry of configured stores. */
package org.glancejee.store;

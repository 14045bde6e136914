/**
 * Recognising disk image formats from their bytes (raw, qcow2, vmdk, vhd, vhdx, vdi, iso, gpt/mbr, and qed
 * and luks to refuse them), their virtual size, and the safety checks that keep images which would make a
 * hypervisor read host files (backing files, external data files, path-bearing extents) out of the catalogue.
 * Only bounded regions near the start of an image are kept, so inspection runs on a stream.
 */
package org.glancejee.imagedata.formats;

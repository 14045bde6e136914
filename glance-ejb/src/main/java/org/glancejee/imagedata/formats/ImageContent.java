package org.glancejee.imagedata.formats;

import java.util.List;

/**
 * What inspection found in image data.
 *
 * @param format      the format recognised: raw, qcow2, vmdk, vhd, vhdx, vdi, iso, gpt, qed or luks
 * @param virtualSize the size of the disk the image describes, in bytes, or -1 when not known
 * @param unsafe      the safety checks the content failed; empty when it is safe
 */
public record ImageContent(String format, long virtualSize, List<String> unsafe) {
    public ImageContent {
        unsafe = List.copyOf(unsafe);
    }
}

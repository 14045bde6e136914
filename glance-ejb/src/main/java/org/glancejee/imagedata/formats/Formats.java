package org.glancejee.imagedata.formats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The formats' signatures, sizes and safety rules, read from the regions a {@link FormatInspector} kept. */
final class Formats {
    private static final int SECTOR = 512;
    private static final int MIN_HEAD = 64 * 1024;
    private static final int VHDX_REGION_TABLE = 192 * 1024;
    private static final byte[] VHDX_METADATA_REGION = guid("8B7CA206-4790-4B9A-B8FE-575F050F886E");
    private static final byte[] VHDX_VIRTUAL_DISK_SIZE = guid("2FA54224-CD1B-4876-B211-5DBED83BF4B8");
    /** qcow2 incompatible feature bits: dirty, corrupt, external data file, compression type, extended L2. */
    private static final long QCOW2_KNOWN_INCOMPATIBLE = 0b11111;
    private static final long QCOW2_EXTERNAL_DATA_FILE = 0b100;
    private static final Pattern VMDK_EXTENT = Pattern.compile(
            "(RW|RDONLY|NOACCESS)\\s+\\d+\\s+\\w+(\\s+\"([^\"]*)\"(\\s+\\d+)?)?");
    private static final Pattern VMDK_HEADER = Pattern.compile(
            "(version|encoding|CID|parentCID|createType)\\s*=\\s*\"?([^\"]*)\"?");

    private Formats() {
    }

    static ImageContent recognise(byte[] seen, long regionOffset, byte[] region, long totalSize,
                                  List<String> vmdkAllowedTypes) {
        // Short data reads as zeros past its end, so no field read can fall off it.
        byte[] head = seen.length >= MIN_HEAD ? seen : java.util.Arrays.copyOf(seen, MIN_HEAD);
        if (seen.length == 0) {
            return new ImageContent("raw", 0, List.of());
        }
        if (starts(head, 0, "QFI\u00fb")) {
            return qcow2(head);
        }
        if (starts(head, 0, "QED\0")) {
            return new ImageContent("qed", -1, List.of("QED images are not supported"));
        }
        if (starts(head, 0, "conectix")) {
            return new ImageContent("vhd", be(head).getLong(48), List.of());
        }
        if (starts(head, 0, "vhdxfile")) {
            return vhdx(head, regionOffset, region);
        }
        if (le(head).getInt(0x40) == 0xbeda107f) {
            return new ImageContent("vdi", le(head).getLong(0x170), List.of());
        }
        if (starts(head, 0, "KDMV")) {
            return vmdkSparse(head, vmdkAllowedTypes);
        }
        if (starts(head, 0, "# Disk DescriptorFile")) {
            return vmdkDescriptor(text(head, 0, Math.min(head.length, 64 * 1024)), -1, vmdkAllowedTypes);
        }
        if (starts(head, 0, "LUKS\u00ba\u00be")) {
            return new ImageContent("luks", -1, List.of("LUKS containers are not supported"));
        }
        if (starts(head, 0x8001, "CD001")) {
            ByteBuffer b = le(head);
            return new ImageContent("iso", (b.getInt(0x8050) & 0xffffffffL) * (b.getShort(0x8080) & 0xffff), List.of());
        }
        if ((head[510] & 0xff) == 0x55 && (head[511] & 0xff) == 0xaa) {
            return new ImageContent("gpt", totalSize, partitionTableProblems(head));
        }
        return new ImageContent("raw", totalSize, List.of());
    }

    /** Where a VHDX keeps its metadata region ({offset, length}), read from its region table; else null. */
    static long[] vhdxMetadataRegion(byte[] head) {
        if (!starts(head, 0, "vhdxfile") || !starts(head, VHDX_REGION_TABLE, "regi")) {
            return null;
        }
        ByteBuffer b = le(head);
        int entries = b.getInt(VHDX_REGION_TABLE + 8);
        for (int i = 0; i < Math.min(entries, 2047); i++) {
            int at = VHDX_REGION_TABLE + 16 + 32 * i;
            if (at + 32 > head.length) {
                break;
            }
            if (same(head, at, VHDX_METADATA_REGION)) {
                return new long[]{b.getLong(at + 16), b.getInt(at + 24) & 0xffffffffL};
            }
        }
        return null;
    }

    private static ImageContent qcow2(byte[] head) {
        ByteBuffer b = be(head);
        List<String> unsafe = new ArrayList<>();
        int version = b.getInt(4);
        if (version != 2 && version != 3) {
            unsafe.add("qcow2 version " + version + " is not supported");
        }
        if (b.getLong(8) != 0) {
            unsafe.add("qcow2 images with a backing file are not allowed");
        }
        if (version == 3) {
            long incompatible = b.getLong(72);
            if ((incompatible & QCOW2_EXTERNAL_DATA_FILE) != 0) {
                unsafe.add("qcow2 images with an external data file are not allowed");
            }
            if ((incompatible & ~QCOW2_KNOWN_INCOMPATIBLE) != 0) {
                unsafe.add("qcow2 image has unknown incompatible features");
            }
        }
        return new ImageContent("qcow2", b.getLong(24), unsafe);
    }

    private static ImageContent vhdx(byte[] head, long regionOffset, byte[] region) {
        long[] metadata = vhdxMetadataRegion(head);
        byte[] table = region;
        if (metadata != null && table == null && metadata[0] + 32 <= head.length) {
            table = java.util.Arrays.copyOfRange(head, (int) metadata[0],
                    (int) Math.min(head.length, metadata[0] + metadata[1]));
        }
        if (metadata == null || table == null || !starts(table, 0, "metadata")) {
            return new ImageContent("vhdx", -1, List.of());
        }
        ByteBuffer b = le(table);
        int entries = b.getShort(10) & 0xffff;
        for (int i = 0; i < entries; i++) {
            int at = 32 + 32 * i;
            if (at + 32 > table.length) {
                break;
            }
            if (same(table, at, VHDX_VIRTUAL_DISK_SIZE)) {
                long offset = b.getInt(at + 16) & 0xffffffffL;
                if (offset + 8 <= table.length) {
                    return new ImageContent("vhdx", b.getLong((int) offset), List.of());
                }
            }
        }
        return new ImageContent("vhdx", -1, List.of());
    }

    private static ImageContent vmdkSparse(byte[] head, List<String> allowedTypes) {
        ByteBuffer b = le(head);
        long capacity = b.getLong(12) * SECTOR;
        long descriptorOffset = b.getLong(28) * SECTOR;
        long descriptorSize = b.getLong(36) * SECTOR;
        if (descriptorOffset <= 0 || descriptorSize <= 0 || descriptorOffset + descriptorSize > head.length) {
            return new ImageContent("vmdk", capacity, List.of("vmdk descriptor is missing or too far in"));
        }
        return vmdkDescriptor(text(head, (int) descriptorOffset, (int) (descriptorOffset + descriptorSize)),
                capacity, allowedTypes);
    }

    private static ImageContent vmdkDescriptor(String descriptor, long capacity, List<String> allowedTypes) {
        List<String> unsafe = new ArrayList<>();
        String createType = null;
        int extents = 0;
        for (String raw : descriptor.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("ddb.")) {
                continue;
            }
            Matcher header = VMDK_HEADER.matcher(line);
            Matcher extent = VMDK_EXTENT.matcher(line);
            if (header.matches()) {
                if (header.group(1).equals("createType")) {
                    createType = header.group(2);
                }
            } else if (extent.matches()) {
                extents++;
                String file = extent.group(3);
                if (file != null && file.contains("/")) {
                    unsafe.add("vmdk extent file names must not contain '/'");
                }
            } else {
                unsafe.add("vmdk descriptor has an unexpected line");
                break;
            }
        }
        if (createType == null || !allowedTypes.contains(createType)) {
            unsafe.add("vmdk create type " + createType + " is not allowed");
        }
        if (extents == 0) {
            unsafe.add("vmdk descriptor has no extent");
        }
        return new ImageContent("vmdk", capacity, unsafe);
    }

    /** MBR rules: valid boot flags, at least one partition; a GPT's protective MBR is its only partition, at LBA 1. */
    private static List<String> partitionTableProblems(byte[] head) {
        List<String> problems = new ArrayList<>();
        ByteBuffer b = le(head);
        int used = 0;
        boolean protective = false;
        for (int i = 0; i < 4; i++) {
            int at = 446 + 16 * i;
            int flag = head[at] & 0xff;
            int type = head[at + 4] & 0xff;
            if (flag != 0 && flag != 0x80) {
                problems.add("MBR partition " + (i + 1) + " has an invalid boot flag");
            }
            if (type != 0) {
                used++;
            }
            if (type == 0xee) {
                protective = true;
                if (b.getInt(at + 8) != 1) {
                    problems.add("GPT protective MBR partition does not start at LBA 1");
                }
            }
        }
        if (used == 0) {
            problems.add("MBR has no partition");
        }
        if (protective && used > 1) {
            problems.add("GPT protective MBR has other partitions");
        }
        return problems;
    }

    private static boolean starts(byte[] data, int offset, String signature) {
        if (data.length < offset + signature.length()) {
            return false;
        }
        for (int i = 0; i < signature.length(); i++) {
            if ((data[offset + i] & 0xff) != signature.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(byte[] data, int offset, byte[] expected) {
        return java.util.Arrays.equals(data, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static String text(byte[] data, int from, int to) {
        int end = from;
        while (end < to && data[end] != 0) {
            end++;
        }
        return new String(data, from, end - from, StandardCharsets.US_ASCII);
    }

    private static ByteBuffer le(byte[] data) {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer be(byte[] data) {
        return ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
    }

    /** A GUID as VHDX stores it: the first three groups little-endian, the rest as written. */
    private static byte[] guid(String text) {
        String hex = text.replace("-", "");
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return new byte[]{b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6],
                b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]};
    }
}

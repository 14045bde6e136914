#!/bin/sh
# Makes the disk image fixtures of the format inspection tests (they are committed; run this only to
# remake them). Needs qemu-img (Debian qemu-utils) and python3. Images are 10 MiB disks; the files are small.
# Partition tables and the ISO are written byte by byte (no sfdisk or xorriso here), as the specs lay them out.
set -eu
cd "$(dirname "$0")"
rm -f ./*.qcow2 ./*.vmdk ./*.vhd ./*.vhdx ./*.vdi ./*.qed ./*.iso ./*.img
qemu-img create -q -f qcow2 disk.qcow2 10M
qemu-img create -q -f qcow2 -b disk.qcow2 -F qcow2 backing-file.qcow2
qemu-img create -q -f qcow2 -o data_file=/tmp/glance-fixture-data.raw data-file.qcow2 10M
rm -f /tmp/glance-fixture-data.raw
qemu-img create -q -f vmdk disk.vmdk 10M
qemu-img create -q -f vmdk -o subformat=streamOptimized stream-optimized.vmdk 10M
qemu-img create -q -f vmdk -o subformat=monolithicFlat monolithic-flat.vmdk 10M
rm -f monolithic-flat-flat.vmdk
qemu-img create -q -f vpc disk.vhd 10M
qemu-img create -q -f vhdx disk.vhdx 10M
qemu-img create -q -f vdi disk.vdi 10M
qemu-img create -q -f qed disk.qed 10M
python3 - <<'PY'
import struct
MIB = 1 << 20

def mbr(entries, size):
    data = bytearray(size)
    for i, (flag, ptype, start, count) in enumerate(entries):
        data[446 + 16 * i:446 + 16 * (i + 1)] = struct.pack('<B3sB3sII', flag, b'\0\2\0', ptype, b'\xff\xff\xff', start, count)
    data[510:512] = b'\x55\xaa'
    return data

with open('disk.img', 'wb') as f:                       # raw: no signature anywhere
    f.write(bytes((i * 7 + 3) % 251 for i in range(MIB)))
with open('mbr.img', 'wb') as f:                        # one Linux partition
    f.write(mbr([(0x80, 0x83, 2048, 2048)], 2 * MIB))
with open('bad-boot-flag.img', 'wb') as f:              # boot flag neither 0x00 nor 0x80
    f.write(mbr([(0x12, 0x83, 2048, 2048)], 2 * MIB))
gpt = mbr([(0, 0xee, 1, 4095)], 2 * MIB)                # protective MBR and a GPT header at LBA 1
gpt[512:520] = b'EFI PART'
with open('gpt.img', 'wb') as f:
    f.write(gpt)
iso = bytearray(34 * 2048)                              # primary volume descriptor at sector 16
iso[0x8000:0x8006] = b'\x01CD001'
iso[0x8050:0x8058] = struct.pack('<I', 34) + struct.pack('>I', 34)
iso[0x8080:0x8084] = struct.pack('<H', 2048) + struct.pack('>H', 2048)
with open('disk.iso', 'wb') as f:
    f.write(iso)
PY
# A descriptor whose extent names a path: a hypervisor would read that host file as the disk.
cat > extent-path.vmdk <<'VMDK'
# Disk DescriptorFile
version=1
CID=19b96206
parentCID=ffffffff
createType="monolithicSparse"

RW 20480 SPARSE "/etc/shadow"
VMDK

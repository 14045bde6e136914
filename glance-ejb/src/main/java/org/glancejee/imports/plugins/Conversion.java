package org.glancejee.imports.plugins;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.glancejee.domain.ImageFormatRules;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.imagedata.formats.FormatInspector;
import org.glancejee.imagedata.formats.ImageContent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Glance's image_conversion: converts the staged data to the operator's {@code output_format} with
 * {@code qemu-img convert}. Before qemu-img touches the data, the Java inspector must find it safe and of
 * the declared format, and {@code qemu-img info} must agree (no backing file, no data file, an allowed VMDK
 * type); the output is inspected again. ISO images are kept as they are.
 */
final class Conversion implements ImportPlugin {
    private final QemuImg qemuImg;
    private final String outputFormat;
    private final List<String> vmdkAllowedTypes;

    Conversion(QemuImg qemuImg, String outputFormat, List<String> vmdkAllowedTypes) {
        this.qemuImg = qemuImg;
        this.outputFormat = outputFormat;
        this.vmdkAllowedTypes = List.copyOf(vmdkAllowedTypes);
    }

    @Override
    public String name() {
        return "image_conversion";
    }

    @Override
    public void apply(StagedImage image) throws IOException {
        String source = image.diskFormat();
        if (source.equals("iso")) {
            return;
        }
        ImageContent content = FormatInspector.inspect(image.file(), vmdkAllowedTypes);
        ImageFormatRules.check(source, "bare", content.format(), content.virtualSize(), content.unsafe(), true);
        JsonObject info = qemuImg.info(image.file(), source);
        checkInfo(info, source);
        if (source.equals(outputFormat)) {
            return;
        }
        Path target = image.scratch("converted");
        try {
            qemuImg.convert(image.file(), source, target, outputFormat);
            ImageContent converted = FormatInspector.inspect(target, vmdkAllowedTypes);
            ImageFormatRules.check(outputFormat, "bare", converted.format(), converted.virtualSize(),
                    converted.unsafe(), true);
            long virtualSize = qemuImg.info(target, outputFormat).getJsonNumber("virtual-size").longValueExact();
            image.replaceWith(target);
            image.convertedTo(outputFormat, virtualSize);
        } finally {
            Files.deleteIfExists(target);
        }
    }

    private void checkInfo(JsonObject info, String source) {
        if (!source.equals(info.getString("format", ""))) {
            throw new InvalidInputException("Image format mismatch: qemu-img reads " + info.getString("format", "?")
                    + ", not " + source + ".");
        }
        if (info.containsKey("backing-filename")) {
            throw new InvalidInputException("Image has a backing file; such images are not allowed.");
        }
        JsonValue specific = info.get("format-specific");
        if (specific instanceof JsonObject s && s.get("data") instanceof JsonObject data) {
            if (data.containsKey("data-file")) {
                throw new InvalidInputException("Image has an external data file; such images are not allowed.");
            }
            if (source.equals("vmdk") && !vmdkAllowedTypes.contains(data.getString("create-type", ""))) {
                throw new InvalidInputException("Image is a VMDK of type " + data.getString("create-type", "?")
                        + ", which is not allowed.");
            }
        }
    }
}

package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import org.glancejee.domain.RequestContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.UnsupportedMediaException;
import org.glancejee.imagedata.ByteRange;
import org.glancejee.service.DownloadPlan;
import org.glancejee.service.ImageDataService;
import org.glancejee.web.context.Caller;

import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/** {@code PUT /v2/images/{id}/file} uploads the image's data; {@code GET} downloads it, whole or one range. */
@Path("v2/images/{id}/file")
@RequestScoped
public class ImageDataResource {
    private static final int COPY_BUFFER = 1 << 20;

    @Inject
    ImageDataService data;

    @Context
    HttpServletRequest request;

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                           @HeaderParam("x-openstack-image-size") String declaredSize,
                           @HeaderParam("X-Image-Meta-Store") String store, InputStream body) {
        requireOctetStream(contentType);
        data.upload(Caller.of(request), id, body, expectedSize(declaredSize, contentLength),
                announcedLength(contentLength), Optional.ofNullable(store));
        return Response.noContent().build();
    }

    @GET
    public Response download(@PathParam("id") String id, @HeaderParam("Range") String range,
                             @HeaderParam("Content-Range") String legacyRange) {
        Optional<DownloadPlan> planned = data.planDownload(Caller.of(request), id);
        if (planned.isEmpty()) {
            return Response.noContent().build();
        }
        DownloadPlan plan = planned.get();
        Optional<ByteRange> bytes = ByteRange.parse(range, legacyRange, plan.size());
        InputStream in = data.open(plan, bytes);
        long expected = bytes.map(ByteRange::length).orElse(plan.size());
        RequestContext caller = Caller.of(request);
        StreamingOutput body = out -> {
            long sent = 0;
            try (in) {
                byte[] buffer = new byte[COPY_BUFFER];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    sent += n;
                }
            } finally {
                data.sent(caller, plan, expected, sent);
            }
        };
        Response.ResponseBuilder response = Response.status(bytes.isPresent() ? 206 : 200)
                .entity(body)
                .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, bytes.map(ByteRange::length).orElse(plan.size()));
        bytes.ifPresent(r -> response.header("Content-Range", r.contentRange()));
        if (plan.checksum() != null) {
            response.header("Content-MD5", plan.checksum());
        }
        return response.build();
    }

    /** Image data is sent as application/octet-stream; anything else is 415, as in Glance. */
    static void requireOctetStream(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_OCTET_STREAM)) {
            throw new UnsupportedMediaException("The request media type " + contentType
                    + " is not supported by this server.");
        }
    }

    /** x-openstack-image-size wins over Content-Length, as in Glance; -1 when neither says. */
    static long expectedSize(String declared, String contentLength) {
        if (declared != null) {
            try {
                long size = Long.parseLong(declared.strip());
                if (size < 0) {
                    throw new NumberFormatException();
                }
                return size;
            } catch (NumberFormatException e) {
                throw new InvalidInputException("x-openstack-image-size header must be an integer");
            }
        }
        if (contentLength != null) {
            try {
                return Long.parseLong(contentLength.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** Content-Length as Glance reads it for the storage quota: a length of 0 or none is unknown (-1). */
    static long announcedLength(String contentLength) {
        try {
            long length = contentLength == null ? -1 : Long.parseLong(contentLength.strip());
            return length > 0 ? length : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

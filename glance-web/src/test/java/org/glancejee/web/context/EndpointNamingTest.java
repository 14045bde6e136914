package org.glancejee.web.context;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.glancejee.web.api.ImageDataResource;
import org.glancejee.web.api.ImagesResource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EndpointNamingTest {

    @Path("/v2/things/{id: [0-9a-f-]+}/")
    static class Things {
        @GET
        @Path("parts/{part}")
        public String part() {
            return "";
        }

        @GET
        public String thing() {
            return "";
        }
    }

    @Test
    void anEndpointIsItsPathTemplateWithoutPatternsOrStraySlashes() throws Exception {
        assertEquals("/v2/things/{id}/parts/{part}", EndpointNaming.template(Things.class, Things.class.getMethod("part")));
        assertEquals("/v2/things/{id}", EndpointNaming.template(Things.class, Things.class.getMethod("thing")));
    }

    @Test
    void theApisOwnResources() {
        Method download = Arrays.stream(ImageDataResource.class.getMethods())
                .filter(m -> m.getName().equals("download")).findFirst().orElseThrow();
        assertEquals("/v2/images/{id}/file", EndpointNaming.template(ImageDataResource.class, download));
        Method list = Arrays.stream(ImagesResource.class.getMethods())
                .filter(m -> m.isAnnotationPresent(GET.class)).findFirst().orElseThrow();
        assertEquals("/v2/images", EndpointNaming.template(ImagesResource.class, list));
    }
}

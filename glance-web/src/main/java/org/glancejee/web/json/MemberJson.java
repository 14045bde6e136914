package org.glancejee.web.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.glancejee.domain.ImageMember;

import java.util.List;

/** Image members as the API shows them, in Glance's key order. */
public final class MemberJson {
    private MemberJson() {
    }

    public static JsonObject view(ImageMember member) {
        return Jsons.PROVIDER.createObjectBuilder()
                .add("member_id", member.member())
                .add("image_id", member.imageId())
                .add("status", member.status().apiName())
                .add("created_at", ImageJson.timestamp(member.createdAt()))
                .add("updated_at", ImageJson.timestamp(member.updatedAt()))
                .add("schema", "/v2/schemas/member")
                .build();
    }

    public static JsonObject list(List<ImageMember> members) {
        JsonArrayBuilder items = Jsons.PROVIDER.createArrayBuilder();
        members.forEach(m -> items.add(view(m)));
        return Jsons.PROVIDER.createObjectBuilder()
                .add("members", items)
                .add("schema", "/v2/schemas/members")
                .build();
    }
}

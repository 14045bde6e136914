import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * Benchmark seeding below the API, for machines where creating 100,000 images through POST takes too
 * long: writes images {@code from..to-1} straight into the database, shaped exactly like the images
 * list_pagination.py creates through the API (same names, tags and properties; status queued,
 * visibility shared, no owner). Creation times advance one second per 250 images, like a busy API, so
 * created_at has many ties. Run it only while no server has an H2 file open:
 *
 * <pre>java -cp h2.jar:mariadb-java-client.jar BulkInsert.java JDBC_URL FROM TO</pre>
 */
public class BulkInsert {
    private static final String[] DISTROS = {"debian", "ubuntu", "fedora", "centos"};
    private static final int RARE = 4242;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int from = Integer.parseInt(args[1]);
        int to = Integer.parseInt(args[2]);
        LocalDateTime base = LocalDateTime.of(2026, 1, 1, 0, 0);
        long began = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (url.startsWith("jdbc:mariadb:")) {
                    s.execute("SET unique_checks = 0");
                }
            }
            PreparedStatement image = c.prepareStatement("INSERT INTO images (id, name, size, virtual_size, status,"
                    + " visibility, is_protected, os_hidden, disk_format, container_format, checksum, os_hash_algo,"
                    + " os_hash_value, owner, min_disk, min_ram, created_at, updated_at, deleted_at, deleted, version)"
                    + " VALUES (?, ?, NULL, NULL, 'queued', 'shared', FALSE, FALSE, ?, 'bare', NULL, NULL, NULL, NULL,"
                    + " 0, 0, ?, ?, NULL, FALSE, 1)");
            PreparedStatement tag = c.prepareStatement("INSERT INTO image_tags (image_id, tag) VALUES (?, ?)");
            PreparedStatement property = c.prepareStatement(
                    "INSERT INTO image_properties (image_id, name, prop_value) VALUES (?, ?, ?)");
            for (int i = from; i < to; i++) {
                String id = UUID.randomUUID().toString();
                LocalDateTime at = base.plusSeconds(i / 250);
                image.setString(1, id);
                image.setString(2, String.format("bench-%06d", i));
                image.setString(3, i % 2 == 1 ? "raw" : "qcow2");
                image.setObject(4, at);
                image.setObject(5, at);
                image.addBatch();
                for (String t : i == RARE ? new String[]{"bench", "grp-" + i % 100, "rare"}
                        : new String[]{"bench", "grp-" + i % 100}) {
                    tag.setString(1, id);
                    tag.setString(2, t);
                    tag.addBatch();
                }
                property.setString(1, id);
                property.setString(2, "os_distro");
                property.setString(3, DISTROS[i % DISTROS.length]);
                property.addBatch();
                property.setString(1, id);
                property.setString(2, "bench_seq");
                property.setString(3, String.valueOf(i));
                property.addBatch();
                if ((i + 1) % 2000 == 0 || i == to - 1) {
                    image.executeBatch();
                    tag.executeBatch();
                    property.executeBatch();
                    c.commit();
                }
            }
        }
        System.out.printf("inserted images %d..%d in %.1f s%n", from, to - 1, (System.nanoTime() - began) / 1e9);
    }
}

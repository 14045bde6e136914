-- wrk script: every request creates one image (POST /v2/images), as the create benchmark measures.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name": "wrk-create", "disk_format": "qcow2", "container_format": "bare", "os_distro": "debian"}'

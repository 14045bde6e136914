"""Usage: keystone-fixtures.py ROOT_URL ADMIN_PASSWORD PROPERTIES_FILE

Makes a running Keystone (ROOT_URL, e.g. http://127.0.0.1:5000) hold the identities the integration tests
use, through its v3 API as the bootstrapped admin, and writes them to PROPERTIES_FILE for the Java side
(org.glancejee.it.identity.KeystoneServer). Idempotent: it creates only what is missing. keystone-up.sh
runs it; Debian's /usr/bin/python3 and its standard library are all it needs.

All in domain Default, each user with its project as default project:

  user          project   role     (admin implies member, member implies reader)
  admin         admin     admin    (made by keystone-manage bootstrap)
  glance        service   service  (the service user Glance validates tokens with)
  alpha-member  alpha     member
  alpha-reader  alpha     reader
  beta-member   beta      member
  beta-reader   beta      reader
  gamma-member  gamma     member

and glance also has role reader on the system (see SYSTEM_ROLES).

Passwords are "<user>-it-password" (test-only). It also points the identity service's public endpoint at
ROOT_URL/v3, since the port changes from run to run.

PROPERTIES_FILE (java.util.Properties):
  root_url, auth_url, region, user_domain_name, project_domain_name, users (comma-separated), and
  per user: user.<name>.{id,password,role,project_name,project_id}.
"""
import json
import os
import sys
import urllib.error
import urllib.request

ROOT_URL, ADMIN_PASSWORD, PROPERTIES = sys.argv[1:4]
AUTH_URL = ROOT_URL + "/v3"
DOMAIN_ID = "default"
DOMAIN_NAME = "Default"
REGION = "RegionOne"

# (user, project, role); admin comes from the bootstrap
USERS = [
    ("glance", "service", "service"),
    ("alpha-member", "alpha", "member"),
    ("alpha-reader", "alpha", "reader"),
    ("beta-member", "beta", "member"),
    ("beta-reader", "beta", "reader"),
    ("gamma-member", "gamma", "member"),
]

# (user, role) on the system scope. glance reads unified limits ([oslo_limit] in Glance, glance.oslo_limit.* here)
# with a system-scoped token, as Glance's documentation sets it up: under Keystone's default policies only
# the system reader may GET /v3/endpoints/{id} (to learn the image service and region), and GET /v3/limits
# shows a project-scoped token only its own project's limits, so no other project's would be seen.
SYSTEM_ROLES = [
    ("glance", "reader"),
]


def password(user):
    return user + "-it-password"


def call(method, path, token=None, body=None):
    """One request; returns (headers, JSON body or None). Anything but 2xx is fatal."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(AUTH_URL + path, data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("X-Auth-Token", token)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            raw = response.read()
            return response.headers, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        sys.exit("keystone-fixtures: %s %s: %s %s" % (method, path, e.code, e.read().decode(errors="replace")))


def main():
    headers, _ = call("POST", "/auth/tokens", body={"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": "admin", "domain": {"id": DOMAIN_ID}, "password": ADMIN_PASSWORD}}},
        "scope": {"project": {"name": "admin", "domain": {"id": DOMAIN_ID}}}}})
    token = headers["X-Subject-Token"]

    # The identity endpoint(s) at this run's port.
    for service in call("GET", "/services?type=identity", token)[1]["services"]:
        for endpoint in call("GET", "/endpoints?service_id=" + service["id"], token)[1]["endpoints"]:
            if endpoint["url"] != AUTH_URL:
                call("PATCH", "/endpoints/" + endpoint["id"], token, {"endpoint": {"url": AUTH_URL}})

    roles = {r["name"]: r["id"] for r in call("GET", "/roles", token)[1]["roles"]}
    for role in [r for _, _, r in USERS] + [r for _, r in SYSTEM_ROLES]:
        if role not in roles:
            roles[role] = call("POST", "/roles", token, {"role": {"name": role}})[1]["role"]["id"]

    projects = {p["name"]: p["id"] for p in call("GET", "/projects?domain_id=" + DOMAIN_ID, token)[1]["projects"]}
    for _, project, _ in USERS:
        if project not in projects:
            projects[project] = call("POST", "/projects", token, {"project": {
                "name": project, "domain_id": DOMAIN_ID,
                "description": "glance-jee integration tests"}})[1]["project"]["id"]

    users = {u["name"]: u["id"] for u in call("GET", "/users?domain_id=" + DOMAIN_ID, token)[1]["users"]}
    for user, project, _ in USERS:
        if user not in users:
            users[user] = call("POST", "/users", token, {"user": {
                "name": user, "domain_id": DOMAIN_ID, "password": password(user),
                "default_project_id": projects[project]}})[1]["user"]["id"]

    granted = {(a["user"]["id"], a["scope"]["project"]["id"], a["role"]["id"])
               for a in call("GET", "/role_assignments", token)[1]["role_assignments"]
               if "user" in a and "project" in a.get("scope", {})}
    for user, project, role in USERS:
        if (users[user], projects[project], roles[role]) not in granted:
            call("PUT", "/projects/%s/users/%s/roles/%s" % (projects[project], users[user], roles[role]), token)

    on_system = {(a["user"]["id"], a["role"]["id"])
                 for a in call("GET", "/role_assignments?scope.system=all", token)[1]["role_assignments"]
                 if "user" in a}
    for user, role in SYSTEM_ROLES:
        if (users[user], roles[role]) not in on_system:
            call("PUT", "/system/users/%s/roles/%s" % (users[user], roles[role]), token)

    everyone = [("admin", "admin", "admin")] + USERS
    lines = ["# Written by keystone-fixtures.py; see there.",
             "root_url=" + ROOT_URL,
             "auth_url=" + AUTH_URL,
             "region=" + REGION,
             "user_domain_name=" + DOMAIN_NAME,
             "project_domain_name=" + DOMAIN_NAME,
             "users=" + ",".join(u for u, _, _ in everyone)]
    for user, project, role in everyone:
        lines += ["user.%s.id=%s" % (user, users[user]),
                  "user.%s.password=%s" % (user, ADMIN_PASSWORD if user == "admin" else password(user)),
                  "user.%s.role=%s" % (user, role),
                  "user.%s.project_name=%s" % (user, project),
                  "user.%s.project_id=%s" % (user, projects[project])]
    with open(PROPERTIES + ".new", "w") as out:
        out.write("\n".join(lines) + "\n")
    os.replace(PROPERTIES + ".new", PROPERTIES)


main()

// The admin pages' behaviour beyond plain forms: the upload with its progress bar, and the property editor's
// hints from the metadefs catalogue. Every request that changes something carries the session's CSRF secret.
"use strict";

function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
}

function setUpUpload() {
    const section = document.getElementById("upload");
    if (!section) {
        return;
    }
    const file = document.getElementById("upload-file");
    const start = document.getElementById("upload-start");
    const cancel = document.getElementById("upload-cancel");
    const progress = document.getElementById("upload-progress");
    const percent = document.getElementById("upload-percent");
    const status = document.getElementById("upload-status");
    let request = null;

    start.addEventListener("click", () => {
        if (!file.files.length) {
            status.textContent = "Choose a file first.";
            return;
        }
        const chosen = file.files[0];
        request = new XMLHttpRequest();
        request.open("PUT", section.dataset.uploadUrl);
        request.setRequestHeader("Content-Type", "application/octet-stream");
        request.setRequestHeader("X-CSRF-Token", csrfToken());
        request.setRequestHeader("Accept", "text/plain");
        request.upload.addEventListener("progress", (event) => {
            if (event.lengthComputable) {
                const done = Math.floor(100 * event.loaded / event.total);
                progress.value = done;
                percent.textContent = done + "%";
            }
        });
        request.addEventListener("load", () => {
            cancel.hidden = true;
            start.disabled = false;
            if (request.status === 204) {
                progress.value = 100;
                percent.textContent = "100%";
                status.textContent = "Upload complete.";
                setTimeout(() => window.location.reload(), 800);
            } else {
                status.textContent = "The upload was refused (" + request.status + "): " + request.responseText;
            }
        });
        request.addEventListener("error", () => {
            status.textContent = "The upload failed: the connection was lost.";
            cancel.hidden = true;
            start.disabled = false;
        });
        request.addEventListener("abort", () => {
            status.textContent = "Upload cancelled: nothing was kept.";
            cancel.hidden = true;
            start.disabled = false;
        });
        progress.hidden = false;
        progress.value = 0;
        percent.textContent = "0%";
        status.textContent = "Uploading " + chosen.name + "…";
        cancel.hidden = false;
        start.disabled = true;
        request.send(chosen);
    });

    cancel.addEventListener("click", () => {
        if (request) {
            request.abort();
        }
    });
}

function setUpPropertyEditor() {
    const key = document.getElementById("property-key");
    const value = document.getElementById("property-value");
    const help = document.getElementById("property-help");
    if (!key || !value) {
        return;
    }
    key.addEventListener("input", () => {
        const values = document.getElementById("values-" + key.value);
        if (values) {
            value.setAttribute("list", values.id);
        } else {
            value.removeAttribute("list");
        }
        const option = Array.from(document.querySelectorAll("#metadef-keys option"))
            .find((o) => o.value === key.value);
        help.textContent = option ? option.textContent + ": " + (option.dataset.description || "") : "";
    });
}

document.addEventListener("DOMContentLoaded", () => {
    setUpUpload();
    setUpPropertyEditor();
});

// cpts serve: save each answer as soon as it changes, show the checks at the field, refresh the
// preview and mark the passages that changed. No build step, no library.
"use strict";

(function () {
  const root = document.getElementById("questionnaire");
  const upload = document.getElementById("fichier");
  if (upload) {
    upload.addEventListener("change", function () { if (upload.files.length) upload.form.submit(); });
  }
  if (!root) return;
  const etat = document.getElementById("etat");
  const apercu = document.getElementById("apercu");
  const choix = document.getElementById("document");
  let previews = {};
  const stored = document.getElementById("apercus");
  if (stored) {
    for (const node of stored.content.querySelectorAll("[data-document]")) {
      previews[node.dataset.document] = node.innerHTML;
    }
  }

  function say(text, kind) {
    etat.textContent = text;
    etat.className = "etat " + (kind || "");
  }

  function setVersion(version) {
    root.dataset.version = version;
    for (const input of document.querySelectorAll("form.ligne input[name=version]")) input.value = version;
  }

  function blocks(html) {
    const holder = document.createElement("div");
    holder.innerHTML = html;
    return holder;
  }

  async function showPreview(mark) {
    const name = choix.value;
    let html = previews[name];
    if (html === undefined) {
      const response = await fetch("/b/" + root.dataset.nom + "/apercu/" + encodeURIComponent(name));
      html = previews[name] = await response.text();
    }
    const before = new Set(Array.from(apercu.querySelectorAll("p, li, h1, h2, h3, h4, td")).map((n) => n.textContent));
    apercu.innerHTML = html;
    if (!mark) return;
    let first = null;
    for (const node of apercu.querySelectorAll("p, li, h1, h2, h3, h4, td")) {
      if (!before.has(node.textContent)) {
        node.classList.add("change");
        first = first || node;
      }
    }
    if (first) first.scrollIntoView({ block: "nearest" });
  }

  function showMessages(messages, autres) {
    for (const holder of document.querySelectorAll(".message")) holder.textContent = "";
    for (const [path, items] of Object.entries(messages)) {
      const holder = document.getElementById("message-" + path);
      if (!holder) continue;
      for (const item of items) {
        const span = document.createElement("span");
        span.className = item.gravite;
        span.title = item.regle;
        span.textContent = item.message + " ";
        holder.appendChild(span);
      }
    }
    const list = document.querySelector("#autres ul");
    if (list) {
      list.textContent = "";
      for (const item of autres) {
        const li = document.createElement("li");
        li.title = item.regle;
        li.textContent = item.message;
        list.appendChild(li);
      }
    }
  }

  async function save(field) {
    const name = field.dataset.nom;
    const body = new FormData();
    body.append("csrf", root.dataset.csrf);
    body.append("version", root.dataset.version);
    body.append("theme", root.dataset.theme);
    body.append("chemin", name);
    body.append("document", choix.value);
    const inputs = field.querySelectorAll("input, select, textarea");
    let given = false;
    for (const input of inputs) {
      // A detailed answer (vote count, designation…) sends each input under its part's name.
      const key = input.dataset.partie ? "partie." + input.dataset.partie : "valeur";
      if (input.type === "checkbox" && !input.checked) continue;
      body.append(key, input.value);
      given = given || input.value !== "";
    }
    if (field.dataset.genre === "cases" && !body.has("valeur")) body.append("valeur", "");
    say("Enregistrement…");
    let response;
    try {
      response = await fetch("/b/" + root.dataset.nom + "/champ", { method: "POST", body: body, headers: { "X-CSRF": root.dataset.csrf } });
    } catch (error) {
      say("Le questionnaire ne répond plus : vérifiez que « cpts serve » tourne toujours.", "erreur");
      return;
    }
    const answer = await response.json();
    if (response.status === 409) {
      say(answer.conflit, "erreur");
      return;
    }
    if (!response.ok) {
      const holder = document.getElementById("message-" + name);
      if (holder) {
        holder.textContent = "";
        const span = document.createElement("span");
        span.className = "erreur";
        span.textContent = answer.erreur;
        holder.appendChild(span);
      }
      say("Réponse non enregistrée : " + answer.erreur, "erreur");
      return;
    }
    setVersion(answer.version);
    field.classList.toggle("manquant", !given);
    if (answer.recharger) {
      window.location.reload();
      return;
    }
    showMessages(answer.messages, answer.autres);
    previews = answer.apercu;
    showPreview(true);
    say("Enregistré.", "ok");
  }

  root.addEventListener("change", function (event) {
    const field = event.target.closest(".champ");
    if (field && !event.target.closest("form.ligne")) save(field);
  });
  choix.addEventListener("change", function () { showPreview(false); });
  const focused = document.querySelector("[autofocus]");
  if (focused) focused.scrollIntoView({ block: "center" });
})();

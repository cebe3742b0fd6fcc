// What Keycloak's login template did in inline handlers, which LeerID's Content-Security-Policy does not run.

// "Restart login": a button that goes to the restart address.
for (const button of document.querySelectorAll("[data-leerid-href]")) {
  button.addEventListener("click", () => {
    location.href = button.dataset.leeridHref;
  });
}

// The language menu: each option's value is the page in that language.
for (const menu of document.querySelectorAll("select[data-leerid-navigate]")) {
  menu.addEventListener("change", () => {
    if (menu.value) {
      window.location.href = menu.value;
    }
  });
}

// "Try another way", "switch organization": links that submit a form.
for (const link of document.querySelectorAll("a[data-leerid-submit]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    document.forms[link.dataset.leeridSubmit].requestSubmit();
  });
}

// The password and update-password forms: one click, one submission.
for (const form of document.querySelectorAll("form#kc-form-login, form#kc-passwd-update-form")) {
  form.addEventListener("submit", () => {
    const button = form.querySelector("#kc-login, [name=login]");
    if (button) {
      button.disabled = true;
    }
  });
}

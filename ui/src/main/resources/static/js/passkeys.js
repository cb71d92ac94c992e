// The passkey ceremonies (WebAuthn) of the customers' pages and the bank console, the one part of
// either that needs JavaScript. Talks to Spring Security's WebAuthn endpoints named by the page's data
// attributes, with the page's CSRF token: sign-in (#passkey-sign-in), step-up on a page already signed
// in (#passkey-step-up, which returns to data-next) and enrolment (#passkey-register).
"use strict";
(() => {
  const base64url = {
    encode(buffer) {
      const text = String.fromCharCode(...new Uint8Array(buffer));
      return btoa(text).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    },
    decode(value) {
      const text = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
      return Uint8Array.from(text, (c) => c.charCodeAt(0)).buffer;
    }
  };

  function csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", ...csrfHeaders() },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (!response.ok) {
      throw new Error(`the server answered ${response.status}`);
    }
    const text = await response.text();
    return text ? JSON.parse(text) : {};
  }

  function show(element, message) {
    element.textContent = message;
    element.hidden = false;
  }

  // a redirect the server suggests is followed only within this site's part named by data-within
  function next(suggested, fallback, within) {
    try {
      const url = new URL(suggested, location.href);
      return url.origin === location.origin && url.pathname.startsWith(within || "/") ? url.href : fallback;
    } catch (ignored) {
      return fallback;
    }
  }

  async function signIn(button, followServer) {
    const status = document.getElementById("passkey-status");
    status.hidden = true;
    try {
      const options = await post(button.dataset.optionsUrl);
      const publicKey = {
        ...options,
        challenge: base64url.decode(options.challenge),
        allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: base64url.decode(c.id) }))
      };
      if (button.dataset.userVerification) {
        // the server insists on it where a passkey stands in for the password
        publicKey.userVerification = button.dataset.userVerification;
      }
      const credential = await navigator.credentials.get({ publicKey });
      const response = credential.response;
      const result = await post(button.dataset.signInUrl, {
        id: credential.id,
        rawId: base64url.encode(credential.rawId),
        response: {
          authenticatorData: base64url.encode(response.authenticatorData),
          clientDataJSON: base64url.encode(response.clientDataJSON),
          signature: base64url.encode(response.signature),
          userHandle: response.userHandle ? base64url.encode(response.userHandle) : undefined
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
      if (!result.authenticated) {
        throw new Error("the passkey was not accepted");
      }
      location.assign(followServer ? next(result.redirectUrl, button.dataset.next, button.dataset.within)
        : button.dataset.next);
    } catch (error) {
      show(status, `Signing in with the passkey failed: ${error.message}. Try again.`);
    }
  }

  async function register(form) {
    const status = document.getElementById("passkey-status");
    status.hidden = true;
    const label = form.querySelector('input[name="label"]').value.trim();
    if (!label) {
      show(status, "Give the passkey a name first.");
      return;
    }
    try {
      const options = await post(form.dataset.optionsUrl);
      const publicKey = {
        ...options,
        challenge: base64url.decode(options.challenge),
        user: { ...options.user, id: base64url.decode(options.user.id) },
        excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: base64url.decode(c.id) }))
      };
      const credential = await navigator.credentials.create({ publicKey });
      const response = credential.response;
      const result = await post(form.dataset.registerUrl, {
        publicKey: {
          credential: {
            id: credential.id,
            rawId: base64url.encode(credential.rawId),
            response: {
              attestationObject: base64url.encode(response.attestationObject),
              clientDataJSON: base64url.encode(response.clientDataJSON),
              transports: response.getTransports ? response.getTransports() : []
            },
            type: credential.type,
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          },
          label
        }
      });
      if (!result.success) {
        throw new Error("the passkey was not stored");
      }
      location.assign(form.dataset.next);
    } catch (error) {
      show(status, `Enrolling the passkey failed: ${error.message}.`);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const button = document.getElementById("passkey-sign-in");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", () => signIn(button, true));
    }
    const stepUp = document.getElementById("passkey-step-up");
    if (stepUp) {
      stepUp.hidden = false;
      stepUp.addEventListener("click", () => signIn(stepUp, false));
    }
    const form = document.getElementById("passkey-register");
    if (form) {
      form.hidden = false;
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        register(form);
      });
    }
  });
})();

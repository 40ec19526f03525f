/* The live room: messages arrive without a reload, and sending goes over the socket when it
   is open. Without JavaScript the page works with its form and a reload.
   After the member's own message, the server may tell this socket (and only this one) that
   the message waits for review ("held"), or send the calm help panel ("help"), which goes
   where the page itself shows it after a plain form post.
   Keeping the list up to date and catching up on reconnect are live-list.js's: messages
   ("message-<id>") take their place by id, as on the page. */
(function () {
  "use strict";
  var list = document.getElementById("room");
  var form = document.getElementById("room-form");
  var errorBox = document.getElementById("room-error");
  var statusBox = document.getElementById("room-status");
  var helpSlot = document.getElementById("room-help");
  if (!window.LiveList) { return; }

  function say(text) {
    if (statusBox) { statusBox.textContent = text; }
  }

  function showHelp(html) {
    if (!helpSlot) { return; }
    var panel = window.LiveList.fromHtml(html);
    if (!panel) { return; }
    // The panel's form came without a CSRF token: take the page's own.
    window.LiveList.fillCsrf(panel, form ? form.querySelector("input[name='csrfmiddlewaretoken']") : null);
    helpSlot.replaceChildren(panel);
    panel.scrollIntoView({ block: "nearest" });
    say("Some support options are shown above the messages.");
  }

  var live = window.LiveList.start({
    list: list,
    path: list && list.getAttribute("data-live-url"),
    prefix: "message-",
    pushed: "message",
    synced: "messages",
    onMessage: function (data) {
      if (data.type === "error" && errorBox) { errorBox.textContent = data.message; errorBox.hidden = false; }
      if (data.type === "held") { say(data.message); }
      if (data.type === "help") { showHelp(data.html); }
    }
  });
  if (!live) { return; }

  if (form) {
    form.addEventListener("submit", function (event) {
      var field = form.querySelector("textarea[name='body']");
      if (!live.isOpen() || !field) { return; }
      event.preventDefault();
      if (errorBox) { errorBox.hidden = true; }
      say("");
      live.send({ body: field.value });
      field.value = "";
    });
  }
})();

/* The live room: messages arrive without a reload, and sending goes over the socket when it
   is open. Without JavaScript the page works with its form and a reload.
   After the member's own message, the server may tell this socket (and only this one) that
   the message waits for review ("held"), or send the calm help panel ("help"), which goes
   where the page itself shows it after a plain form post. */
(function () {
  "use strict";
  var list = document.getElementById("room");
  var form = document.getElementById("room-form");
  var errorBox = document.getElementById("room-error");
  var statusBox = document.getElementById("room-status");
  var helpSlot = document.getElementById("room-help");
  if (!list || !window.WebSocket) { return; }
  var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + list.getAttribute("data-live-url");
  var socket = null;
  var delay = 1000;

  function lastId() {
    // The highest id, not the last item's: a message approved after review arrives late.
    var items = list.querySelectorAll("li[id^='message-']");
    var max = 0;
    for (var i = 0; i < items.length; i++) {
      var n = parseInt(items[i].id.slice(8), 10);
      if (n > max) { max = n; }
    }
    return max;
  }

  function add(id, html) {
    if (document.getElementById("message-" + id)) { return; }
    var empty = list.querySelector("li.empty");
    if (empty) { empty.remove(); }
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    if (template.content.firstElementChild) { list.appendChild(template.content.firstElementChild); }
  }

  function say(text) {
    if (statusBox) { statusBox.textContent = text; }
  }

  function showHelp(html) {
    if (!helpSlot) { return; }
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var panel = template.content.firstElementChild;
    if (!panel) { return; }
    // The panel's form came without a CSRF token: take the page's own.
    var token = form ? form.querySelector("input[name='csrfmiddlewaretoken']") : null;
    var blanks = panel.querySelectorAll("input[name='csrfmiddlewaretoken']");
    for (var i = 0; i < blanks.length; i++) { blanks[i].value = token ? token.value : ""; }
    helpSlot.replaceChildren(panel);
    panel.scrollIntoView({ block: "nearest" });
    say("Some support options are shown above the messages.");
  }

  function connect() {
    socket = new WebSocket(url);
    socket.addEventListener("open", function () {
      delay = 1000;
      socket.send(JSON.stringify({ since: lastId() }));
    });
    socket.addEventListener("message", function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "message") { add(data.id, data.html); }
      if (data.type === "error" && errorBox) { errorBox.textContent = data.message; errorBox.hidden = false; }
      if (data.type === "held") { say(data.message); }
      if (data.type === "help") { showHelp(data.html); }
    });
    socket.addEventListener("close", function (event) {
      socket = null;
      if (event.code === 4401 || event.code === 4403) { return; }
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      var field = form.querySelector("textarea[name='body']");
      if (!socket || socket.readyState !== WebSocket.OPEN || !field) { return; }
      event.preventDefault();
      if (errorBox) { errorBox.hidden = true; }
      say("");
      socket.send(JSON.stringify({ body: field.value }));
      field.value = "";
    });
  }
  connect();
})();

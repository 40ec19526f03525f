/* The live room: messages arrive without a reload, and sending goes over the socket when it
   is open. Without JavaScript the page works with its form and a reload.
   After the member's own message, the server may tell this socket (and only this one) that
   the message waits for review ("held"), or send the calm help panel ("help"), which goes
   where the page itself shows it after a plain form post.
   Catching up: the page gives a cursor (data-cursor), and every message and removal pushed
   later carries a newer one. On each (re)connect the script sends the newest cursor it has and
   the ids it shows; the server answers with one "sync": the messages it lacks (a message
   approved while the socket was away included), the ids of messages hidden since, and a new
   cursor. Messages take their place by id, as on the page. */
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
  var cursor = parseInt(list.getAttribute("data-cursor"), 10) || 0;
  var HAVE_MAX = 500; // the server reads no more than this many ids

  function items() {
    return list.querySelectorAll("li[id^='message-']");
  }

  function idOf(item) {
    return parseInt(item.id.slice(8), 10);
  }

  function shownIds() {
    // The newest ones when there are many: anything left out is sent again and skipped.
    var all = items();
    var ids = [];
    for (var i = Math.max(0, all.length - HAVE_MAX); i < all.length; i++) { ids.push(idOf(all[i])); }
    return ids;
  }

  function advance(next) {
    if (typeof next === "number" && next > cursor) { cursor = next; }
  }

  function add(id, html) {
    if (document.getElementById("message-" + id)) { return; }
    var empty = list.querySelector("li.empty");
    if (empty) { empty.remove(); }
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var item = template.content.firstElementChild;
    if (!item) { return; }
    // In order of sending, as the page shows them: an approved message takes its own place.
    var all = items();
    for (var i = 0; i < all.length; i++) {
      if (idOf(all[i]) > id) { list.insertBefore(item, all[i]); return; }
    }
    list.appendChild(item);
  }

  function remove(id) {
    var item = document.getElementById("message-" + id);
    if (item && item.parentNode === list) { item.remove(); }
  }

  function sync(data) {
    var i;
    if (data.reset) {
      // Too much changed while away: the room's latest messages, as a reload would show.
      var old = items();
      for (i = 0; i < old.length; i++) { old[i].remove(); }
    }
    for (i = 0; i < data.messages.length; i++) { add(data.messages[i].id, data.messages[i].html); }
    for (i = 0; i < data.removed.length; i++) { remove(data.removed[i]); }
    advance(data.cursor);
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
      socket.send(JSON.stringify({ cursor: cursor, have: shownIds() }));
    });
    socket.addEventListener("message", function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "message") { add(data.id, data.html); advance(data.cursor); }
      if (data.type === "removed") { remove(data.id); advance(data.cursor); }
      if (data.type === "sync") { sync(data); }
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

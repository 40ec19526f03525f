/* A list on a page kept up to date over a websocket: the live room's messages (room-live.js)
   and a thread page's replies (thread-live.js). Loaded before those scripts; it only defines
   window.LiveList and does nothing by itself.
   Catching up: the page gives a cursor (data-cursor), and every item and removal pushed later
   carries a newer one. On each (re)connect the script sends the newest cursor it has and the
   ids it shows; the server answers with one "sync": the items it lacks (one approved while the
   socket was away included), the ids of items hidden or deleted since, and a new cursor.
   Items take their place by id, as on the page. A socket the server closed for good (not
   signed in, no longer allowed) is not reopened; any other is, waiting longer each time. */
(function () {
  "use strict";
  var HAVE_MAX = 500; // the server reads no more than this many ids

  // The first element of some HTML the server sent, or null.
  function fromHtml(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  // HTML that came over the socket has blank CSRF tokens: fill in the page's own.
  function fillCsrf(root, token) {
    var blanks = root.querySelectorAll("input[name='csrfmiddlewaretoken']");
    for (var i = 0; i < blanks.length; i++) { blanks[i].value = token ? token.value : ""; }
  }

  /* options:
     list: the <ol> whose <li id="<prefix><id>"> items are kept up to date;
     path: the socket's path (the list's data-live-url);
     prefix: "message-" or "reply-";
     pushed: the type of a message that brings one new item ("message", "reply");
     synced: where a sync lists the items it brings ("messages", "replies");
     and, all optional:
     hello(): more fields for what is sent on each (re)connect;
     prepare(item): called on each item before it takes its place;
     onSync(data): called with each sync, after a reset and before its items are placed;
     onMessage(data): called with every message from the server.
     Returns null where there is nothing to do (no list, no path, no WebSocket), else
     { isOpen(), send(payload) }. */
  function start(options) {
    var list = options.list;
    var path = options.path;
    if (!list || !path || !window.WebSocket) { return null; }
    var prefix = options.prefix;
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path;
    var socket = null;
    var delay = 1000;
    var cursor = parseInt(list.getAttribute("data-cursor"), 10) || 0;

    function items() {
      return list.querySelectorAll("li[id^='" + prefix + "']");
    }

    function idOf(item) {
      return parseInt(item.id.slice(prefix.length), 10);
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
      if (document.getElementById(prefix + id)) { return; }
      var empty = list.querySelector("li.empty");
      if (empty) { empty.remove(); }
      var item = fromHtml(html);
      if (!item) { return; }
      if (options.prepare) { options.prepare(item); }
      // In the order they were written, as the page shows them: one approved after review
      // takes its own place; a new one goes at the end.
      var all = items();
      for (var i = 0; i < all.length; i++) {
        if (idOf(all[i]) > id) { list.insertBefore(item, all[i]); return; }
      }
      list.appendChild(item);
    }

    function remove(id) {
      var item = document.getElementById(prefix + id);
      if (item && item.parentNode === list) { item.remove(); }
    }

    function sync(data) {
      var i;
      if (data.reset) {
        // Too much changed while away: what a reload would show instead.
        var old = items();
        for (i = 0; i < old.length; i++) { old[i].remove(); }
      }
      if (options.onSync) { options.onSync(data); }
      var added = data[options.synced];
      for (i = 0; i < added.length; i++) { add(added[i].id, added[i].html); }
      for (i = 0; i < data.removed.length; i++) { remove(data.removed[i]); }
      advance(data.cursor);
    }

    function hello() {
      var payload = { cursor: cursor, have: shownIds() };
      var more = options.hello ? options.hello() : {};
      for (var key in more) {
        if (Object.prototype.hasOwnProperty.call(more, key)) { payload[key] = more[key]; }
      }
      return payload;
    }

    function connect() {
      socket = new WebSocket(url);
      var opened = socket;
      // Until this connection's catch-up has arrived, what was missed before it is not on
      // the page yet: a push in the meantime must not move the cursor past it (were the
      // socket to drop again first, the next catch-up would start too late).
      var caughtUp = false;
      opened.addEventListener("open", function () {
        delay = 1000;
        opened.send(JSON.stringify(hello()));
      });
      opened.addEventListener("message", function (event) {
        var data = JSON.parse(event.data);
        if (data.type === options.pushed) { add(data.id, data.html); if (caughtUp) { advance(data.cursor); } }
        if (data.type === "removed") { remove(data.id); if (caughtUp) { advance(data.cursor); } }
        if (data.type === "sync") { sync(data); caughtUp = true; }
        if (options.onMessage) { options.onMessage(data); }
      });
      opened.addEventListener("close", function (event) {
        socket = null;
        if (event.code === 4401 || event.code === 4403) { return; }
        setTimeout(connect, delay);
        delay = Math.min(delay * 2, 30000);
      });
    }

    connect();
    return {
      isOpen: function () { return !!socket && socket.readyState === WebSocket.OPEN; },
      send: function (payload) { socket.send(JSON.stringify(payload)); }
    };
  }

  window.LiveList = { start: start, fromHtml: fromHtml, fillCsrf: fillCsrf };
})();

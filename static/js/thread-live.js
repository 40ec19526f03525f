/* New replies appear without a reload (on the thread's last page). The page works fully
   without this script.
   Catching up: the page gives a cursor (data-cursor) and where it starts (data-from: the
   first reply's id, 0 on the first page); every reply or removal pushed later carries a newer
   cursor. On each (re)connect the script sends the newest cursor it has, the ids it shows and
   where the page starts; the server answers with one "sync": the replies it lacks (a reply
   approved while the socket was away included), the ids of replies hidden or deleted since,
   and a new cursor. Replies take their place by id, as on the page. */
(function () {
  "use strict";
  var list = document.getElementById("replies");
  var path = list && list.getAttribute("data-live-url");
  if (!path || !window.WebSocket) { return; }
  var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path;
  var delay = 1000;
  var cursor = parseInt(list.getAttribute("data-cursor"), 10) || 0;
  var from = parseInt(list.getAttribute("data-from"), 10) || 0;
  var HAVE_MAX = 500; // the server reads no more than this many ids

  function items() {
    return list.querySelectorAll("li[id^='reply-']");
  }

  function idOf(item) {
    return parseInt(item.id.slice(6), 10);
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
    if (document.getElementById("reply-" + id)) { return; }
    var empty = list.querySelector("li.empty");
    if (empty) { empty.remove(); }
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var item = template.content.firstElementChild;
    if (!item) { return; }
    // Forms in pushed replies carry no CSRF token: take the page's own.
    var token = document.querySelector("input[name='csrfmiddlewaretoken']");
    var blanks = item.querySelectorAll("input[name='csrfmiddlewaretoken']");
    for (var i = 0; i < blanks.length; i++) { blanks[i].value = token ? token.value : ""; }
    // In the order they were written, as the page shows them: a reply approved after review
    // takes its own place; a new one goes at the end.
    var all = items();
    for (var j = 0; j < all.length; j++) {
      if (idOf(all[j]) > id) { list.insertBefore(item, all[j]); return; }
    }
    list.appendChild(item);
  }

  function remove(id) {
    var item = document.getElementById("reply-" + id);
    if (item && item.parentNode === list) { item.remove(); }
  }

  function sync(data) {
    var i;
    if (data.reset) {
      // Too much changed while away: the thread's last page, as a reload would show it.
      var old = items();
      for (i = 0; i < old.length; i++) { old[i].remove(); }
    }
    if (typeof data.from === "number") { from = data.from; }
    for (i = 0; i < data.replies.length; i++) { add(data.replies[i].id, data.replies[i].html); }
    for (i = 0; i < data.removed.length; i++) { remove(data.removed[i]); }
    advance(data.cursor);
  }

  function connect() {
    var socket = new WebSocket(url);
    socket.addEventListener("open", function () {
      delay = 1000;
      socket.send(JSON.stringify({ cursor: cursor, have: shownIds(), from: from }));
    });
    socket.addEventListener("message", function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "reply") { add(data.id, data.html); advance(data.cursor); }
      if (data.type === "removed") { remove(data.id); advance(data.cursor); }
      if (data.type === "sync") { sync(data); }
    });
    socket.addEventListener("close", function (event) {
      if (event.code === 4401 || event.code === 4403) { return; }
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }
  connect();
})();

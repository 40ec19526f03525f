/* New replies appear without a reload. The page works fully without this script.
   On every (re)connect the client asks for replies after the last one it has, so nothing is
   lost while the connection was down. */
(function () {
  "use strict";
  var list = document.getElementById("replies");
  if (!list || !window.WebSocket) { return; }
  var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + list.getAttribute("data-live-url");
  var delay = 1000;

  function lastId() {
    var items = list.querySelectorAll("li[id^='reply-']");
    var max = 0;
    for (var i = 0; i < items.length; i++) {
      var n = parseInt(items[i].id.slice(6), 10);
      if (n > max) { max = n; }
    }
    return max;
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
    list.appendChild(item);
  }

  function connect() {
    var socket = new WebSocket(url);
    socket.addEventListener("open", function () {
      delay = 1000;
      socket.send(JSON.stringify({ since: lastId() }));
    });
    socket.addEventListener("message", function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "reply") { add(data.id, data.html); }
    });
    socket.addEventListener("close", function (event) {
      if (event.code === 4401 || event.code === 4403) { return; }
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }
  connect();
})();

/* Search suggestions as you type: progressive enhancement of the search boxes.
 *
 * Without JavaScript the boxes are plain GET forms. With it, the header box (#site-search-q) and any
 * input[data-search-autocomplete] become ARIA 1.2 comboboxes: suggestions are fetched (debounced) from
 * the endpoint named in this script tag's data-endpoint, shown in a listbox, chosen with the arrow
 * keys (aria-activedescendant), opened with Enter, closed with Escape. Enter without a chosen
 * suggestion submits the form as usual.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var endpoint = (script && script.dataset.endpoint) || "/tim-kiem/goi-y/";
  var DELAY = 200;
  var MIN_LENGTH = 2;
  var counter = 0;

  function ensureStyles() {
    if (!script || document.querySelector('link[href*="css/search.css"]')) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = script.src.replace(/js\/search-autocomplete\.js(\?.*)?$/, "css/search.css");
    document.head.appendChild(link);
  }

  function setup(input) {
    if (input.dataset.acReady) return;
    input.dataset.acReady = "1";
    counter += 1;
    var listId = "search-ac-list-" + counter;
    var statusId = "search-ac-status-" + counter;
    var wrapper = document.createElement("div");
    wrapper.className = "search-ac";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-ac__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", document.documentElement.lang === "en" ? "Suggestions" : "Gợi ý");
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("div");
    status.id = statusId;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var timer = null;
    var active = -1;
    var items = [];
    var lastQuery = "";
    var controller = null;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlightOption(index) {
      var options = list.querySelectorAll("[role=option]");
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(index) {
      if (items[index] && items[index].url) window.location.assign(items[index].url);
    }

    function render(results) {
      list.innerHTML = "";
      items = results;
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!results.length) {
        close();
        status.textContent = input.value.trim().length >= MIN_LENGTH ? (document.documentElement.lang === "en" ? "No suggestions" : "Không có gợi ý") : "";
        return;
      }
      results.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "search-ac__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        // name_html is escaped by the server; only <mark> tags are added there.
        option.innerHTML = item.name_html;
        var code = document.createElement("small");
        code.textContent = item.code;
        option.appendChild(code);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          go(index);
        });
        list.appendChild(option);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = results.length + (document.documentElement.lang === "en" ? " suggestions, use the arrow keys" : " gợi ý, dùng phím mũi tên để chọn");
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) return;
      lastQuery = query;
      if (query.length < MIN_LENGTH) {
        close();
        return;
      }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(endpoint + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query) render(data.results || []);
        })
        .catch(function () {});
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (list.hidden) {
          lastQuery = "";
          fetchSuggestions();
          return;
        }
        event.preventDefault();
        highlightOption(active + 1 >= items.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp") {
        if (list.hidden) return;
        event.preventDefault();
        highlightOption(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          go(active);
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      }
    });
    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  }

  function init() {
    var inputs = document.querySelectorAll("#site-search-q, input[data-search-autocomplete]");
    if (!inputs.length || !window.fetch) return;
    ensureStyles();
    for (var i = 0; i < inputs.length; i++) setup(inputs[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

// Search suggestions: fills the <datalist> of the search box as the visitor types.
// Progressive enhancement only: without this script the form and its datalist still work.
(function () {
    "use strict";
    var form = document.querySelector("form[data-suggestions-url]");
    if (!form || !window.fetch) { return; }
    var input = form.querySelector("input[list]");
    var list = document.getElementById(input && input.getAttribute("list"));
    if (!input || !list) { return; }
    var url = form.getAttribute("data-suggestions-url");
    var timer = null;
    var lastQuery = "";

    function fill(suggestions) {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        suggestions.forEach(function (text) {
            var option = document.createElement("option");
            option.value = text;
            list.appendChild(option);
        });
    }

    input.addEventListener("input", function () {
        var query = input.value.trim();
        if (query.length < 2 || query === lastQuery) { return; }
        lastQuery = query;
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
            fetch(url + "?q=" + encodeURIComponent(query), { headers: { "Accept": "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) { if (input.value.trim() === query) { fill(data.suggestions || []); } })
                .catch(function () { /* suggestions are optional */ });
        }, 200);
    });
}());

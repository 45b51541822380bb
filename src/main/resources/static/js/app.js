// Small behaviours the pages share; every page works without them. Served by the app: the content
// security policy allows no inline script.

// "Remove" and other confirmations: asked here; confirmed forms post confirmed=true. Without this
// script the server shows a confirmation page instead.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var message = form.getAttribute('data-confirm');
  if (!message) {
    return;
  }
  if (!window.confirm(message)) {
    event.preventDefault();
    return;
  }
  var confirmed = document.createElement('input');
  confirmed.type = 'hidden';
  confirmed.name = 'confirmed';
  confirmed.value = 'true';
  form.appendChild(confirmed);
});

// Fields that do not apply (data-na-when="controlling:CODE,CODE") are hidden while the controlling
// field holds one of the codes. The server stores them as "not applicable" whatever they hold.
function registryApplyBranching(root) {
  root.querySelectorAll('[data-na-when]').forEach(function (row) {
    var condition = row.getAttribute('data-na-when').split(':');
    var controlling = document.getElementById('f-' + condition[0]);
    row.hidden = !!controlling && condition[1].split(',').indexOf(controlling.value) >= 0;
  });
}

// "12 of 500 characters" under text fields, kept up to date while typing.
function registryUpdateCount(field) {
  var counter = document.getElementById(field.getAttribute('data-count'));
  var template = counter && counter.getAttribute('data-template');
  if (counter && template) {
    counter.textContent = template.replace('{0}', field.value.length);
  }
}

document.addEventListener('change', function () { registryApplyBranching(document); });
document.addEventListener('input', function (event) {
  if (event.target.hasAttribute && event.target.hasAttribute('data-count')) {
    registryUpdateCount(event.target);
  }
});
document.addEventListener('DOMContentLoaded', function () {
  // The menu comes open (so that it works without this script); on a phone it starts closed.
  var menu = document.getElementById('nav-menu');
  if (menu && window.matchMedia('(max-width: 767.98px)').matches) {
    menu.open = false;
  }
  registryApplyBranching(document);
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
});

// The form editor's preview is a form to look at, not to send.
document.addEventListener('submit', function (event) {
  if (event.target.getAttribute('data-preview')) {
    event.preventDefault();
  }
});
